import type { FreigabeDb } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { useLiveQuery } from '../shared/ui/use-live-query.ts';
import { ConnectForm } from './ConnectForm.tsx';

export function Options({ db }: { db: FreigabeDb }) {
  const sites = useLiveQuery(() => db.sites.toArray(), [db]);
  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('optionsSites')}</h2>
        {sites.state === 'ready' && sites.value.length === 0 && <p class="muted">{t('optionsNoSites')}</p>}
        {sites.state === 'ready' && sites.value.length > 0 && (
          <ul class="site-list">
            {sites.value.map((site) => (
              <li key={site.id} class="site-row" data-site-id={site.id}>
                <strong>{site.name}</strong> <span class="muted">{site.home}</span>
                <div class="muted">
                  {t(site.mode === 'moderator' ? 'modeModerator' : 'modeAuthor', [site.userName])} ·{' '}
                  {t('pendingCount', [String(site.pendingTotal)])}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConnectForm />
    </main>
  );
}
