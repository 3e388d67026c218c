/**
 * The layer rules of the architecture are lint rules (biome.json, per folder), not prose: these
 * probes show that the linter refuses each forbidden import and lets the allowed ones through.
 * (Import cycles are refused by `noImportCycles`, type imports included; the lint step of npm test
 * runs it over the whole tree.)
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cases: { path: string; from: string; allowed: boolean }[] = [
  { path: 'src/content/inline/probe.ts', from: 'dexie', allowed: false },
  { path: 'src/content/inline/probe.ts', from: '../../shared/db/index.ts', allowed: false },
  { path: 'src/content/probe.ts', from: '../shared/wp/client.ts', allowed: false },
  { path: 'src/content/inline/probe.ts', from: '../../shared/moderation.ts', allowed: true },
  { path: 'src/shared/probe.ts', from: '../background/badge.ts', allowed: false },
  { path: 'src/shared/ui/probe.ts', from: '../../popup/App.tsx', allowed: false },
  { path: 'src/shared/probe.ts', from: './moderation.ts', allowed: true },
  { path: 'src/content/detect/probe.ts', from: '../inline/styles.ts', allowed: false },
  { path: 'src/content/detect/probe.ts', from: 'preact', allowed: false },
  { path: 'src/content/detect/probe.ts', from: './walker.ts', allowed: true },
  { path: 'src/content/detect/families/probe.ts', from: '../../inline/styles.ts', allowed: false },
  { path: 'src/content/detect/families/probe.ts', from: '../walker.ts', allowed: true },
  { path: 'src/popup/probe.ts', from: 'dexie', allowed: true },
];

/**
 * The files biome refuses with a restricted-import error. The rules go by folder, so each probe is
 * written where it claims to be for the one lint run, then removed (biome gives no diagnostics for
 * stdin).
 */
function refusedProbes(): Set<string> {
  const tag = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const files = cases.map(({ path, from }, index) => {
    const file = path.replace(/probe\.ts$/, `zz-architecture-probe-${tag}-${index}.ts`);
    writeFileSync(file, `import * as probe from '${from}';\nexport const used = probe;\n`);
    return file;
  });
  try {
    const run = spawnSync('node_modules/.bin/biome', ['lint', '--max-diagnostics=none', ...files], {
      encoding: 'utf8',
    });
    const output = `${run.stdout}${run.stderr}`;
    return new Set(files.filter((file) => new RegExp(`${file}:\\d+:\\d+ lint/style/noRestrictedImports`).test(output)));
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

describe('the layers, enforced by the linter', () => {
  it('refuses every forbidden import and allows the rest', () => {
    const refused = refusedProbes();
    const verdicts = cases.map(({ path, from }, index) => ({
      path,
      from,
      allowed: ![...refused].some((file) => file.endsWith(`-${index}.ts`)),
    }));
    expect(verdicts).toEqual(cases);
    // One run of the linter over the probes: seconds on a loaded machine.
  }, 30_000);
});
