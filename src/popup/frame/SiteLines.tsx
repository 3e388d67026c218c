/** One line per connected site: its state, with Retry (a sync now) and Sign in (the options). */
import { browser } from '../../shared/browser.ts';
import type { SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { sendToBackground } from '../../shared/messages.ts';
import { reportError } from '../../shared/report-error.ts';
import { pure } from '../../shared/ui/pure.ts';
import { SiteStatusLine } from '../../shared/ui/SiteStatus.tsx';

function SiteLinesView({ sites }: { sites: readonly SiteRow[] }) {
  if (sites.length === 0) return null;
  return (
    <ul class="sites" aria-label={t('popupSites')}>
      {sites.map((site) => (
        <SiteStatusLine
          key={site.id}
          site={site}
          onRetry={(siteId) =>
            void sendToBackground({ type: 'syncNow', siteId }).catch((error: unknown) =>
              reportError(error, { where: 'popup: retry sync' }),
            )
          }
          onSignIn={() => void browser.runtime.openOptionsPage()}
        />
      ))}
    </ul>
  );
}

export const SiteLines = pure(SiteLinesView);
