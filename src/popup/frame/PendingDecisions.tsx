/**
 * Decisions not finished yet, also those made before the popup was last closed: waiting ones can
 * still be undone, failed ones retried or dismissed. Failed ones and those the site's firewall
 * holds up are listed open. Nothing vanishes without the user seeing it.
 */
import { useState } from 'preact/hooks';
import { changedElsewhereKind } from '../../shared/changed-elsewhere.ts';
import type { OutboxRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import { formatNumber } from '../format.ts';
import { OutboxRowState } from '../list/OutboxLine.tsx';
import { commentKey } from '../queue/views.ts';

const shownAtMost = 50;

function PendingDecisionsView({ rows }: { rows: readonly OutboxRow[] }) {
  const [open, setOpen] = useState(false);
  if (rows.length === 0) return null;
  const failed = rows.filter((row) => row.state === 'failed' || row.state === 'conflict');
  // Done, then changed by someone else (no Bridge): not failed, but the user should see it.
  const changed = failed.filter((row) => row.error?.kind === changedElsewhereKind).length;
  // Held up by the site's firewall: not failed, but the user has to act (let Freigabe through).
  const heldUp = rows.filter((row) => row.state === 'waiting' && row.error?.kind === 'blocked');
  const waiting = rows.length - failed.length;
  const mustSee = [...failed, ...heldUp];
  const expanded = open || mustSee.length > 0;
  const listed = (expanded ? [...mustSee, ...rows.filter((row) => !mustSee.includes(row))] : []).slice(0, shownAtMost);
  return (
    <section
      class={failed.length > 0 ? 'pending-decisions has-failed' : 'pending-decisions'}
      aria-label={t('outboxHeading')}
    >
      <button
        type="button"
        class="link"
        aria-expanded={expanded}
        onClick={() => setOpen(!open)}
        disabled={mustSee.length > 0}
      >
        {[
          waiting > 0 && t('outboxSummaryWaiting', [formatNumber(waiting)]),
          failed.length > changed && t('outboxSummaryFailed', [formatNumber(failed.length - changed)]),
          changed > 0 && t('outboxSummaryChanged', [formatNumber(changed)]),
        ]
          .filter(Boolean)
          .join(' · ')}
      </button>
      {listed.length > 0 && (
        <ul>
          {listed.map((row) => (
            <li key={row.id} data-outbox-id={row.id}>
              <span class="outbox-author">{row.snapshot.authorName || t('anonymous')}:</span>{' '}
              <OutboxRowState row={row} commentKey={commentKey({ siteId: row.siteId, id: row.commentId })} />
            </li>
          ))}
          {rows.length > listed.length && (
            <li class="muted">{t('andMore', [formatNumber(rows.length - listed.length)])}</li>
          )}
        </ul>
      )}
    </section>
  );
}

export const PendingDecisions = pure(PendingDecisionsView);
