// The popup's first screen, asked for before the app's module runs (ADR 012, src/popup/first-screen.ts).
// Loaded async: when the app ran first it has asked itself (null here), and this asks nothing.
(() => {
  const area = (globalThis.browser ?? globalThis.chrome)?.storage?.session;
  if (globalThis.freigabeFirstScreen !== undefined) return;
  try {
    if (area) globalThis.freigabeFirstScreen = area.get('firstScreen');
  } catch {
    // The app asks itself then.
  }
})();
