/**
 * The JSON reports of npm test's vitest lanes, merged into one test-results/vitest.json of the same
 * shape vitest writes (counts summed, every file's result with its start and end), and the slowest
 * files of a run as a table.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

interface AssertionResult {
  fullName?: string;
  title?: string;
  status: string;
  failureMessages?: string[];
}

interface FileResult {
  name: string;
  startTime: number;
  endTime: number;
  status: string;
  message?: string;
  assertionResults: AssertionResult[];
}

type Report = Record<string, unknown> & {
  startTime: number;
  success: boolean;
  testResults: FileResult[];
};

const counts = [
  'numTotalTestSuites',
  'numPassedTestSuites',
  'numFailedTestSuites',
  'numPendingTestSuites',
  'numTotalTests',
  'numPassedTests',
  'numFailedTests',
  'numPendingTests',
  'numTodoTests',
] as const;

/** Merges the lanes' reports (a lane that wrote none counts as failed) into `out`. */
export function mergeReports(paths: string[], out: string): Report {
  const reports = paths
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')) as Report);
  const merged: Report = {
    ...(reports[0] ?? {}),
    startTime: Math.min(...reports.map((report) => report.startTime)),
    success: reports.length === paths.length && reports.every((report) => report.success),
    testResults: reports.flatMap((report) => report.testResults).sort((a, b) => a.startTime - b.startTime),
  };
  for (const key of counts) merged[key] = reports.reduce((sum, report) => sum + Number(report[key] ?? 0), 0);
  writeFileSync(out, `${JSON.stringify(merged)}\n`);
  return merged;
}

/** The `limit` slowest files: seconds, start and end (seconds after the first file started), tests. */
export function slowestFiles(report: Report, limit: number): string {
  const first = Math.min(...report.testResults.map((file) => file.startTime));
  const rows = [...report.testResults]
    .sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime))
    .slice(0, limit)
    .map((file) => {
      const at = (ms: number) => ((ms - first) / 1000).toFixed(0).padStart(5);
      const seconds = ((file.endTime - file.startTime) / 1000).toFixed(1).padStart(6);
      return `${seconds} s ${at(file.startTime)} → ${at(file.endTime)}  ${String(file.assertionResults.length).padStart(3)} tests  ${relative(process.cwd(), file.name)}`;
    });
  return [`the ${rows.length} slowest test files (seconds, from → to after the first file started):`, ...rows].join(
    '\n',
  );
}

/**
 * Every failed test (or file that failed outside a test) with the first lines of its message: CI
 * shows the end of a run's output, and the lanes' own summaries scroll away above it.
 */
export function failures(report: Report, linesEach = 12): string {
  const rows: string[] = [];
  const firstLines = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, linesEach)
      .map((line) => `    ${line.slice(0, 300)}`);
  for (const file of report.testResults) {
    const path = relative(process.cwd(), file.name);
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed) {
      rows.push(
        `✖ ${path} > ${test.fullName ?? test.title ?? '?'}`,
        ...firstLines((test.failureMessages ?? []).join('\n')),
      );
    }
    if (failed.length === 0 && file.status === 'failed') rows.push(`✖ ${path}`, ...firstLines(file.message ?? ''));
  }
  return rows.join('\n');
}
