/**
 * Switches a running test WordPress into the setups real blogs run, without reinstalling: each
 * scenario is a small must-use plugin file in `php/scenarios/` (what it reproduces and where that
 * behaviour is documented is written at its top), active while listed in the option
 * `freigabe_scenarios`; plain settings (permalinks, comment pages) are options.
 *   await setScenarios(site, ['no-application-passwords']);  …  await setScenarios(site, []);
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setupTarget } from './layouts.ts';
import { runSetup } from './setup-request.ts';
import { phpDir } from './wp-files.ts';

export interface SiteOnDisk {
  url: string;
  /** the site's folder (`WordPressSite.dir`, the tests' `inject('wpDir')`) */
  dir: string;
}

/** Every scenario there is (the files in php/scenarios/). */
export function scenarioNames(): string[] {
  return readdirSync(join(phpDir, 'scenarios'))
    .filter((file) => file.endsWith('.php'))
    .map((file) => file.slice(0, -4))
    .sort();
}

function where(site: SiteOnDisk) {
  // The core folder and its URL (…/wp when WordPress has its own directory).
  return setupTarget(site);
}

/** Makes exactly these scenarios active (an empty list: none). */
export async function setScenarios(site: SiteOnDisk, names: readonly string[]): Promise<void> {
  const known = new Set(scenarioNames());
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`No such scenario: ${unknown.join(', ')} (have: ${[...known].join(', ')})`);
  await runSetup(where(site), 'scenarios', { names: names.join(',') });
}

/** Sets WordPress options (null deletes one) and lets WordPress rebuild its rewrite rules. */
export async function setOptions(
  site: SiteOnDisk,
  options: Record<string, string | number | boolean | null | Record<string, unknown> | unknown[]>,
): Promise<void> {
  await runSetup(where(site), 'options', { options: JSON.stringify(options) });
}

/**
 * Activates or deactivates the Freigabe Bridge (wordpress-plugin/freigabe-bridge, copied into every
 * site at start) as the Plugins screen does; inactive by default, so the suite runs without it.
 */
export async function setBridge(site: SiteOnDisk, active: boolean): Promise<void> {
  const answer = await runSetup<{ active: boolean }>(where(site), 'bridge', { active: active ? '1' : '' });
  if (answer.active !== active)
    throw new Error(`The Freigabe Bridge is still ${answer.active ? 'active' : 'inactive'}`);
}

/** The web server's password of the `staging-basic-auth` scenario (php/scenarios/staging-basic-auth.php). */
export const stagingLogin = { user: 'staging', password: 'freigabe-staging', realm: 'Staging' } as const;
