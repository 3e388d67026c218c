/**
 * Every family the detector knows. Their selectors are tried in this order: the classic walker's
 * (cheap, and true for most pages) first, then the plugins' and themes' own, then the classic
 * fallbacks (family.authorFallbacks).
 */
import type { CommentFamily } from '../family.ts';
import { blockThemes } from './block-themes.ts';
import { classic } from './classic.ts';
import { embeds } from './embeds.ts';
import { jetpack } from './jetpack.ts';
import { oceanWp } from './oceanwp.ts';
import { wpDiscuz } from './wpdiscuz.ts';

export const families: readonly CommentFamily[] = [classic, wpDiscuz, blockThemes, oceanWp, jetpack, embeds];
