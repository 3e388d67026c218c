import type { CoreVersion } from './cores.ts';
import type { Layout } from './layouts.ts';

export type BackendName = 'native' | 'playground';

export interface BackendStartOptions {
  dir: string;
  port: number;
  /** drop the site's database first (a fresh install) */
  fresh: boolean;
  /** which WordPress to serve (the Playground backend always serves its own 6.5) */
  core: CoreVersion;
  /** how WordPress is laid out (the Playground backend serves the standard layout only) */
  layout: Layout;
  log: (message: string) => void;
}

export interface RunningBackend {
  /** `home` of the (main) site */
  url: string;
  /** the document root */
  wordpressDir: string;
  /** the folder of the core files: the document root, or its `wp/` when WordPress has its own directory */
  coreDir: string;
  /** `siteurl`: where WordPress itself lives (wp-admin, wp-login.php) */
  siteUrl: string;
  /** processes that make up the site, so a later `stop` can end them */
  pids: number[];
  describe: string;
  /** `$wp_version` of the files served */
  wpVersion: string;
  stop(): Promise<void>;
  /** ends one of the site's processes (PHP with SIGKILL, MariaDB shut down) and starts it again; native only */
  restart?(part: 'php' | 'mariadb'): Promise<void>;
}

export interface Backend {
  name: BackendName;
  start(options: BackendStartOptions): Promise<RunningBackend>;
}
