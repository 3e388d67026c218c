/** Small helpers for the child processes behind the demo/test WordPress. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';

export function which(command: string, extraDirs: string[] = ['/usr/sbin', '/usr/local/sbin']): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = `${dir}/${command}`;
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Starts a long-running child in a process group of its own, output to a log file. Stopping ends
 * the whole group: `php -S` with workers forks children that outlive a killed parent.
 */
export function startLogged(
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, {
    stdio: ['ignore', log, log],
    env: { ...process.env, ...env },
    detached: true,
  });
  closeSync(log);
  return child;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // gone already
    }
  }
}

export function run(command: string, args: string[], what: string, timeoutMs = 180_000): string {
  // Bounded: a MariaDB that died under WordPress's install left it waiting, and a test lane with it, for good.
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  if (result.error && 'code' in result.error && result.error.code === 'ETIMEDOUT') {
    throw new Error(`${what} did not finish in ${timeoutMs / 1000} s (${command} ${args.join(' ')}): killed`);
  }
  if (result.status !== 0) {
    throw new Error(`${what} failed (${command} ${args.join(' ')}):\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/** Whether a process (or, for a negative pid, a process group) exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isFinite(pid) && pid > 0 ? pid : null;
}

/** Ends a process (and its group, when it leads one): SIGTERM, then SIGKILL after the grace time. */
export async function stopProcess(pid: number, graceMs = 5000, group = false): Promise<void> {
  const alive = () => isAlive(pid) || (group && isAlive(-pid));
  if (!alive()) return;
  if (group) signalGroup(pid, 'SIGTERM');
  else process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!alive()) return;
    await sleep(50);
  }
  if (group) signalGroup(pid, 'SIGKILL');
  else if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  await stopProcess(child.pid, graceMs, true);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Polls until `check` is true, failing with the log tail when it takes too long or the child dies. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  { timeoutMs, child, logFile }: { timeoutMs: number; child?: ChildProcess; logFile?: string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode}).${logTail(logFile)}`);
    }
    await sleep(100);
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms.${logTail(logFile)}`);
}

function logTail(logFile?: string): string {
  if (!logFile || !existsSync(logFile)) return '';
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
  return `\nLast lines of ${logFile}:\n${lines.slice(-15).join('\n')}`;
}

/** Resolves once WordPress answers its REST index (200), so the site is installed and serving. */
export function waitForRestApi(
  url: string,
  what: string,
  options: { timeoutMs: number; child?: ChildProcess; logFile?: string },
): Promise<void> {
  return waitFor(
    what,
    async () => {
      try {
        return (await fetch(`${url}/wp-json/`)).ok;
      } catch {
        return false;
      }
    },
    options,
  );
}
