// The popup's first screen, asked for before the app's module runs (ADR 012, src/popup/first-screen.ts).
(() => {
  const area = (globalThis.browser ?? globalThis.chrome)?.storage?.session;
  try {
    if (area) globalThis.freigabeFirstScreen = area.get('firstScreen');
  } catch {
    // The app asks itself then.
  }
})();
