/**
 * Runs commands side by side (npm test's steps and test lanes). Each one's output is either streamed
 * with its name in front of every line (long runs, so CI shows progress) or held and printed in one
 * piece when it ends (short checks, whose output is easier to read whole).
 */
import { spawn } from 'node:child_process';

export interface Step {
  name: string;
  command: string;
  args: string[];
  /** prefix and stream each line as it comes (true) or print the output in one piece at the end */
  stream?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface StepResult {
  name: string;
  status: number;
  seconds: number;
  /** a streamed step's last lines (what to show when it failed without a report of its own) */
  tail?: string[];
}

/** How many of a streamed step's last lines are kept. */
const tailLines = 60;

function prefixer(name: string, write: (text: string) => void): { push(chunk: string): void; end(): void } {
  let rest = '';
  return {
    push(chunk) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) write(`[${name}] ${line}\n`);
    },
    end() {
      if (rest) write(`[${name}] ${rest}\n`);
      rest = '';
    },
  };
}

export function runStep(step: Step): Promise<StepResult> {
  const begin = Date.now();
  console.log(`▶ ${step.name}: ${step.command} ${step.args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      env: step.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const held: string[] = [];
    const tail: string[] = [];
    const keep = (text: string) => {
      tail.push(text.trimEnd());
      if (tail.length > tailLines) tail.shift();
    };
    const out = prefixer(step.name, (text) => {
      keep(text);
      process.stdout.write(text);
    });
    const err = prefixer(step.name, (text) => {
      keep(text);
      process.stderr.write(text);
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (step.stream ? out.push(chunk) : held.push(chunk)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (step.stream ? err.push(chunk) : held.push(chunk)));
    let finished = false;
    const finish = (status: number) => {
      if (finished) return;
      finished = true;
      const seconds = (Date.now() - begin) / 1000;
      if (step.stream) {
        out.end();
        err.end();
      } else if (held.length > 0) {
        process.stdout.write(`\n── ${step.name} ──\n${held.join('')}`);
      }
      console.log(`${status === 0 ? '✔' : '✖'} ${step.name} (${seconds.toFixed(1)} s)`);
      resolve({ name: step.name, status, seconds, ...(step.stream ? { tail } : {}) });
    };
    child.on('error', (error) => {
      held.push(`${error.message}\n`);
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

export const runTogether = (steps: Step[]): Promise<StepResult[]> => Promise.all(steps.map(runStep));
