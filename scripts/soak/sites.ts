/**
 * The soak's two blogs (issue 13): native WordPress 7.1 each, one with the Freigabe Bridge active
 * and one without, each with the `status-ledger` scenario, its own pending comments and its own
 * fault proxy in front. Started side by side; FREIGABE_SOAK_PORT and the port after it.
 */

import type { FaultProxy } from '../../test/support/fault-proxy-server.ts';
import { startFaultProxy } from '../../test/support/fault-proxy-server.ts';
import { addComments, type DemoSiteUser, startWordPress, type WordPressSite } from '../wp/index.ts';
import { demoUser, restClient, restRoot } from '../wp/rest.ts';
import { setBridge, setScenarios } from '../wp/scenarios.ts';
import { clearLedger } from '../wp/status-ledger.ts';

export interface SoakSite {
  /** `bridge` or `plain`: how the ledger, the oracle and the report name it */
  name: 'bridge' | 'plain';
  wp: WordPressSite;
  proxy: FaultProxy;
  /** the REST root straight at WordPress (the other moderator, the oracle) */
  root: string;
  admin: DemoSiteUser;
  /** the extension's account; its Application Password changes when the sign-in expires (faults.ts) */
  editor: DemoSiteUser;
  /** the extension's site id (its REST root through the proxy), once connected */
  siteId: string;
  pending: number;
  /** the post whose comments only bulk jobs change (jobs.ts) */
  jobPost: number;
  jobComments: number;
}

export async function startSoakSites(port: number, comments: number, jobComments: number): Promise<SoakSite[]> {
  const kinds = [
    { name: 'bridge', port, dir: '.wp/soak' },
    { name: 'plain', port: port + 1, dir: '.wp/soak-plain' },
  ] as const;
  const started = await Promise.allSettled(
    kinds.map((kind) =>
      startWordPress({ backend: 'native', port: kind.port, dir: kind.dir, fresh: true, log: () => undefined }),
    ),
  );
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    for (const wp of running) await wp.stop();
    throw failed.reason;
  }
  const sites: SoakSite[] = [];
  try {
    for (const [index, kind] of kinds.entries()) {
      const wp = running[index] as WordPressSite;
      await setScenarios(wp, ['status-ledger']);
      await setBridge(wp, kind.name === 'bridge');
      await clearLedger(wp.info);
      const perPost = Math.ceil(comments / kinds.length / wp.info.posts.length);
      for (const post of wp.info.posts) await addComments(wp, post.id, perPost);
      const jobPost = await restClient(restRoot(wp.info), demoUser(wp.info, 'admin'))<{ id: number }>(
        'POST',
        'wp/v2/posts',
        { title: 'Soak: bulk jobs', status: 'publish', content: 'Comments only bulk jobs change.' },
      );
      await addComments(wp, jobPost.id, jobComments);
      const proxy = await startFaultProxy(wp.url);
      sites.push({
        name: kind.name,
        wp,
        proxy,
        root: restRoot(wp.info),
        admin: demoUser(wp.info, 'admin'),
        editor: { ...demoUser(wp.info, 'editor') },
        siteId: '',
        pending: perPost * wp.info.posts.length,
        jobPost: jobPost.id,
        jobComments,
      });
    }
  } catch (error) {
    await stopSoakSites(sites, running);
    throw error;
  }
  return sites;
}

export async function stopSoakSites(sites: readonly SoakSite[], wps = sites.map((site) => site.wp)): Promise<void> {
  for (const site of sites) await site.proxy.close().catch((error) => console.error('cleanup:', error));
  for (const wp of wps) await wp.stop().catch((error) => console.error('cleanup:', error));
}

/**
 * The sign-in expires: every Application Password of the extension's account revoked (as a user
 * does under Users → Profile, or a security plugin on a password change) and a new one created.
 * Returns the new password; the site's editor account carries it from then on.
 */
export async function renewApplicationPassword(site: SoakSite): Promise<string> {
  const admin = restClient(site.root, site.admin);
  const route = `wp/v2/users/${site.editor.id}/application-passwords`;
  await admin('DELETE', route);
  const created = await admin<{ password: string }>('POST', route, { name: `Freigabe soak ${Date.now()}` });
  site.editor.applicationPassword = created.password;
  return created.password;
}
