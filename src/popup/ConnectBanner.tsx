/**
 * On a WordPress site that is not connected yet, offers to connect it. Looking at the tab needs the
 * user to have opened the popup there (activeTab): Freigabe has no access to sites before that.
 */
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import type { TabProbe } from '../shared/messages.ts';
import { pure } from '../shared/ui/pure.ts';

/** `closes`: the popup closes when the options open; a side panel stays. */
function ConnectBannerView({ probe, closes }: { probe: TabProbe | null; closes: boolean }) {
  if (probe?.kind !== 'connectable') return null;
  const connect = async () => {
    const options = new URL(browser.runtime.getURL('src/options/index.html'));
    options.searchParams.set('connect', probe.url);
    await browser.tabs.create({ url: options.href });
    if (closes) window.close();
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

export const ConnectBanner = pure(ConnectBannerView);
