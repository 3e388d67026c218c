/** The connected sites, each with its status line, sign-in, mode, and a way to disconnect. */
import { useState } from 'preact/hooks';
import type { SiteRow } from '../shared/db/index.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { MessageError, sendToBackground } from '../shared/messages.ts';
import { SiteStatus } from '../shared/ui/SiteStatus.tsx';
import { BlockedEntries } from './BlockedEntries.tsx';

const signInKeys: Record<SiteRow['signIn'], MessageKey> = {
  session: 'signInSession',
  authorize: 'signInAuthorize',
  password: 'signInPassword',
};

function SiteItem({ site }: { site: SiteRow }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unsent, setUnsent] = useState(false);
  async function disconnect(discardUnsent = false) {
    try {
      await sendToBackground({ type: 'disconnectSite', siteId: site.id, discardUnsent });
    } catch (caught) {
      setUnsent(caught instanceof MessageError && caught.code === 'unsent_decisions');
      setError(caught instanceof MessageError ? caught.message : String(caught));
    }
  }
  return (
    <li class="site-row" data-site-id={site.id}>
      <div>
        <strong>{site.name}</strong> <span class="muted">{site.home}</span>
      </div>
      <SiteStatus site={site} />
      <div class="muted">
        {t(site.mode === 'moderator' ? 'modeModerator' : 'modeAuthor', [site.userName])} · {t(signInKeys[site.signIn])}{' '}
        · {t('pendingCount', [String(site.pendingTotal)])}
      </div>
      {site.bridge && (
        <p class="bridge" data-bridge={site.bridge.version}>
          {t('bridgeActive', [site.bridge.version])}
        </p>
      )}
      <BlockedEntries site={site} />
      {site.mode === 'author' && <p class="notice">{t('authorMetadataNotice')}</p>}
      {confirming ? (
        <fieldset class="confirm">
          <legend>{t('disconnectConfirm', [site.name])}</legend>
          <button type="button" class="danger" data-action="confirm-disconnect" onClick={() => disconnect()}>
            {t('disconnectYes')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </fieldset>
      ) : (
        <button type="button" class="secondary" data-action="disconnect" onClick={() => setConfirming(true)}>
          {t('disconnect')}
        </button>
      )}
      {error && <p class="error">{error}</p>}
      {unsent && (
        <button type="button" class="danger" data-action="discard-and-disconnect" onClick={() => disconnect(true)}>
          {t('disconnectDiscard')}
        </button>
      )}
    </li>
  );
}

export function SiteList({ sites }: { sites: SiteRow[] }) {
  if (sites.length === 0) return <p class="muted">{t('optionsNoSites')}</p>;
  return (
    <ul class="site-list">
      {sites.map((site) => (
        <SiteItem key={site.id} site={site} />
      ))}
    </ul>
  );
}
