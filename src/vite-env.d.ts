/// <reference types="vite/client" />

/**
 * crxjs: importing a content script with `?iife` builds it as one self-contained file (no chunks, so
 * nothing web-accessible that pages could probe) and gives that file's path in the extension.
 */
declare module '*?iife' {
  const file: string;
  export default file;
}

/** 'release' for store builds, 'test' for the test/demo build that pre-grants the loopback origins. */
declare const __FREIGABE_MODE__: 'release' | 'test';

/** The browser this build is for. */
declare const __FREIGABE_TARGET__: 'chrome' | 'firefox';

/** Test builds only: "build N+1" of the update test, with one more database version (shared/db/next-schema.ts). */
declare const __FREIGABE_NEXT_SCHEMA__: boolean;
