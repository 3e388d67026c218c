/**
 * The draft saver every editor uses: saved a moment after typing stops, at once on flush; a failed
 * save is reported (never swallowed), kept, and saved again with the next key press or the next
 * flush; late answers to older saves change nothing. And why a save failed, in the user's words.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentMaxLength } from '../../../src/shared/comment-text.ts';
import { draftProblem } from '../../../src/shared/drafts/draft-problem.ts';
import { createDraftSaver, type DraftSaveStatus, draftDelayMs } from '../../../src/shared/drafts/draft-saver.ts';
import { MessageError } from '../../../src/shared/messages.ts';

/** A background whose answers the test gives, one save at a time. */
function background() {
  const saves: { content: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const statuses: DraftSaveStatus['state'][] = [];
  const saver = createDraftSaver({
    send: (content) =>
      new Promise<void>((resolve, reject) => {
        saves.push({ content, resolve, reject });
      }),
    onStatus: (status) => statuses.push(status.state),
  });
  return { saver, saves, statuses };
}

const refused = new MessageError('internal', 'The disk is full.');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the draft saver', () => {
  it('saves once typing pauses, the last text only', async () => {
    const { saver, saves } = background();
    saver.save('H');
    saver.save('Ha');
    await vi.advanceTimersByTimeAsync(draftDelayMs - 1);
    expect(saves).toHaveLength(0);
    saver.save('Hal');
    await vi.advanceTimersByTimeAsync(draftDelayMs);
    expect(saves.map((save) => save.content)).toEqual(['Hal']);
  });

  it('reports a refused save, and saves again with the next key press; then reports it saved', async () => {
    const { saver, saves, statuses } = background();
    saver.save('Hallo');
    await vi.advanceTimersByTimeAsync(draftDelayMs);
    saves[0]?.reject(refused);
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['failed']);
    saver.save('Hallo!');
    await vi.advanceTimersByTimeAsync(draftDelayMs);
    expect(saves.map((save) => save.content)).toEqual(['Hallo', 'Hallo!']);
    saves[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['failed', 'idle']);
  });

  it('keeps the refused text: a flush (the box closing) tries it again', async () => {
    const { saver, saves } = background();
    saver.save('Nicht verlieren');
    const first = saver.flush();
    saves[0]?.reject(refused);
    expect(await first).toBe(false);
    const second = saver.flush();
    expect(saves.map((save) => save.content)).toEqual(['Nicht verlieren', 'Nicht verlieren']);
    saves[1]?.resolve();
    expect(await second).toBe(true);
    expect(await saver.flush()).toBe(true);
    expect(saves).toHaveLength(2);
  });

  it('a late answer to an older save changes nothing', async () => {
    const { saver, saves, statuses } = background();
    saver.save('alt');
    void saver.flush();
    saver.save('neu');
    void saver.flush();
    saves[1]?.resolve();
    saves[0]?.reject(refused);
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual([]);
    expect(await saver.flush()).toBe(true);
    expect(saves).toHaveLength(2);
  });

  it('after cancel (the text was sent) a failing save brings nothing back', async () => {
    const { saver, saves } = background();
    saver.save('Gesendet');
    void saver.flush();
    saver.cancel();
    saves[0]?.reject(refused);
    await vi.advanceTimersByTimeAsync(draftDelayMs);
    expect(await saver.flush()).toBe(true);
    expect(saves).toHaveLength(1);
  });
});

describe('why a draft was not saved', () => {
  const format = (value: number) => value.toLocaleString('en-US');
  it.each([
    {
      name: 'longer than WordPress takes',
      error: new MessageError('invalid_message', 'Malformed request.'),
      content: 'x'.repeat(commentMaxLength + 1),
      expected: { message: 'draftTooLong', substitutions: ['65,526', '65,525'] },
    },
    {
      name: 'a malformed request of a text WordPress would take is not "too long"',
      error: new MessageError('invalid_message', 'Malformed request.'),
      content: 'kurz',
      expected: { message: 'draftNotSaved', substitutions: ['Malformed request.'] },
    },
    {
      name: 'the site was disconnected',
      error: new MessageError('site_not_connected', 'This site is not connected.'),
      content: 'Text',
      expected: { message: 'draftSiteNotConnected', substitutions: [] },
    },
    {
      name: 'the background did not answer',
      error: new MessageError('no_reply', 'The extension did not answer.'),
      content: 'Text',
      expected: { message: 'draftNoAnswer', substitutions: [] },
    },
    {
      name: 'the extension was updated under the page',
      error: new Error('Extension context invalidated.'),
      content: 'Text',
      expected: { message: 'draftNoAnswer', substitutions: [] },
    },
    {
      name: "anything else: the background's own words",
      error: new MessageError('internal', 'The disk is full.'),
      content: 'Text',
      expected: { message: 'draftNotSaved', substitutions: ['The disk is full.'] },
    },
  ])('$name', ({ error, content, expected }) => {
    expect(draftProblem(error, content, format)).toEqual(expected);
  });
});
