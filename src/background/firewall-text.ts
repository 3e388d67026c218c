/**
 * What the user is told when a firewall or CDN answered instead of WordPress, in their language:
 * who blocked, that nothing is lost, and what to let through (with where, for the products that
 * say their name). Never "sign in again", never "offline": neither would help.
 */
import type { Decision } from '../shared/db/index.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { DiscoveryError } from '../shared/wp/discover.ts';
import { WpError } from '../shared/wp/errors.ts';
import type { FirewallVerdict } from '../shared/wp/firewall.ts';
import { blocksOnlyItsText } from '../shared/wp/text-block.ts';

type BlockedBy = FirewallVerdict & { path: string };

const hints: Record<string, MessageKey> = {
  Cloudflare: 'firewallHintCloudflare',
  Wordfence: 'firewallHintWordfence',
  Sucuri: 'firewallHintSucuri',
};

function say(key: MessageKey, blockedBy: BlockedBy): string {
  const name = blockedBy.firewall ?? t('firewallUnnamed');
  const hint = blockedBy.firewall ? hints[blockedBy.firewall] : undefined;
  return [t(key, [name, blockedBy.path]), hint ? t(hint) : ''].filter(Boolean).join(' ');
}

/** A block that concerns this text (a reply or edit a WAF found suspicious), not the whole site. */
export function blocksOnlyThisText(error: WpError, decision: Decision | undefined): boolean {
  return decision !== undefined && blocksOnlyItsText(decision, error.code);
}

/** The message for an error of kind `blocked` (answering `decision`); null for every other error. */
export function firewallText(error: unknown, decision?: Decision): string | null {
  if (!(error instanceof WpError) || error.kind !== 'blocked' || !error.firewall) return null;
  if (error.firewall.kind === 'challenge') return say('firewallChallenge', error.firewall);
  return say(blocksOnlyThisText(error, decision) ? 'firewallBlockedText' : 'firewallBlocked', error.firewall);
}

/** The message when connecting found the REST API behind a firewall; null for every other error. */
export function connectBlockedText(error: unknown): string | null {
  if (!(error instanceof DiscoveryError) || !error.firewall) return null;
  return say(
    error.firewall.kind === 'challenge' ? 'firewallConnectChallenge' : 'firewallConnectBlocked',
    error.firewall,
  );
}
