/**
 * The Freigabe Bridge's `freigabe_akismet` comment field (class-freigabe-bridge-akismet-field.php):
 * `{ result: spam|ham|error|skipped|null, history: [{ time: seconds, event, user }] }`, validated
 * apart from the comment so that a field we cannot read costs the Akismet line, never the comment.
 */
import * as v from 'valibot';
import type { AkismetResult, AkismetVerdict } from '../akismet.ts';

// Written out, not imported: the line's module (and its i18n) stays out of the service worker.
const results = ['spam', 'ham', 'error', 'skipped'] as const satisfies readonly AkismetResult[];

const fieldSchema = v.object({
  result: v.nullable(v.picklist(results)),
  history: v.pipe(
    v.array(
      v.object({
        time: v.pipe(v.number(), v.finite()),
        event: v.pipe(v.string(), v.maxLength(60)),
        user: v.nullable(v.pipe(v.string(), v.maxLength(60))),
      }),
    ),
    v.maxLength(50),
  ),
});

/**
 * The field as the Bridge answers it (time in seconds), or null: absent, null, or malformed — a
 * field we cannot read costs the line, never the comment.
 */
export function akismetOf(field: unknown): AkismetVerdict | null {
  const parsed = v.safeParse(fieldSchema, field);
  if (!parsed.success) return null;
  return {
    result: parsed.output.result,
    history: parsed.output.history.map((entry) => ({ ...entry, time: Math.round(entry.time * 1000) })),
  };
}
