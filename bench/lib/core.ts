/**
 * Which WordPress a benchmark runs on: `--core=7.1|6.1|6.5` (or FREIGABE_WP_CORE), 7.1 by default,
 * so figures can be taken on the current release next to the oldest one we test.
 */
import { type CoreVersion, defaultCore, isCoreVersion } from '../../scripts/wp/cores.ts';

export function benchCore(argv: readonly string[] = process.argv): CoreVersion {
  const asked = argv.find((arg) => arg.startsWith('--core='))?.split('=')[1] ?? process.env.FREIGABE_WP_CORE;
  if (asked === undefined) return defaultCore;
  if (!isCoreVersion(asked)) throw new Error(`--core=${asked}: use 7.1, 6.1 or 6.5`);
  return asked;
}
