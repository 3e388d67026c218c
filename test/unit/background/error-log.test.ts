/**
 * The background's error reports outlive the worker: kept in storage.session after each new one,
 * and put back in front of the new ones when a stopped worker starts again; a rejection nobody
 * handled is reported too.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { keepErrorReports } from '../../../src/background/error-log.ts';
import { browser } from '../../../src/shared/browser.ts';
import { type ErrorReport, errorReporter, recentErrorsKey, reportError } from '../../../src/shared/report-error.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';

const stored = async () =>
  ((await fakeBrowser.storage.session.get(recentErrorsKey))[recentErrorsKey] ?? []) as ErrorReport[];

describe('the background’s error reports', () => {
  beforeEach(() => {
    resetFakeBrowser();
    errorReporter.keepIn(null);
  });

  it('are kept in storage.session, and a restarted worker keeps the earlier ones in front', async () => {
    const earlier: ErrorReport = {
      where: 'background: sync',
      message: 'before the worker stopped',
      code: null,
      kind: 'failure',
      at: 1,
      count: 1,
    };
    await fakeBrowser.storage.session.set({ [recentErrorsKey]: [earlier] });
    const scope = new EventTarget();
    keepErrorReports(browser, scope);
    await expect.poll(() => errorReporter.recent().some((report) => report.message === earlier.message)).toBe(true);
    reportError(new Error('after the restart'), { where: 'background: test', silent: true });
    await expect
      .poll(async () => (await stored()).map((report) => report.message))
      .toEqual(expect.arrayContaining(['before the worker stopped', 'after the restart']));
    const messages = (await stored()).map((report) => report.message);
    expect(messages.indexOf('before the worker stopped')).toBeLessThan(messages.indexOf('after the restart'));

    // A rejection nobody handled in the worker.
    const unhandled = new Event('unhandledrejection') as Event & { reason?: unknown };
    unhandled.reason = new Error('a void promise failed');
    scope.dispatchEvent(unhandled);
    await expect
      .poll(async () => (await stored()).find((report) => report.message === 'a void promise failed')?.where)
      .toBe('background: unhandled');
  });
});
