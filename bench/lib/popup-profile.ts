/**
 * Which of the popup's functions take its time: a CPU profile of the popup page through DevTools
 * (`Profiler`, sampling every 1 ms), summed by self time per function and source line — to say what
 * a long task was made of, not only that there was one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

export interface PopupHotspot {
  /** function name, file (last path segment) and line */
  where: string;
  selfMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** `saveAs`: also writes the whole profile there (a .cpuprofile for DevTools). */
export async function startPopupProfile(page: Page, top = 12, saveAs?: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  return {
    async stop(): Promise<PopupHotspot[]> {
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };
      };
      await cdp.detach();
      if (saveAs) {
        mkdirSync(dirname(saveAs), { recursive: true });
        writeFileSync(saveAs, JSON.stringify(profile));
      }
      const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
      const selfMs = new Map<string, number>();
      const samples = profile.samples ?? [];
      const deltas = profile.timeDeltas ?? [];
      // A sample's time is the delta to the next one.
      for (let index = 0; index < samples.length; index++) {
        const node = byNode.get(samples[index] ?? -1);
        if (!node) continue;
        const { functionName, url, lineNumber } = node.callFrame;
        if (functionName === '(idle)' || functionName === '(program)') continue;
        const where = `${functionName || '(anonymous)'} ${url.split('/').at(-1) ?? ''}:${lineNumber + 1}`;
        selfMs.set(where, (selfMs.get(where) ?? 0) + (deltas[index + 1] ?? 0) / 1000);
      }
      return [...selfMs]
        .map(([where, ms]) => ({ where, selfMs: ms }))
        .sort((a, b) => b.selfMs - a.selfMs)
        .slice(0, top);
    },
  };
}
