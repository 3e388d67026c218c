/** Where the server search stands: what was asked, and what came of it. */
import type { PageRequest, ResponseMap } from '../../shared/messages.ts';

export type SearchRequest = Extract<PageRequest, { type: 'searchServer' }>;

export type ServerSearch =
  | { state: 'idle' }
  | { state: 'searching'; request: SearchRequest }
  | { state: 'done'; request: SearchRequest; result: ResponseMap['searchServer'] }
  /** the background did not answer, or refused the request */
  | { state: 'failed'; request: SearchRequest; message: string };
