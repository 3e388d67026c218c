/** Above the thread: what waits, the two views, spam on request, and the reactions overview. */
import { t } from '../../shared/i18n.ts';
import { trusted } from './trusted.ts';

export interface SummaryProps {
  pending: number;
  spam: number;
  pings: number;
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
