import { describe, expect, it } from 'vitest';
import { findClusters } from '../../../../src/shared/clusters/index.ts';
import { syntheticQueue } from './synthetic.ts';

describe('findClusters on a large queue', () => {
  it('finds exactly the planted clusters among 10,000 comments over 50 posts (one post with 4,000)', () => {
    const { comments, planted } = syntheticQueue({ posts: 50, total: 10_000, bigPost: 4_000 });
    expect(comments).toHaveLength(10_000);
    expect(comments.filter((comment) => comment.post === 1)).toHaveLength(4_000);

    findClusters(comments); // warm-up: the first run also compiles
    const wall: number[] = [];
    const cpu: number[] = [];
    let clusters = findClusters(comments);
    for (let run = 0; run < 7; run++) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      clusters = findClusters(comments);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]?.toFixed(1);
    // A figure to read, not a budget to assert (shared CI machines vary too much): the issue's
    // goal is "well under 100 ms" in Node for this queue. CPU time shows what the machine's other
    // load hides in wall time.
    console.log(`findClusters, 10,000 comments / 50 posts: median ${median(wall)} ms wall, ${median(cpu)} ms CPU`);

    const found = clusters.map((cluster) => [...cluster.ids].sort((a, b) => a - b));
    expect(found.sort(byFirstId)).toEqual([...planted].sort(byFirstId));
    expect(new Set(clusters.map((cluster) => cluster.reason))).toEqual(
      new Set(['same-text', 'similar-text', 'pings-from-domain']),
    );
    expect(new Set(clusters.map((cluster) => cluster.key)).size).toBe(clusters.length);
  });
});

function byFirstId(a: readonly number[], b: readonly number[]): number {
  return (a[0] as number) - (b[0] as number);
}
