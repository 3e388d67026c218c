/** Above the thread: what waits, the two views, spam on request, and the reactions overview. */
import { t } from '../../shared/i18n.ts';
import { trusted } from './trusted.ts';

export interface SummaryProps {
  pending: number;
  spam: number;
  pings: number;
  /** what waits on other comment pages (the counts above are the article's, all pages) */
  elsewhere: { page: number | null; count: number; link: string | null }[];
  withPending: boolean;
  showSpam: boolean;
  reactionsOpen: boolean;
  /** the last thing that went wrong, in words */
  error: string | null;
  onToggleView: () => void;
  onToggleSpam: () => void;
  onToggleReactions: () => void;
}

export function SummaryBar(props: SummaryProps) {
  return (
    <section class="fg bar" aria-label="Freigabe">
      <span class="summary" aria-live="polite">
        {t('inlineSummary', [String(props.pending), String(props.spam), String(props.pings)])}
      </span>
      {props.elsewhere.map((entry) => {
        const text =
          entry.page === null
            ? t('inlineElsewhereUnknown', [String(entry.count)])
            : t('inlineElsewhere', [String(entry.count), String(entry.page)]);
        return (
          <span class="elsewhere" key={entry.page ?? 'unknown'} data-page={entry.page ?? ''}>
            {entry.link ? <a href={entry.link}>{text}</a> : text}
          </span>
        );
      })}
      {props.error && (
        <span class="state failed" role="alert">
          {t('inlineError', [props.error])}
        </span>
      )}
      <span class="spacer" />
      <button type="button" aria-pressed={props.withPending} onClick={trusted(props.onToggleView)}>
        {props.withPending ? t('inlineAsReaders') : t('inlineWithPending')}
      </button>
      <button type="button" aria-pressed={props.showSpam} onClick={trusted(props.onToggleSpam)}>
        {props.showSpam ? t('inlineHideSpam') : t('inlineShowSpam')}
      </button>
      <button type="button" aria-expanded={props.reactionsOpen} onClick={trusted(props.onToggleReactions)}>
        {t('inlineReactions')}
      </button>
    </section>
  );
}

export interface GoneWords {
  note: string;
  reload: string;
}

/** Read while the extension is there: once it is gone, so is browser.i18n. */
export const goneWords = (): GoneWords => ({ note: t('inlineExtensionUpdated'), reload: t('inlineReloadPage') });

/**
 * Where the summary bar was, after the extension was updated or reloaded under the page: what
 * happened and the way out, instead of buttons that can no longer work.
 */
export function GoneNote({ words }: { words: GoneWords }) {
  return (
    <section class="fg bar gone" aria-label="Freigabe" data-extension-gone>
      <span class="state failed" role="alert">
        {words.note}
      </span>
      <span class="spacer" />
      <button type="button" class="primary" onClick={trusted(() => location.reload())}>
        {words.reload}
      </button>
    </section>
  );
}
