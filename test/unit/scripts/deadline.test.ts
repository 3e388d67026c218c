/**
 * The harness's deadlines (scripts/deadline.ts) and its fresh start after a stalled setup
 * (launchPrepared): a step that hangs fails with its own name; a stall is tried once more with a
 * new browser, any other failure is not, and the stalled browser is closed either way.
 */
import { describe, expect, it, vi } from 'vitest';
import { processSnapshot, StallError, withDeadline } from '../../../scripts/deadline.ts';
import { type ExtensionBrowser, launchPrepared } from '../../../scripts/extension-browser.ts';

describe('withDeadline', () => {
  it('passes a step’s value through, and fails a step that hangs with its name', async () => {
    expect(await withDeadline('a quick step', 1000, Promise.resolve(7))).toBe(7);
    const hung = withDeadline('signing in', 20, new Promise(() => undefined));
    await expect(hung).rejects.toThrow(new StallError('signing in did not finish within 0.02 s'));
    await expect(withDeadline('a failing step', 1000, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });

  it('lists the servers and browsers of the machine for a stall’s report', () => {
    expect(processSnapshot().split('\n')[0]).toMatch(/PID.*STAT.*WCHAN.*COMMAND/);
  });
});

describe('launchPrepared', () => {
  const fakeBrowser = () => ({ close: vi.fn(async () => undefined) }) as unknown as ExtensionBrowser;

  it('starts a fresh browser once when a setup step stalls, and closes the stalled one', async () => {
    const browsers = [fakeBrowser(), fakeBrowser()];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let attempt = 0;
    const ready = await launchPrepared(
      async () => browsers[attempt++] as ExtensionBrowser,
      async () => {
        if (attempt === 1) throw new StallError('signing in did not finish within 90 s');
      },
    );
    expect(ready).toBe(browsers[1]);
    expect(browsers[0]?.close).toHaveBeenCalledOnce();
    expect(browsers[1]?.close).not.toHaveBeenCalled();
    expect(warn.mock.calls[0]?.[0]).toContain('signing in did not finish within 90 s; starting a fresh browser');
    warn.mockRestore();
  });

  it('does not try again after another failure, nor after a second stall', async () => {
    const other = fakeBrowser();
    await expect(
      launchPrepared(
        async () => other,
        async () => {
          throw new Error('wrong password');
        },
      ),
    ).rejects.toThrow('wrong password');
    expect(other.close).toHaveBeenCalledOnce();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const launch = vi.fn(async () => fakeBrowser());
    await expect(
      launchPrepared(launch, async () => {
        throw new StallError('connecting did not finish within 60 s');
      }),
    ).rejects.toThrow(StallError);
    expect(launch).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
