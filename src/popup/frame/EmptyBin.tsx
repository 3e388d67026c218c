/** "Empty spam" / "Empty trash", as in wp-admin: a job that deletes them all permanently, asked first with the count. */
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import type { ViewName } from '../queue/views.ts';

function EmptyBinView({ view, onEmpty }: { view: ViewName; onEmpty: () => void }) {
  if (view !== 'spam' && view !== 'trash') return null;
  return (
    <div class="view-tools">
      <button type="button" class="small danger" data-action="empty-view" onClick={onEmpty}>
        {t(view === 'spam' ? 'jobEmptySpam' : 'jobEmptyTrash')}
      </button>
    </div>
  );
}

export const EmptyBin = pure(EmptyBinView);
