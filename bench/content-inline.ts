/**
 * tsx bench/content-inline.ts [--smoke]
 * The content script's work at load on a 1,000-comment article in real Chromium: the detector (what
 * runs on every page) and the inline view injected after it (summary bar, observers, then the
 * pending cards and the toolbars near the viewport once the background answered, in a task of its
 * own as a message's answer arrives). Long tasks over 50 ms from the moment our scripts load are
 * counted (not the page's own parsing), each attributed to what ran in it (bench/lib/long-tasks.ts).
 * Budgets: ≤ 16 ms of synchronous work at load (issue 5); no long task caused by Freigabe (issue 14).
 * Two controls: the page alone, and the page with one plain block put above its thread — on a long
 * thread any change that moves it costs the browser a walk over all of it (style, layout, paint).
 * Reported, not asserted.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/chromium.ts';
import { goal } from './lib/budgets.ts';
import { bundleIife } from './lib/bundle.ts';
import { benchUrl, wordpressPage } from './lib/detect-pages.ts';
import { describeTasks, type FrameCost, heaviestTask } from './lib/frame-trace.ts';
import type { LoadFigures } from './lib/inline-harness.ts';
import { attribute, collectLongTasks, type LongTaskRecord, observeLongTasks, summarize } from './lib/long-tasks.ts';
import { median } from './lib/stats.ts';

const smoke = process.argv.includes('--smoke');
const runs = smoke ? 3 : 25;
const pending = 40;

function bundle(): Promise<string> {
  return bundleIife('bench/lib/inline-harness.ts', 'FreigabeInline', {
    define: { __FREIGABE_MODE__: '"release"', __FREIGABE_TARGET__: '"chrome"' },
    resolve: { alias: { 'webextension-polyfill': fileURLToPath(new URL('./fake-polyfill.ts', import.meta.url)) } },
    plugins: [preact()],
  });
}

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found (apt-get install chromium).');
const code = await bundle();
const html = wordpressPage({ comments: 1000, pendingEvery: 23, pingEvery: 12, maxDepth: 4 });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const figures: (LoadFigures & { longTasks: LongTaskRecord })[] = [];
const pageAlone: LongTaskRecord[] = [];
const movedOnce: LongTaskRecord[] = [];
const heaviest: { ours: FrameCost[]; control: FrameCost[] } = { ours: [], control: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/*', (route) =>
    route.request().url() === benchUrl ? route.fulfill({ body: html, contentType: 'text/html' }) : route.abort(),
  );
  const loadOurs = async () => {
    await page.addScriptTag({ content: code });
    return page.evaluate(async (count) => {
      const harness = (globalThis as unknown as { FreigabeInline: { load(n: number): Promise<LoadFigures> } })
        .FreigabeInline;
      const figures = await harness.load(count);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return figures;
    }, pending);
  };
  for (let run = 0; run < runs; run += 1) {
    await page.goto(benchUrl);
    await page.evaluate(observeLongTasks);
    const loaded = await loadOurs();
    figures.push({ ...loaded, longTasks: await page.evaluate(collectLongTasks) });
  }
  // The controls, watched as long as the view took: the same page alone (what it costs by itself),
  // and with one plain block as high as the summary bar put above its list — what any change that
  // moves the thread once costs the browser (a string: the page runs it as it is).
  const watchMs = Math.ceil(median(figures.map((f) => f.allCardsMs))) + 100;
  const moveOnce = `document.querySelector('ol.comment-list')?.before(Object.assign(document.createElement('div'), { style: 'height: 46px' }))`;
  for (const [prepare, records] of [
    [null, pageAlone],
    [moveOnce, movedOnce],
  ] as const) {
    for (let run = 0; run < runs; run += 1) {
      await page.goto(benchUrl);
      await page.evaluate(observeLongTasks);
      if (prepare) await page.evaluate(prepare);
      await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), watchMs);
      records.push(await page.evaluate(collectLongTasks));
    }
  }
  if (process.env.BENCH_TRACE === '1') {
    // The heaviest task of a load, traced, ours and the control's (bench/lib/frame-trace.ts).
    const traced = (work: () => Promise<unknown>) =>
      heaviestTask(browser, page, async () => {
        await work();
      });
    for (let run = 0; run < 5; run += 1) {
      await page.goto(benchUrl);
      const ours = await traced(loadOurs);
      await page.goto(benchUrl);
      const control = await traced(async () => {
        await page.evaluate(moveOnce);
        await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), watchMs);
      });
      if (ours) heaviest.ours.push(ours);
      if (control) heaviest.control.push(control);
    }
  }
} finally {
  await browser.close();
}

const first = figures[0] as (typeof figures)[number];
// The same cards in the same places in every run (the order the thread gives them, whatever renders when).
const order = first.cardOrder.join(',');
const complete = figures.every((f) => f.cards === pending && f.cardOrder.join(',') === order);
const ms = (values: number[]) => `${median(values).toFixed(2)} ms`;
console.log(
  `inline view on the 1,000-comment page (${first.comments} comments found, ${pending} pending in the cache), ${runs} runs, load average ${loadavg()[0]?.toFixed(1)}:`,
);
console.log(`  detectPage at load: median ${ms(figures.map((f) => f.detectMs))}`);
console.log(`  inline view start (synchronous): median ${ms(figures.map((f) => f.mountMs))}`);
console.log(
  `  synchronous work at load (detect + start): median ${ms(figures.map((f) => f.detectMs + f.mountMs))} (${goal('inlineLoadMs', median(figures.map((f) => f.detectMs + f.mountMs)))})`,
);
console.log(`  render at once when the answer arrives: median ${ms(figures.map((f) => f.renderMs))}`);
console.log(
  `  every card rendered (${first.cards} cards, in idle slices): median ${ms(figures.map((f) => f.allCardsMs))} after the answer; all ${pending} with their content, in the same places, in every run: ${complete ? 'yes' : 'NO'}`,
);
console.log(`  toolbars mounted near the viewport: ${first.toolbars} of ${first.comments}`);
const attributed = figures.flatMap((f) => attribute(f.longTasks));
const longest = Math.max(0, ...attributed.map(({ task }) => task.duration));
console.log(
  `  long tasks (> 50 ms): ${attributed.length} in ${runs} loads, longest ${longest.toFixed(0)} ms (issue 14: none caused by Freigabe)`,
);
for (const line of summarize(attributed)) console.log(`    by what took most of it — ${line}`);
const controls = [
  ['the same page without Freigabe, watched as long', pageAlone],
  ["the same page with one plain block put above its thread (the browser's cost of moving it once)", movedOnce],
] as const;
for (const [what, records] of controls) {
  const tasks = records.flatMap((record) => attribute(record));
  console.log(
    `  ${what}: ${tasks.length} long tasks in ${runs} loads, longest ${Math.max(0, ...tasks.map(({ task }) => task.duration)).toFixed(0)} ms`,
  );
}
if (heaviest.ours.length > 0) {
  console.log(`  heaviest task of a load, traced (5 loads, medians in ms): ours ${describeTasks(heaviest.ours)}`);
  console.log(`    the control moving the thread once: ${describeTasks(heaviest.control)}`);
}
