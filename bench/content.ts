/**
 * npm run bench:content [-- --smoke]
 * Issue 5's budgets, measured in Chromium: the detector alone (bench/content-detect.ts) and the
 * content script's work at load with the inline view (bench/content-inline.ts).
 */
await import('./content-detect.ts');
console.log('');
await import('./content-inline.ts');

export {};
