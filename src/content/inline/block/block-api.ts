/** The inline view's blocklist requests (ADR 030). The background finds the site from the sender. */
import type { BlockChoice, BlockEntry } from '../../../shared/blocklist.ts';
import { sendToBackground } from '../../../shared/messages.ts';

export const inlineBlockApi = {
  block: (commentId: number, choice: BlockChoice) => sendToBackground({ type: 'blockInline', commentId, ...choice }),
  unblock: (entry: BlockEntry) => sendToBackground({ type: 'unblockInline', ...entry }),
  /** the parts file with the block form (parts-script.ts), injected into this tab the first time */
  loadPanel: () => sendToBackground({ type: 'loadBlockPanel' }),
};
