/**
 * The parts of the inline view kept out of its file (ADR 030): the block form and the reactions
 * overview, one file of their own (`?iife`, like the inline view) that the background injects the
 * first time either is opened in a tab. The inline view is loaded on every article and has a size
 * budget; these are opened now and then. One file, not one each: every `?iife` script is also an
 * entry of the build's module graph, and each splits the pages' shared chunks further.
 */
import './block/block-panel-script.ts';
import './reactions-part/reactions-part-script.ts';
