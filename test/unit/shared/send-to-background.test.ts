/**
 * Sending to the background while it is not listening yet (Firefox's event page starting up says
 * "Receiving end does not exist"): sent again a few times, since no one received it; any other
 * failure, or a background that never comes, is not hidden.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../src/shared/browser.ts';
import { sendToBackground } from '../../../src/shared/messages.ts';

const noReceiver = () => new Error('Could not establish connection. Receiving end does not exist.');

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('sendToBackground', () => {
  it('sends again while the background is not listening, and answers with its reply', async () => {
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(noReceiver())
      .mockRejectedValueOnce(noReceiver())
      .mockResolvedValueOnce({ ok: true, value: [] });
    await expect(sendToBackground({ type: 'syncNow' })).resolves.toEqual([]);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('gives up after about three seconds with the browser’s error', async () => {
    vi.useFakeTimers();
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(noReceiver());
    const sent = sendToBackground({ type: 'syncNow' });
    const failed = expect(sent).rejects.toThrow('Receiving end does not exist');
    await vi.advanceTimersByTimeAsync(3_000);
    await failed;
    expect(send).toHaveBeenCalledTimes(6);
  });

  it('does not send again after any other failure: it may have been received', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('The message port closed.'));
    await expect(sendToBackground({ type: 'syncNow' })).rejects.toThrow('port closed');
    expect(send).toHaveBeenCalledTimes(1);
  });
});
