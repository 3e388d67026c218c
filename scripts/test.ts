/**
 * npm test (ADR 032): prerequisites; lint, the two typechecks and the builds (release + test) side
 * by side; the unit tests alone, one worker per core; then the projects that talk to WordPress in
 * lanes side by side, each lane one vitest process whose projects have WordPress sites of their own,
 * so no two lanes share a site. Stops after the checks and builds when they fail; otherwise runs
 * every test and fails at the end. `npm test -- <vitest filters>` passes the filters to every lane;
 * `--project x` narrows the lanes to the projects asked for.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ensurePrerequisites } from './prerequisites.ts';
import { runTogether, type Step, type StepResult } from './test/run-steps.ts';
import { failures, mergeReports, slowestFiles } from './test/vitest-report.ts';

interface Lane {
  projects: string[];
  args?: string[];
}

/**
 * The test phases, one after another; the lanes of a phase run side by side. Unit tests are pure
 * computation with 5-second timeouts: they get the cores to themselves. The rest mostly waits (for
 * PHP, a browser, an undo window), so its lanes share the cores well; they are balanced by their
 * files' durations.
 */
const phases: Record<string, Lane>[] = [
  { unit: { projects: ['unit'], args: [`--maxWorkers=${availableParallelism()}`] } },
  {
    integration: { projects: ['integration', 'compat-integration'] },
    e2e: { projects: ['e2e', 'compat-e2e'] },
    more: { projects: ['smoke', 'e2e-firefox', 'e2e-jobs'] },
  },
];

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

const reportOf = (lane: string) => `test-results/vitest-${lane}.json`;

function laneStep(name: string, lane: Lane, projects: string[], rest: string[]): Step {
  return {
    name: `tests: ${name}`,
    command: 'node_modules/.bin/vitest',
    args: [
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      ...(lane.args ?? []),
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportOf(name)}`,
      ...rest,
    ],
    stream: true,
  };
}

try {
  ensurePrerequisites();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });

results.push(
  ...(await runTogether([
    { name: 'lint', command: 'node_modules/.bin/biome', args: ['check', '.'] },
    { name: 'typecheck', command: 'node_modules/.bin/tsc', args: ['-p', 'tsconfig.json'] },
    { name: 'typecheck (tests, scripts)', command: 'node_modules/.bin/tsc', args: ['-p', 'tsconfig.node.json'] },
    { name: 'build', command: 'node_modules/.bin/tsx', args: ['scripts/build.ts', 'all'] },
  ])),
);
if (results.some((result) => result.status !== 0)) finish();

const { asked, rest } = projectsAsked(process.argv.slice(2));
const ran: string[] = [];
for (const lanes of phases) {
  const steps: Step[] = [];
  for (const [name, lane] of Object.entries(lanes)) {
    rmSync(reportOf(name), { force: true });
    const projects = lane.projects.filter((project) => !asked || asked.includes(project));
    if (projects.length === 0) continue;
    steps.push(laneStep(name, lane, projects, rest));
    ran.push(name);
  }
  results.push(...(await runTogether(steps)));
}

// A lane that ended without its report (vitest stopped before any test: a site that did not start)
// is shown by its last lines here, at the end, where CI's excerpt of the output can see them.
for (const result of results) {
  const lane = result.name.replace(/^tests: /, '');
  if (result.status === 0 || !result.tail || existsSync(reportOf(lane))) continue;
  console.log(`\n✖ ${result.name} wrote no report; its last lines:\n${result.tail.join('\n')}`);
}

const report = mergeReports(ran.map(reportOf), 'test-results/vitest.json');
console.log(`\n${slowestFiles(report, 15)}`);
const failed = failures(report);
if (failed) console.log(`\n${failed}`);
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed (test-results/vitest.json)`);
if (report.numTotalTests === 0) {
  console.error('✖ no tests ran: check the filters');
  results.push({ name: 'tests found', status: 1, seconds: 0 });
}
finish();
