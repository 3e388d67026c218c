/**
 * Every module an extension page's script imports statically, named in the page as
 * `<link rel="modulepreload">`: without them the browser finds the imports one level at a time —
 * the popup's entry, then its app chunk, then a dozen shared chunks, then Dexie's (the largest) —
 * each level fetched and parsed before the next is known. With them all are fetched and compiled
 * in parallel from the first byte of the page (bench:popup: "loading the script"). Chrome and
 * Firefox (115+) preload modules natively: no polyfill, and Vite's own preloading stays off (its
 * helper would go into every page that imports lazily).
 */
import type { IndexHtmlTransformContext, Plugin, Rollup } from 'vite';

/** The chunks `entry` imports statically, directly or through others, in import order. */
export function staticImports(entry: Rollup.OutputChunk, bundle: Rollup.OutputBundle): string[] {
  const found: string[] = [];
  const visit = (chunk: Rollup.OutputChunk) => {
    for (const fileName of chunk.imports) {
      if (found.includes(fileName)) continue;
      found.push(fileName);
      const imported = bundle[fileName];
      if (imported?.type === 'chunk') visit(imported);
    }
  };
  visit(entry);
  return found;
}

export function preloadPageImports(): Plugin {
  return {
    name: 'freigabe:preload-page-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html: string, context: IndexHtmlTransformContext) {
        const { chunk, bundle } = context;
        if (!chunk || !bundle) return [];
        return staticImports(chunk, bundle).map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
