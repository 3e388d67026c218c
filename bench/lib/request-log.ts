/**
 * WordPress's own time per request during a bench round (bench/lib/php/request-log.php, a must-use
 * plugin the bench installs into its site): which requests the round made, how long WordPress worked
 * on each, and how much of the round's wall time it was busy at all — the split between the server's
 * time and the client's (waiting, its own work, requests in series).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupTarget } from '../../scripts/wp/layouts.ts';

interface LoggedRequest {
  method: string;
  path: string;
  action: string | null;
  /** ms since the epoch */
  start: number;
  ms: number;
}

export interface RequestKind {
  kind: string;
  count: number;
  /** WordPress's time, summed over the requests */
  ms: number;
}

export interface RoundRequests {
  kinds: RequestKind[];
  /** wall time during which WordPress worked on at least one request */
  busyMs: number;
  /** wall time from the first request's start to the last one's end */
  spanMs: number;
  /** the most requests WordPress worked on at once */
  mostAtOnce: number;
}

const plugin = join(dirname(fileURLToPath(import.meta.url)), 'php', 'request-log.php');

export function requestLog(site: { url: string; dir: string }) {
  const content = join(setupTarget(site).wordpressDir, 'wp-content');
  const log = join(content, 'freigabe-requests.log');
  mkdirSync(join(content, 'mu-plugins'), { recursive: true });
  copyFileSync(plugin, join(content, 'mu-plugins', 'freigabe-bench-request-log.php'));
  return {
    /** forgets what was logged so far */
    reset(): void {
      rmSync(log, { force: true });
    },
    /** the requests logged since the last reset, by kind */
    read(): RoundRequests {
      const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
      return summarize(lines.map((line) => JSON.parse(line) as LoggedRequest));
    },
  };
}

function kindOf(request: LoggedRequest): string {
  const route = request.path.replace(/^.*?(\/wp-json|\?rest_route=)/, '');
  if (route.includes('freigabe/v1/comments/bulk')) return 'Bridge bulk';
  if (route.includes('freigabe/v1/comments/ids')) return 'Bridge ids';
  if (/\/wp\/v2\/comments\/\d+/.test(route)) return `REST ${request.method} comment`;
  if (route.includes('/wp/v2/comments')) return `REST ${request.method} comments list`;
  if (request.path.includes('edit-comments.php'))
    return request.action ? `wp-admin bulk ${request.action}` : 'wp-admin list';
  return route.startsWith('/wp/') || route.startsWith('/') ? `other ${request.method} ${route.split('?')[0]}` : 'other';
}

export function summarize(requests: LoggedRequest[]): RoundRequests {
  const kinds = new Map<string, RequestKind>();
  for (const request of requests) {
    const kind = kindOf(request);
    const entry = kinds.get(kind) ?? { kind, count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += request.ms;
    kinds.set(kind, entry);
  }
  const edges = requests
    .flatMap((request) => [
      { at: request.start, step: 1 },
      { at: request.start + request.ms, step: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.step - b.step);
  let open = 0;
  let mostAtOnce = 0;
  let busyMs = 0;
  let since = 0;
  for (const edge of edges) {
    if (open > 0) busyMs += edge.at - since;
    open += edge.step;
    mostAtOnce = Math.max(mostAtOnce, open);
    since = edge.at;
  }
  const first = Math.min(...requests.map((request) => request.start));
  const last = Math.max(...requests.map((request) => request.start + request.ms));
  return {
    kinds: [...kinds.values()].sort((a, b) => b.ms - a.ms),
    busyMs,
    spanMs: requests.length > 0 ? last - first : 0,
    mostAtOnce,
  };
}

export function describeRequests(round: RoundRequests): string {
  const kinds = round.kinds.map((kind) => `${kind.kind} ${kind.count}× ${(kind.ms / 1000).toFixed(2)} s`).join(', ');
  return `WordPress busy ${(round.busyMs / 1000).toFixed(2)} s of ${(round.spanMs / 1000).toFixed(2)} s (up to ${round.mostAtOnce} at once): ${kinds}`;
}
