import type { FreigabeDb } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { useLiveQuery } from '../shared/ui/use-live-query.ts';
import { ClearCache } from './ClearCache.tsx';
import { ConnectForm } from './ConnectForm.tsx';
import { KeyboardSection } from './KeyboardSection.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { SiteList } from './SiteList.tsx';

export function Options({ db, connectUrl }: { db: FreigabeDb; connectUrl: string }) {
  const sites = useLiveQuery(() => db.sites.toArray(), [db]);
  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('optionsSites')}</h2>
        {sites.state === 'ready' && <SiteList sites={sites.value} />}
      </section>
      <ConnectForm initialUrl={connectUrl} />
      <SettingsForm db={db} />
      {sites.state === 'ready' && <ClearCache sites={sites.value} />}
      <KeyboardSection />
    </main>
  );
}
