/**
 * Akismet's verdict on a comment, as the Freigabe Bridge exposes it (REST field `freigabe_akismet`,
 * moderators in edit context; see the Bridge's class-freigabe-bridge-akismet-field.php), and the one
 * line the popup row and the inline toolbar show: "Akismet: spam · caught 3 days ago · reported not
 * spam by redaktion". Without the Bridge (or Akismet) the field is absent and nothing is shown.
 *
 * The events are Akismet's own (class.akismet.php, class.akismet-admin.php's History box).
 */
import { isolate } from './bidi.ts';
import { type MessageKey, t } from './i18n.ts';
import type { AkismetEvent, AkismetResult, AkismetVerdict } from './wp/akismet-field.ts';

export type { AkismetVerdict };

/**
 * Akismet's checks, what it decided on its own: check-, recheck-, cron-retry- and webhook-spam/ham
 * (with -pending or -noaction after them), check-error and recheck-error.
 */
const checkEvent = /^(?:(?:re)?check|cron-retry|webhook)-(spam|ham|error)/;
const checkKeys: Record<string, MessageKey> = {
  spam: 'akismetCaught',
  ham: 'akismetCleared',
  error: 'akismetCheckFailed',
};

/** A moderator's report to Akismet (report-spam, report-ham). */
const reportEvent = /^report-(spam|ham)$/;

const verdictKeys: Record<AkismetResult, MessageKey> = {
  spam: 'akismetSpam',
  ham: 'akismetHam',
  error: 'akismetError',
  skipped: 'akismetSkipped',
};

export interface LinePart {
  key: MessageKey;
  substitutions?: string[];
}

/** The newest event of a kind, with what the pattern found in its name. */
function latest(history: readonly AkismetEvent[], kind: RegExp): [AkismetEvent, string] | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    const found = entry && kind.exec(entry.event);
    if (entry && found) return [entry, found[1] ?? ''];
  }
  return undefined;
}

/**
 * The line's parts, in order: the verdict, Akismet's latest check with when, the latest report
 * with by whom. `relative` says when ("3 days ago").
 */
export function akismetLineParts(verdict: AkismetVerdict, relative: (time: number) => string): LinePart[] {
  const parts: LinePart[] = [{ key: verdict.result === null ? 'akismetUnknown' : verdictKeys[verdict.result] }];
  const check = latest(verdict.history, checkEvent);
  const checkKey = check && checkKeys[check[1]];
  if (check && checkKey) parts.push({ key: checkKey, substitutions: [relative(check[0].time)] });
  const report = latest(verdict.history, reportEvent);
  if (report) {
    const [{ user }, kind] = report;
    const spam = kind === 'spam';
    parts.push(
      user === null
        ? { key: spam ? 'akismetReportedSpam' : 'akismetReportedHam' }
        : { key: spam ? 'akismetReportedSpamBy' : 'akismetReportedHamBy', substitutions: [isolate(user)] },
    );
  }
  return parts;
}

/**
 * Whether the line warns: Akismet's verdict is spam and no moderator has reported it as not spam
 * since (a report overrules the verdict, as wp-admin's list shows "Un-spammed by …" instead).
 */
export function akismetWarns(verdict: AkismetVerdict): boolean {
  return verdict.result === 'spam' && latest(verdict.history, reportEvent)?.[1] !== 'ham';
}

/** The line in the UI language (a login is set apart for bidi, as names are elsewhere). */
export function akismetLine(verdict: AkismetVerdict, relative: (time: number) => string): string {
  return akismetLineParts(verdict, relative)
    .map((part) => t(part.key, part.substitutions))
    .join(' · ');
}
