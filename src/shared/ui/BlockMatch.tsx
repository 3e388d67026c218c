/** "Matches your disallowed list: 203.0.113.7" — under a comment whose commenter a blocklist entry catches. */
import type { BlockEntry } from '../blocklist.ts';
import { t } from '../i18n.ts';

/** `entry: null`: the entry stays off the page (it is the commenter's email or IP: ADR 030). */
export function BlockMatch({ match }: { match: { list: BlockEntry['list']; entry: string | null } | null }) {
  if (!match) return null;
  const disallowed = match.list === 'disallowed';
  return (
    <p class="block-match" data-block-match={match.list}>
      {match.entry === null
        ? t(disallowed ? 'blockMatchDisallowedOnly' : 'blockMatchModerationOnly')
        : t(disallowed ? 'blockMatchDisallowed' : 'blockMatchModeration', [match.entry])}
    </p>
  );
}
