/**
 * One source, several builds (see scripts/build.ts):
 *   FREIGABE_TARGET=chrome|firefox   — Chrome MV3 or Firefox MV3 manifest
 *   FREIGABE_MODE=release|test       — test/demo builds pre-grant the loopback origins so that
 *                                      connecting the local WordPress needs no permission prompt;
 *                                      release builds (the store zips) install with no host access.
 *   FREIGABE_NEXT_SCHEMA=1            — test builds only: "build N+1" of the update test, with one
 *                                      more database version (shared/db/next-schema.ts) and a
 *                                      fourth version number, written to dist/<target>-test-next.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { dropUnusedScriptChunks } from './scripts/release/drop-unused-script-chunks.ts';
import { preloadPageImports } from './scripts/release/preload-page-imports.ts';
import { stableDynamicScriptIds } from './scripts/release/stable-script-ids.ts';

export type Target = 'chrome' | 'firefox';
export type Mode = 'release' | 'test';

export const loopbackOrigins = ['http://127.0.0.1/*', 'http://localhost/*'];
export const geckoId = 'freigabe@freigabe.dev';
export const geckoAndroidMinVersion = '142.0';

/** Build N+1 of the update test (test builds only): see the note at the top. */
const nextSchema = () => process.env.FREIGABE_NEXT_SCHEMA === '1';

export function outDirFor(target: Target, mode: Mode): string {
  if (mode === 'release') return `dist/${target}`;
  return nextSchema() ? `dist/${target}-test-next` : `dist/${target}-test`;
}

export function manifestFor(target: Target, mode: Mode): ManifestV3Export {
  const manifest: Record<string, unknown> = structuredClone(baseManifest);
  if (mode === 'test') manifest.host_permissions = loopbackOrigins;
  if (mode === 'test' && nextSchema()) manifest.version = `${baseManifest.version}.1`;
  if (target === 'firefox') {
    const { service_worker, type } = baseManifest.background;
    manifest.background = { scripts: [service_worker], type };
    delete manifest.minimum_chrome_version;
    // The same queue page as Chrome's side panel, as Firefox's sidebar (ADR 024); not opened by
    // itself at install, only when the user chose it and clicks the toolbar button.
    const { side_panel, permissions } = baseManifest;
    delete manifest.side_panel;
    manifest.permissions = permissions.filter((permission) => permission !== 'sidePanel');
    manifest.sidebar_action = {
      default_panel: side_panel.default_path,
      default_title: baseManifest.action.default_title,
      default_icon: baseManifest.action.default_icon,
      open_at_install: false,
    };
    manifest.browser_specific_settings = {
      gecko: {
        id: geckoId,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android 142: data_collection_permissions (the newest thing we use there; MDN's
      // browser-compat-data: permissions.request 120, storage.session 115). It has no windows,
      // sidebar_action or menus API: code that uses them checks that they exist.
      gecko_android: { strict_min_version: geckoAndroidMinVersion },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

/**
 * crxjs lists the `?iife` content script as web-accessible to every http(s) page. It does not need
 * to be (it is registered with scripting.registerContentScripts), and being web-accessible lets any
 * page probe for the extension: drop it.
 */
function noWebAccessibleContentScript(): Plugin {
  return {
    name: 'freigabe:no-web-accessible-content-script',
    enforce: 'post',
    writeBundle(options) {
      const file = join(options.dir ?? '.', 'manifest.json');
      if (!existsSync(file)) return;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
        web_accessible_resources?: { resources: string[] }[];
      };
      const kept = (manifest.web_accessible_resources ?? [])
        .map((entry) => ({ ...entry, resources: entry.resources.filter((path) => !path.startsWith('src/content/')) }))
        .filter((entry) => entry.resources.length > 0);
      if (kept.length > 0) manifest.web_accessible_resources = kept;
      else delete manifest.web_accessible_resources;
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

const target = (process.env.FREIGABE_TARGET ?? 'chrome') as Target;
const mode = (process.env.FREIGABE_MODE ?? 'release') as Mode;

export default defineConfig({
  plugins: [
    preact(),
    stableDynamicScriptIds(),
    crx({ manifest: manifestFor(target, mode), browser: target }),
    noWebAccessibleContentScript(),
    dropUnusedScriptChunks(),
    preloadPageImports(),
  ],
  define: {
    __FREIGABE_MODE__: JSON.stringify(mode),
    __FREIGABE_TARGET__: JSON.stringify(target),
    __FREIGABE_NEXT_SCHEMA__: JSON.stringify(mode === 'test' && nextSchema()),
  },
  build: {
    outDir: outDirFor(target, mode),
    emptyOutDir: true,
    sourcemap: false,
    // FREIGABE_UNMINIFIED=1 (profiling only: `bench:popup`/`bench:sync` with their profiles): readable names.
    minify: process.env.FREIGABE_UNMINIFIED !== '1',
    // No preloading at all: an extension's files are local, and the preload helper Vite would add
    // to every page that imports a chunk lazily (the popup's job sheet and strip) costs ~0.7 kB gzip.
    modulePreload: false,
    target: 'es2022',
    chunkSizeWarningLimit: 200,
    // Pages the manifest does not name as popup or options (crxjs does not read Firefox's
    // sidebar_action): the sign-in callback, the side panel.
    rollupOptions: {
      input: {
        callback: 'src/connect/callback.html',
        ...(target === 'firefox' ? { sidepanel: baseManifest.side_panel.default_path } : {}),
      },
    },
  },
  resolve: {
    // Dexie's package entry is a wrapper around its UMD file (one copy per page even when CommonJS
    // code also loads it); none of ours does, and its ES module build minifies 0.6 kB gzip smaller
    // in every part that loads it.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/dexie.mjs' }],
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
