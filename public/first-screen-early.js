// The popup's first screen (ADR 012), asked of storage.session while the app's module script is
// still loading and parsing: the app takes this answer when it starts (src/popup/first-screen.ts)
// instead of asking then. A plain script, run as the page is parsed, before any module.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const area = api?.storage?.session;
  if (!area) return;
  try {
    globalThis.freigabeFirstScreen = area.get('firstScreen');
  } catch {
    // The app asks again itself.
  }
})();
