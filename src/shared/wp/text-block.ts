/**
 * Which firewall answers hold one decision only, in a file of its own: the popup needs this rule,
 * not the firewall patterns (`firewall.ts`, ~1.8 kB) that recognise the answers.
 */

/**
 * A block (not a challenge) of a reply or an edit: a WAF found its text suspicious (HTML, a link).
 * Only that decision waits; the site is fine, and sending it again at once would trip the same rule.
 */
export function blocksOnlyItsText(decision: string, code: string | null): boolean {
  return code === 'firewall_block' && (decision === 'reply' || decision === 'edit');
}
