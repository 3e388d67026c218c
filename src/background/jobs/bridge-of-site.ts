/**
 * Whether a site has the Freigabe Bridge, as its connection detected it. `SiteRow.bridge` is
 * written by the Bridge's detection (issue 12); read structurally here so jobs run on REST alone
 * wherever it is absent or unreadable.
 */
import * as v from 'valibot';
import type { SiteRow } from '../../shared/db/index.ts';
import type { BridgeInfo } from '../../shared/wp/bridge.ts';

const storedBridge = v.object({
  version: v.string(),
  maxIds: v.pipe(v.number(), v.integer(), v.minValue(1)),
  actions: v.array(v.string()),
});

export function bridgeOfSite(site: SiteRow): BridgeInfo | null {
  const parsed = v.safeParse(storedBridge, (site as SiteRow & { bridge?: unknown }).bridge);
  return parsed.success ? parsed.output : null;
}
