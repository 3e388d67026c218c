/**
 * "Clear cache": a site's cached comments and posts are erased and loaded again. Decisions not sent
 * yet and drafts are never touched (the background keeps what they are about).
 */
import { useState } from 'preact/hooks';
import type { SiteRow } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { MessageError, sendToBackground } from '../shared/messages.ts';

export function ClearCache({ sites }: { sites: readonly SiteRow[] }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  if (sites.length === 0) return null;
  async function clear(site: SiteRow) {
    try {
      await sendToBackground({ type: 'clearCache', siteId: site.id });
      setResult({ ok: true, message: t('clearCacheDone', [site.name]) });
    } catch (error) {
      setResult({ ok: false, message: error instanceof MessageError ? error.message : String(error) });
    }
  }
  return (
    <section aria-labelledby="cache-heading" class="clear-cache">
      <h2 id="cache-heading">{t('clearCacheHeading')}</h2>
      <p class="muted">{t('clearCacheHelp')}</p>
      <div class="cache-buttons">
        {sites.map((site) => (
          <button
            key={site.id}
            type="button"
            class="secondary"
            data-action="clear-cache"
            data-site-id={site.id}
            onClick={() => clear(site)}
          >
            {t('clearCacheButton', [site.name])}
          </button>
        ))}
      </div>
      <p class={result?.ok === false ? 'error' : 'done'} role="status" aria-live="polite">
        {result?.message ?? ''}
      </p>
    </section>
  );
}
