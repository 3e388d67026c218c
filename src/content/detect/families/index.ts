/** Every family the detector knows, most specific first (their author selectors are tried in this order). */
import type { CommentFamily } from '../family.ts';
import { blockThemes } from './block-themes.ts';
import { classic } from './classic.ts';
import { embeds } from './embeds.ts';
import { jetpack } from './jetpack.ts';
import { oceanWp } from './oceanwp.ts';
import { wpDiscuz } from './wpdiscuz.ts';

export const families: readonly CommentFamily[] = [wpDiscuz, blockThemes, oceanWp, jetpack, embeds, classic];
