import type { CoreVersion } from './cores.ts';

export type BackendName = 'native' | 'playground';

export interface BackendStartOptions {
  dir: string;
  port: number;
  /** drop the site's database first (a fresh install) */
  fresh: boolean;
  /** which WordPress to serve (the Playground backend always serves its own 6.5) */
  core: CoreVersion;
  log: (message: string) => void;
}

export interface RunningBackend {
  url: string;
  wordpressDir: string;
  /** processes that make up the site, so a later `stop` can end them */
  pids: number[];
  describe: string;
  /** `$wp_version` of the files served */
  wpVersion: string;
  stop(): Promise<void>;
}

export interface Backend {
  name: BackendName;
  start(options: BackendStartOptions): Promise<RunningBackend>;
}
