// @vitest-environment jsdom
/**
 * The block form (popup dialog and inline panel): prefilled with the comment's first key, the list
 * chosen, "Blocked … · Undo" after the background answered; a word too short is refused before
 * anything is sent; where blocking cannot work it says why instead of offering a form. And the
 * article's match line: the entry is named only when it is not the commenter's email, IP or browser.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inlineBlockMatch } from '../../../src/background/inline/blocklist-match.ts';
import type { BlockChoice, BlockEntry } from '../../../src/shared/blocklist.ts';
import { type BlockAnswer, MessageError } from '../../../src/shared/messages.ts';
import { BlockForm } from '../../../src/shared/ui/BlockForm.tsx';
import { commentRow } from '../../support/popup-harness.ts';
import { testSite } from '../../support/rows.ts';

afterEach(cleanup);

const keys = { email: 'mara@example.net', ip: '198.51.100.77', host: null };

function setup(availability: Parameters<typeof BlockForm>[0]['availability'] = 'ready') {
  const block = vi.fn(
    async (choice: BlockChoice): Promise<BlockAnswer> => ({
      list: choice.list,
      entry: choice.word?.trim() ?? keys.email,
      result: 'added',
    }),
  );
  const unblock = vi.fn(async (_entry: BlockEntry) => ({ result: 'removed' as const }));
  const onClose = vi.fn();
  const view = render(
    <BlockForm
      keys={keys}
      availability={availability}
      installUrl="https://blog.example/wp-admin/plugin-install.php?tab=upload"
      block={block}
      unblock={unblock}
      onClose={onClose}
    />,
  );
  return { block, unblock, onClose, view };
}

describe('BlockForm', () => {
  it('blocks the email into the chosen list, then undoes exactly that entry', async () => {
    const { block, unblock, view } = setup();
    const email = view.container.querySelector<HTMLInputElement>('input[data-block-key="email"]');
    expect(email?.checked).toBe(true);
    fireEvent.click(view.container.querySelector('input[data-block-list="disallowed"]') as Element);
    fireEvent.click(view.container.querySelector('button[data-action="confirm-block"]') as Element);
    await screen.findByText('Blocked mara@example.net: new comments that match go to the Trash.');
    expect(block).toHaveBeenCalledWith({ key: 'email', list: 'disallowed' });
    fireEvent.click(view.container.querySelector('button[data-action="undo-block"]') as Element);
    await screen.findByText('mara@example.net is no longer blocked.');
    expect(unblock).toHaveBeenCalledWith({ list: 'disallowed', entry: 'mara@example.net' });
  });

  it('refuses a word too short before sending anything, and sends a good one', async () => {
    const { block, view } = setup();
    fireEvent.click(view.container.querySelector('input[data-block-key="word"]') as Element);
    const word = view.container.querySelector('input.block-word') as HTMLInputElement;
    fireEvent.input(word, { target: { value: ' ab ' } });
    fireEvent.click(view.container.querySelector('button[data-action="confirm-block"]') as Element);
    await screen.findByText('At least 3 characters: a shorter entry would catch almost every comment.');
    expect(block).not.toHaveBeenCalled();
    fireEvent.input(word, { target: { value: 'Quittenmus' } });
    fireEvent.click(view.container.querySelector('button[data-action="confirm-block"]') as Element);
    await waitFor(() => expect(block).toHaveBeenCalledWith({ key: 'word', word: 'Quittenmus', list: 'moderation' }));
  });

  it('says in the user’s words why the background refused, and keeps the form', async () => {
    const { block, view } = setup();
    block.mockRejectedValueOnce(new MessageError('blocklist_admin_only', 'Only an administrator… (English)'));
    fireEvent.click(view.container.querySelector('button[data-action="confirm-block"]') as Element);
    await screen.findByText(/^Only an administrator of this site may block commenters/);
    expect(view.container.querySelector('button[data-action="confirm-block"]')).not.toBeNull();
    block.mockRejectedValueOnce(new MessageError('offline', 'The site cannot be reached.'));
    fireEvent.click(view.container.querySelector('button[data-action="confirm-block"]') as Element);
    await screen.findByText('Could not block: The site cannot be reached.');
  });

  it('says that the undo failed, not that blocking failed', async () => {
    const { unblock, view } = setup();
    fireEvent.click(view.container.querySelector('button[data-action="confirm-block"]') as Element);
    await screen.findByText(/^Blocked mara@example.net/);
    unblock.mockRejectedValueOnce(new MessageError('offline', 'The site cannot be reached.'));
    fireEvent.click(view.container.querySelector('button[data-action="undo-block"]') as Element);
    await screen.findByText('Could not undo the block: The site cannot be reached.');
  });

  it.each([
    ['admin-only', 'Only an administrator of this site may block commenters', false],
    ['no-bridge', 'needs the Freigabe Bridge plugin', true],
    ['old-bridge', 'Update the Freigabe Bridge on this site (1.1.0 or later)', true],
  ] as const)('%s: says why, offers no form', (availability, words, link) => {
    const { view } = setup(availability);
    expect(view.container.textContent).toContain(words);
    expect(view.container.querySelector('form')).toBeNull();
    expect(view.container.querySelector('a[data-action="install-bridge"]') !== null).toBe(link);
  });
});

describe('the inline match line', () => {
  const site = {
    ...testSite(),
    mode: 'moderator' as const,
    blocklist: {
      state: 'read' as const,
      lists: { disallowed: ['198.51.100.77'], moderation: ['Quittenmus'], added: [] },
      readAt: 1,
    },
  };
  it('names the list but not the entry when only the commenter’s IP matches', () => {
    const comment = { ...commentRow(1), authorIp: '198.51.100.77' };
    expect(inlineBlockMatch(site, comment)).toEqual({ list: 'disallowed', entry: null });
  });
  it('names a word of the text', () => {
    const comment = { ...commentRow(2), authorIp: '203.0.113.1', contentRaw: 'Quittenmus!' };
    expect(inlineBlockMatch(site, comment)).toEqual({ list: 'moderation', entry: 'Quittenmus' });
  });
  it('says nothing to authors', () => {
    const comment = { ...commentRow(3), authorIp: '198.51.100.77' };
    expect(inlineBlockMatch({ ...site, mode: 'author' }, comment)).toBeNull();
  });
});
