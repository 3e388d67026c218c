/**
 * In a build, crxjs emits every `?iife` import of the background (the content script, the inline
 * view) twice: as the self-contained file the browser is given (src/content/…js) and as an ES chunk
 * (assets/content-script.ts-<hash>.js) that nothing loads. The store packages carried 33 kB of
 * such dead code for reviewers to read. This plugin drops those chunks — only a chunk whose entry is
 * such a script and that no other file imports or names — and then the shared chunks only they
 * imported.
 */
import type { Plugin, Rollup } from 'vite';

export function dropUnusedScriptChunks(): Plugin {
  const scripts = new Set<string>();
  return {
    name: 'freigabe:drop-unused-script-chunks',
    apply: 'build',
    enforce: 'post',
    transform(_code, id) {
      // crxjs resolves `x.ts?iife` to `x.ts?scriptId=…`, the module that names the script's file.
      const at = id.indexOf('?scriptId=');
      if (at >= 0) scripts.add(id.slice(0, at));
      return null;
    },
    generateBundle(_options, bundle) {
      const usedByOthers = (chunk: Rollup.OutputChunk) => {
        const name = chunk.fileName.split('/').pop() ?? chunk.fileName;
        return Object.values(bundle).some(
          (other) =>
            other !== chunk &&
            (other.type === 'chunk'
              ? other.imports.includes(chunk.fileName) ||
                other.dynamicImports.includes(chunk.fileName) ||
                other.code.includes(name)
              : typeof other.source === 'string' && other.source.includes(name)),
        );
      };
      // The scripts' ES chunks, then what only they imported (shared chunks left with no importer).
      let dropped = true;
      while (dropped) {
        dropped = false;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          const scriptCopy = scripts.has(chunk.facadeModuleId?.split('?')[0] ?? '');
          if ((scriptCopy || !chunk.isEntry) && !usedByOthers(chunk)) {
            delete bundle[chunk.fileName];
            dropped = true;
          }
        }
      }
    },
  };
}
