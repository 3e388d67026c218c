/** The union of all families, compiled once into the selectors and readers the walker uses. */

import { families } from './families/index.ts';
import type { CommentFamily, IdFromAttribute } from './family.ts';

export interface Profile {
  candidates: string;
  idFromAttribute(id: string): IdFromAttribute | null;
  depthClasses: readonly string[];
  parentLinks: string | null;
  authors: readonly string[];
  pendingNotes: string;
  sections: string;
  embeds: string;
  replyForms: readonly string[];
  notThread: string;
  articles: readonly string[];
}

function joined(list: readonly CommentFamily[], pick: (family: CommentFamily) => string | undefined): string {
  return list
    .map(pick)
    .filter((part): part is string => Boolean(part))
    .join(', ');
}

export function compileProfile(list: readonly CommentFamily[]): Profile {
  const readers = list.flatMap((family) => (family.idFromAttribute ? [family.idFromAttribute] : []));
  return {
    candidates: joined(list, (family) => family.candidates),
    idFromAttribute(id) {
      for (const read of readers) {
        const found = read(id);
        if (found) return found;
      }
      return null;
    },
    depthClasses: list.flatMap((family) => (family.depthClass ? [family.depthClass] : [])),
    parentLinks: joined(list, (family) => family.parentLinks) || null,
    authors: list.flatMap((family) => family.authors ?? []),
    pendingNotes: joined(list, (family) => family.pendingNotes),
    sections: joined(list, (family) => family.sections),
    embeds: joined(list, (family) => family.embeds),
    replyForms: list.flatMap((family) => family.replyForms ?? []),
    notThread: joined(list, (family) => family.notThread),
    articles: list.flatMap((family) => family.articles ?? []),
  };
}

export const profile: Profile = compileProfile(families);
