/**
 * npm test: prerequisites; lint, the two typechecks and the builds (release + test) side by side; then
 * the vitest projects in lanes that run side by side (ADR 032), each lane one vitest process with its
 * own WordPress per project, so no two lanes share a site. Stops after the first phase that fails.
 * `npm test -- <vitest filters>` passes the filters to every lane.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { ensurePrerequisites } from './prerequisites.ts';
import { runTogether, type Step, type StepResult } from './test/run-steps.ts';
import { mergeReports, slowestFiles } from './test/vitest-report.ts';

/**
 * Which projects run in which lane. The lanes are balanced by their files' durations; what a lane
 * mostly does is wait (for WordPress, for a browser, for an undo window), so two lanes share two
 * cores well.
 */
const lanes: Record<string, string[]> = {
  unit: ['unit', 'integration', 'compat-integration'],
  e2e: ['e2e'],
  more: ['smoke', 'e2e-firefox', 'compat-e2e'],
};

const started = Date.now();
const results: StepResult[] = [];

function finish(): never {
  const total = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${results.map((result) => `${result.name} ${result.seconds.toFixed(1)} s`).join(' · ')}`);
  console.log(`total ${total} s`);
  const failed = results.filter((result) => result.status !== 0);
  if (failed.length > 0) console.error(`✖ failed: ${failed.map((result) => result.name).join(', ')}`);
  process.exit(failed.length > 0 ? 1 : 0);
}

async function phase(steps: Step[]): Promise<void> {
  results.push(...(await runTogether(steps)));
  if (results.some((result) => result.status !== 0)) finish();
}

try {
  ensurePrerequisites();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });

await phase([
  { name: 'lint', command: 'node_modules/.bin/biome', args: ['check', '.'] },
  { name: 'typecheck', command: 'node_modules/.bin/tsc', args: ['-p', 'tsconfig.json'] },
  { name: 'typecheck (tests, scripts)', command: 'node_modules/.bin/tsc', args: ['-p', 'tsconfig.node.json'] },
  { name: 'build', command: 'node_modules/.bin/tsx', args: ['scripts/build.ts', 'all'] },
]);

/** `--project x` among the arguments narrows the lanes to the projects asked for. */
function projectsAsked(args: string[]): { asked: string[] | null; rest: string[] } {
  const asked: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--project' && args[i + 1] !== undefined) asked.push(args[++i] ?? '');
    else if (arg.startsWith('--project=')) asked.push(arg.slice('--project='.length));
    else rest.push(arg);
  }
  return { asked: asked.length > 0 ? asked : null, rest };
}

const { asked, rest } = projectsAsked(process.argv.slice(2));
const reportOf = (lane: string) => `test-results/vitest-${lane}.json`;
const chosen = Object.entries(lanes)
  .map(([lane, projects]) => [lane, projects.filter((project) => !asked || asked.includes(project))] as const)
  .filter(([, projects]) => projects.length > 0);
for (const lane of Object.keys(lanes)) rmSync(reportOf(lane), { force: true });
results.push(
  ...(await runTogether(
    chosen.map(([lane, projects]) => ({
      name: `tests: ${lane}`,
      command: 'node_modules/.bin/vitest',
      args: [
        'run',
        ...projects.flatMap((project) => ['--project', project]),
        '--passWithNoTests',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${reportOf(lane)}`,
        ...rest,
      ],
      stream: true,
    })),
  )),
);
const report = mergeReports(
  chosen.map(([lane]) => reportOf(lane)),
  'test-results/vitest.json',
);
console.log(`\n${slowestFiles(report, 15)}`);
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed (test-results/vitest.json)`);
if (report.numTotalTests === 0) {
  console.error('✖ no tests ran: check the filters');
  results.push({ name: 'tests found', status: 1, seconds: 0 });
}
finish();
