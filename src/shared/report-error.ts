/**
 * The one error reporter every context uses (style habit 17; Refined GitHub's `logError`): a
 * failure that is not handled where it happens is reported here, never swallowed by a bare catch.
 *
 * - **Classified, not guessed**: "Extension context invalidated" and "Receiving end does not exist"
 *   mean the extension was updated or reloaded under the page (`extension-gone`); the caller stops
 *   quietly and tells the user to reload, nothing is printed. Everything else is a `failure`.
 * - **Deduplicated**: the same error from the same place is printed once per interval (a loop that
 *   fails on every tick says so once a minute, with a count), and kept once.
 * - **Printed** in a form one can search the console for (`Freigabe · where: message`): with the
 *   error object in test builds, as one line in release builds. `silent` reports are kept, not
 *   printed — for failures the caller already shows the user.
 * - **Kept** in memory, the last 50 per context, for a future "report a problem" (ADR 026); the
 *   background mirrors its own to storage.session (`keepReportsIn`), so they outlive the worker.
 *
 * No browser API and no context import: each context's entry wires what it needs.
 */

export type ErrorKind = 'extension-gone' | 'failure';

export interface ErrorReport {
  /** where it happened, e.g. 'background: sync' or 'inline: decide' */
  where: string;
  message: string;
  /** the background's or WordPress's error code, when the error carries one */
  code: string | null;
  kind: ErrorKind;
  /** when it was first reported in this interval (ms since the epoch) */
  at: number;
  /** how often it came in this interval */
  count: number;
}

export interface ReportOptions {
  where: string;
  /** kept for "report a problem" but not printed: the caller shows the user already */
  silent?: boolean;
}

/** What the browser's messaging says when this script's extension is gone (updated, reloaded, removed). */
const extensionGonePattern =
  /Extension context invalidated|Receiving end does not exist|Could not establish connection/i;

const messageOf = (error: unknown): string => {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
};

const codeOf = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;

/** Whether an error says the extension went away under this script (an update or reload). */
export function isExtensionGone(error: unknown): boolean {
  return extensionGonePattern.test(messageOf(error));
}

export interface ReporterOptions {
  now?: () => number;
  /** prints one report (default: the console, by build) */
  print?: (report: ErrorReport, error: unknown) => void;
  /** the same error from the same place is printed and kept once in this many ms */
  intervalMs?: number;
  /** how many reports are kept */
  limit?: number;
}

export interface ErrorReporter {
  report(error: unknown, options: ReportOptions): ErrorReport;
  /** the reports kept, oldest first */
  recent(): ErrorReport[];
  /** called with the kept reports after each new one (the background persists them) */
  keepIn(keep: ((reports: ErrorReport[]) => void) | null): void;
  /** puts reports kept before (a worker that was stopped) in front of the new ones */
  restore(earlier: readonly ErrorReport[]): void;
}

/** Where the background keeps its reports (storage.session: memory only, extension pages only). */
export const recentErrorsKey = 'recentErrors';

function printToConsole(report: ErrorReport, error: unknown): void {
  const line = `Freigabe · ${report.where}: ${report.message}${report.code ? ` (${report.code})` : ''}`;
  if (__FREIGABE_MODE__ === 'test') console.error(line, error);
  else console.warn(line);
}

export function createErrorReporter({
  now = () => Date.now(),
  print = printToConsole,
  intervalMs = 60_000,
  limit = 50,
}: ReporterOptions = {}): ErrorReporter {
  const kept: ErrorReport[] = [];
  /** the report of each place and message within its interval */
  const latest = new Map<string, ErrorReport>();
  let keep: ((reports: ErrorReport[]) => void) | null = null;

  return {
    report(error, { where, silent = false }) {
      const message = messageOf(error);
      const key = `${where}\u0000${message}`;
      const at = now();
      const earlier = latest.get(key);
      if (earlier && at - earlier.at < intervalMs) {
        earlier.count += 1;
        return earlier;
      }
      const kind: ErrorKind = isExtensionGone(error) ? 'extension-gone' : 'failure';
      const report: ErrorReport = { where, message, code: codeOf(error), kind, at, count: 1 };
      latest.set(key, report);
      kept.push(report);
      if (kept.length > limit) kept.splice(0, kept.length - limit);
      // Old intervals are forgotten with the reports they belong to (the map stays small).
      if (latest.size > limit * 2) for (const [oldKey, old] of latest) if (!kept.includes(old)) latest.delete(oldKey);
      // The extension going away is expected and shown on the page: nothing to print.
      if (!silent && kind === 'failure') print(report, error);
      try {
        keep?.([...kept]);
      } catch {
        // Keeping is best effort: a reporter that throws would hide the error it reports.
      }
      return report;
    },
    recent: () => kept.map((report) => ({ ...report })),
    keepIn(next) {
      keep = next;
    },
    restore(earlier) {
      kept.unshift(...earlier.filter((report) => !kept.includes(report)));
      if (kept.length > limit) kept.splice(0, kept.length - limit);
    },
  };
}

/** The reporter of this context (each context — worker, page, content script — has its own). */
export const errorReporter = createErrorReporter();

/** Reports an error from `where` (see the file's note); answers what was kept. */
export function reportError(error: unknown, options: ReportOptions): ErrorReport {
  return errorReporter.report(error, options);
}

/**
 * Reports the rejections nobody handled in this context (a `void promise` that failed), so no
 * failure of a fire-and-forget task goes unseen. `scope`: the worker's `self` or a page's `window`.
 */
export function reportUnhandledRejections(scope: Pick<EventTarget, 'addEventListener'>, where: string): void {
  scope.addEventListener('unhandledrejection', (event) => {
    reportError((event as PromiseRejectionEvent).reason, { where: `${where}: unhandled` });
  });
}
