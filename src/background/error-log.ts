/**
 * The background's error reports (shared/report-error.ts), kept in storage.session so they outlive
 * the worker, which the browser stops after half a minute idle: memory only (never written to
 * disk, gone when the browser closes), and not readable by content scripts. A future "report a
 * problem" reads them from there (ADR 026). Rejections nobody handled are reported too.
 */
import type { browser as Browser } from '../shared/browser.ts';
import { type ErrorReport, errorReporter, recentErrorsKey, reportUnhandledRejections } from '../shared/report-error.ts';

export function keepErrorReports(browser: typeof Browser, scope: Pick<EventTarget, 'addEventListener'>): void {
  reportUnhandledRejections(scope, 'background');
  const session = browser.storage.session;
  void session
    .get(recentErrorsKey)
    .then((stored) => {
      const earlier = stored[recentErrorsKey];
      if (Array.isArray(earlier)) errorReporter.restore(earlier as ErrorReport[]);
    })
    .catch((error: unknown) => errorReporter.report(error, { where: 'background: read kept errors', silent: true }))
    .finally(() =>
      errorReporter.keepIn((reports) => {
        // Best effort: a failure to keep a report must not become a report of its own (a loop).
        session.set({ [recentErrorsKey]: reports }).catch(() => undefined);
      }),
    );
}
