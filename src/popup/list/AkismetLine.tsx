/** "Akismet: spam · caught 3 days ago · reported not spam by redaktion" (moderators, with the Bridge). */
import { akismetLine, akismetWarns } from '../../shared/akismet.ts';
import type { AkismetVerdict } from '../../shared/db/index.ts';
import { formatRelative } from '../../shared/relative-time.ts';

export function AkismetLine({ verdict, now = Date.now() }: { verdict: AkismetVerdict | undefined; now?: number }) {
  if (!verdict) return null;
  const line = akismetLine(verdict, (time) => formatRelative(time, now));
  return (
    <p class={`akismet-line${akismetWarns(verdict) ? ' spam' : ''}`} title={line} data-akismet={verdict.result ?? ''}>
      {line}
    </p>
  );
}
