/**
 * npm test: prerequisites, lint, typecheck, build (release + test), then every vitest project
 * (unit, integration against a real WordPress, e2e in Chromium). Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensurePrerequisites } from './prerequisites.ts';

const started = Date.now();
const timings: string[] = [];

function step(name: string, command: string, args: string[]): void {
  const begin = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - begin) / 1000).toFixed(1);
  timings.push(`${name} ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
}

try {
  ensurePrerequisites();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });
step('lint', 'node_modules/.bin/biome', ['check', '.']);
step('typecheck', 'node_modules/.bin/tsc', ['-p', 'tsconfig.json']);
step('typecheck (tests, scripts)', 'node_modules/.bin/tsc', ['-p', 'tsconfig.node.json']);
step('build', 'node_modules/.bin/tsx', ['scripts/build.ts', 'all']);
step('tests', 'node_modules/.bin/vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
  ...process.argv.slice(2),
]);

const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n${timings.join(' · ')} · total ${total} s`);
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
