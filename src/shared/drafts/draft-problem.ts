/**
 * Why a draft was not saved, in the user's words: classified from the background's error code
 * (and, for a refused message, the one limit a draft can break), never guessed from a message.
 */
import { commentMaxLength } from '../comment-text.ts';
import type { MessageKey } from '../i18n.ts';
import { isExtensionGone } from '../report-error.ts';

export interface DraftProblem {
  message: MessageKey;
  substitutions: string[];
}

export function draftProblem(error: unknown, content: string, formatNumber: (value: number) => string): DraftProblem {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'invalid_message' && content.length > commentMaxLength)
    return { message: 'draftTooLong', substitutions: [formatNumber(content.length), formatNumber(commentMaxLength)] };
  if (code === 'site_not_connected') return { message: 'draftSiteNotConnected', substitutions: [] };
  if (code === 'no_reply' || isExtensionGone(error)) return { message: 'draftNoAnswer', substitutions: [] };
  return { message: 'draftNotSaved', substitutions: [message] };
}
