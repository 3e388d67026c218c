/**
 * The Freigabe Bridge (wordpress-plugin/freigabe-bridge/) in the bench's WordPress: copied into its
 * plugins folder and switched on and off with WordPress's own activate_plugin/deactivate_plugins
 * (bench/lib/php/plugin-switch.php), so a round runs with or without it on the same data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupTarget } from '../../scripts/wp/layouts.ts';
import { findNativeTools } from '../../scripts/wp/native.ts';
import type { FloodSite } from './flood-seed.ts';

const pluginSource = 'wordpress-plugin/freigabe-bridge';
const pluginFile = 'freigabe-bridge/freigabe-bridge.php';
const switchScript = join(dirname(fileURLToPath(import.meta.url)), 'php', 'plugin-switch.php');

/** Whether this checkout has the Bridge plugin to install (and if not, why the Bridge rounds are skipped). */
export function bridgeState(_site: FloodSite): { available: boolean; reason: string } {
  if (existsSync(join(pluginSource, 'freigabe-bridge.php'))) return { available: true, reason: '' };
  return { available: false, reason: `no ${pluginSource}/freigabe-bridge.php in this checkout` };
}

/** Installs the Bridge (once) and activates or deactivates it; answers the active plugins. */
export async function setBridge(site: FloodSite, on: boolean): Promise<string[]> {
  const { wordpressDir } = setupTarget(site);
  const target = join(wordpressDir, 'wp-content', 'plugins', 'freigabe-bridge');
  if (!existsSync(target)) cpSync(pluginSource, target, { recursive: true });
  const php = findNativeTools().tools?.php;
  if (!php) throw new Error('setBridge: no php');
  const run = spawnSync(php, [switchScript, wordpressDir, site.url, on ? 'activate' : 'deactivate', pluginFile], {
    encoding: 'utf8',
  });
  if (run.status !== 0)
    throw new Error(`${on ? 'activating' : 'deactivating'} the Bridge failed: ${run.stderr}${run.stdout}`);
  const active = JSON.parse(run.stdout) as string[];
  if (active.includes(pluginFile) !== on)
    throw new Error(`the Bridge is ${on ? 'not active' : 'still active'}: ${run.stdout}`);
  return active;
}
