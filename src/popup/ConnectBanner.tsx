/**
 * On a WordPress site that is not connected yet, offers to connect it. Looking at the tab needs the
 * user to have opened the popup there (activeTab): Freigabe has no access to sites before that.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { sendToBackground, type TabProbe } from '../shared/messages.ts';
import { reportError } from '../shared/report-error.ts';

export function ConnectBanner({ tabId }: { tabId: number }) {
  const [probe, setProbe] = useState<TabProbe | null>(null);
  useEffect(() => {
    let current = true;
    sendToBackground({ type: 'probeTab', tabId })
      .then((result) => current && setProbe(result))
      .catch((error: unknown) => {
        // The banner offers nothing then; kept for "report a problem".
        reportError(error, { where: 'popup: probe tab', silent: true });
        if (current) setProbe({ kind: 'unavailable' });
      });
    return () => {
      current = false;
    };
  }, [tabId]);
  if (probe?.kind !== 'connectable') return null;
  const connect = async () => {
    const options = new URL(browser.runtime.getURL('src/options/index.html'));
    options.searchParams.set('connect', probe.url);
    await browser.tabs.create({ url: options.href });
    window.close();
  };
  return (
    <section class="connect-banner" aria-label={t('popupConnectThisSite')}>
      <p>{t('popupConnectable', [probe.site])}</p>
      <button type="button" data-action="connect-this-site" onClick={connect}>
        {t('popupConnectThisSite')}
      </button>
    </section>
  );
}
