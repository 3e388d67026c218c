/**
 * The error kind of a decision WordPress did that a later sync found changed by someone else
 * (no Bridge: background/sync/changed-elsewhere.ts, ADR 035): its message says so in full, on every
 * surface (popup, inline view). A file of its own: every context reads it, and it imports nothing.
 */
export const changedElsewhereKind = 'changed-elsewhere';
