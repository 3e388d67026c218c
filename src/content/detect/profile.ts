/** The union of all families, compiled once into the selectors and readers the walker uses. */

import type { AuthorHolders } from './author.ts';
import { families } from './families/index.ts';
import type { CommentFamily, IdFromAttribute } from './family.ts';

export interface Profile {
  candidates: readonly string[];
  idCandidates: readonly string[];
  idFromAttribute(id: string): IdFromAttribute | null;
  /** matches a depth class in a class attribute; group 1 is the depth */
  depthPattern: RegExp | null;
  parentLinks: readonly string[];
  authors: AuthorHolders;
  pendingNotes: readonly string[];
  sections: readonly string[];
  embeds: readonly string[];
  replyForms: readonly string[];
  /** one selector list: used only with closest() on a few elements */
  notThread: string;
  articles: readonly string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileProfile(list: readonly CommentFamily[]): Profile {
  const all = (pick: (family: CommentFamily) => readonly string[] | undefined) => [
    ...new Set(list.flatMap((family) => pick(family) ?? [])),
  ];
  const readers = list.flatMap((family) => (family.idFromAttribute ? [family.idFromAttribute] : []));
  const depthPrefixes = all((family) => (family.depthClass ? [family.depthClass] : []));
  return {
    candidates: all((family) => family.candidates),
    idCandidates: all((family) => family.idCandidates),
    idFromAttribute(id) {
      for (const read of readers) {
        const found = read(id);
        if (found) return found;
      }
      return null;
    },
    depthPattern: depthPrefixes.length
      ? new RegExp(`(?:^|\\s)(?:${depthPrefixes.map(escapeRegExp).join('|')})(\\d+)(?:\\s|$)`)
      : null,
    parentLinks: all((family) => family.parentLinks),
    authors: { exact: all((family) => family.authors), loose: all((family) => family.authorFallbacks) },
    pendingNotes: all((family) => family.pendingNotes),
    sections: all((family) => family.sections),
    embeds: all((family) => family.embeds),
    replyForms: all((family) => family.replyForms),
    notThread: all((family) => family.notThread).join(', '),
    articles: all((family) => family.articles),
  };
}

export const profile: Profile = compileProfile(families);
