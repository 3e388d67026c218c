/**
 * The blocklist entries Freigabe added on a site (ADR 030), each removable; the administrator's
 * own lines are counted, never listed or touched. Read again through the Bridge when the page opens.
 */
import { useEffect, useState } from 'preact/hooks';
import { type BlockEntry, blockAvailability, bridgeInstallUrl } from '../shared/blocklist.ts';
import type { SiteRow } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messages.ts';
import { blockErrorText } from '../shared/ui/block-texts.ts';

export function BlockedEntries({ site }: { site: SiteRow }) {
  const [error, setError] = useState<string | null>(null);
  const availability = blockAvailability(site);
  const asks = availability === 'ready' || availability === 'admin-only';
  useEffect(() => {
    if (!asks) return;
    sendToBackground({ type: 'readBlocklist', siteId: site.id }).catch((caught: unknown) =>
      setError(blockErrorText(caught, 'blockReadFailed')),
    );
  }, [site.id, asks]);

  async function remove(entry: BlockEntry) {
    setError(null);
    try {
      await sendToBackground({ type: 'unblock', siteId: site.id, ...entry });
    } catch (caught) {
      setError(blockErrorText(caught, 'blockRemoveFailed'));
    }
  }

  if (availability === 'not-offered' || availability === 'no-bridge') return null;
  const blocklist = site.blocklist;
  return (
    <section class="blocked" data-blocked-site={site.id}>
      <h3>{t('blockedHeading')}</h3>
      {availability === 'admin-only' && <p class="muted">{t('blockAdminOnly')}</p>}
      {availability === 'old-bridge' && (
        <p class="muted">
          {t('blockOldBridge')}{' '}
          <a href={bridgeInstallUrl(site.siteUrl)} target="_blank" rel="noreferrer">
            {t('blockInstallBridge')}
          </a>
        </p>
      )}
      {availability === 'ready' && blocklist?.state === 'read' && (
        <>
          {blocklist.lists.added.length === 0 ? (
            <p class="muted">{t('blockedNone')}</p>
          ) : (
            <ul class="blocked-entries">
              {blocklist.lists.added.map((added) => (
                <li
                  key={`${added.list}\n${added.entry}`}
                  data-blocked-entry={added.entry}
                  data-blocked-list={added.list}
                >
                  <bdi>
                    {t('blockedIn', [
                      added.entry,
                      t(added.list === 'disallowed' ? 'blockedListDisallowed' : 'blockedListModeration'),
                    ])}
                  </bdi>{' '}
                  <button
                    type="button"
                    class="secondary small"
                    data-action="remove-blocked"
                    aria-label={t('blockedRemoveLabel', [added.entry])}
                    onClick={() => void remove(added)}
                  >
                    {t('blockedRemove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {ownLines(blocklist.lists) > 0 && (
            <p class="muted">{t('blockedOthers', [String(ownLines(blocklist.lists))])}</p>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The lines of both lists that the administrator wrote (not Freigabe). */
function ownLines(lists: { disallowed: string[]; moderation: string[]; added: BlockEntry[] }): number {
  return lists.disallowed.length + lists.moderation.length - lists.added.length;
}
