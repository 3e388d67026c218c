/**
 * crxjs names each `?iife` import of the background by a hash of the script's *absolute* path
 * (`import.meta.CRX_DYNAMIC_SCRIPT_<hash>`) and swaps in the file name only after the chunk file
 * names were hashed. So the background chunk's name — and the service-worker loader that imports
 * it — changed with the folder the tree was built in: a reviewer building our source zip elsewhere
 * got a different package (ADR 025). This plugin puts a token made from the path relative to the
 * project root in the placeholder while names are hashed, and gives crxjs its own id back before
 * crxjs replaces it (crxjs does that in an `enforce: 'post'` generateBundle; this one runs earlier).
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Plugin } from 'vite';

const placeholder = /\b(import\.meta|import_meta)\.CRX_DYNAMIC_SCRIPT_([A-Za-z0-9]+)(?=[^A-Za-z0-9]|$)/gm;

export function stableDynamicScriptIds(): Plugin {
  let root = process.cwd();
  /** path-independent token → crxjs's script id */
  const crxIdOf = new Map<string, string>();
  return {
    name: 'freigabe:stable-dynamic-script-ids',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transform(code, id) {
      const at = id.indexOf('?scriptId=');
      if (at < 0) return null;
      const crxId = id.slice(at + '?scriptId='.length);
      const path = relative(root, id.slice(0, at)).replaceAll('\\', '/');
      const token = createHash('sha256').update(path).digest('hex').slice(0, 16);
      const known = crxIdOf.get(token);
      if (known !== undefined && known !== crxId) {
        throw new Error(`${path} is imported as two kinds of script; stable-script-ids.ts needs the kind in its token`);
      }
      crxIdOf.set(token, crxId);
      return { code: code.replaceAll(`CRX_DYNAMIC_SCRIPT_${crxId}`, `CRX_DYNAMIC_SCRIPT_${token}`), map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunk.code = chunk.code.replace(placeholder, (match, meta: string, token: string) => {
          const crxId = crxIdOf.get(token);
          return crxId === undefined ? match : `${meta}.CRX_DYNAMIC_SCRIPT_${crxId}`;
        });
      }
    },
  };
}
