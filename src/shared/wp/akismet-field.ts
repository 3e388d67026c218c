/**
 * The Freigabe Bridge's `freigabe_akismet` comment field (class-freigabe-bridge-akismet-field.php):
 * `{ result: spam|ham|error|skipped|null, history: [{ time: seconds, event, user }] }`, validated
 * apart from the comment so that a field we cannot read costs the Akismet line, never the comment.
 */
import * as v from 'valibot';

/** Akismet's results, as its `akismet_result` meta and the field name them. */
export const akismetResults = ['spam', 'ham', 'error', 'skipped'] as const;
export type AkismetResult = (typeof akismetResults)[number];

export interface AkismetEvent {
  /** UTC, milliseconds */
  time: number;
  event: string;
  /** the WordPress login of who did it (null: Akismet itself, or a cron run) */
  user: string | null;
}

export interface AkismetVerdict {
  result: AkismetResult | null;
  /** oldest first */
  history: AkismetEvent[];
}

/** Whether two verdicts say the same (rows read from IndexedDB are new objects each time). */
export function sameVerdict(a: AkismetVerdict | undefined, b: AkismetVerdict | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const fieldSchema = v.object({
  result: v.nullable(v.picklist(akismetResults)),
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
