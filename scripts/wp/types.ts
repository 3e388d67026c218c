export type BackendName = 'native' | 'playground';

export interface BackendStartOptions {
  dir: string;
  port: number;
  /** drop the site's database first (a fresh install) */
  fresh: boolean;
  log: (message: string) => void;
}

export interface RunningBackend {
  url: string;
  wordpressDir: string;
  /** processes that make up the site, so a later `stop` can end them */
  pids: number[];
  describe: string;
  stop(): Promise<void>;
}

export interface Backend {
  name: BackendName;
  start(options: BackendStartOptions): Promise<RunningBackend>;
}
