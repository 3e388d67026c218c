/**
 * The real WordPress behind the fault proxy, for the background's code in Node: before every test a
 * fresh fake browser with the site's and the proxy's origins granted, the proxy's faults cleared.
 */
import { originPattern } from '../../src/background/sites/permission.ts';
import { grantedOrigins, resetFakeBrowser } from './fake-browser.ts';
import { type FaultProxy, useFaultProxy } from './fault-proxy.ts';

export function useProxiedWordPress(siteUrl: string, beforeEachTest: (proxy: FaultProxy) => void = () => undefined) {
  return useFaultProxy(siteUrl, (proxy) => {
    resetFakeBrowser();
    grantedOrigins.add(originPattern(siteUrl));
    grantedOrigins.add(originPattern(proxy.url));
    beforeEachTest(proxy);
  });
}
