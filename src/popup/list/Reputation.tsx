/** "3 approved · 1 spam here": what this moderator decided before about the same commenter. */
import { type MessageKey, t } from '../../shared/i18n.ts';
import { formatNumber } from '../format.ts';
import type { ItemContext } from './use-item-context.ts';

const byKeys: Record<'email' | 'host' | 'ip', MessageKey> = {
  email: 'reputationByEmail',
  host: 'reputationByHost',
  ip: 'reputationByIp',
};

export function Reputation({ context }: { context: ItemContext | null }) {
  // The most personal identity that has a history speaks for the commenter.
  const known = context?.reputation.filter(({ row }) => row.approved + row.spam + row.trashed > 0) ?? [];
  const [first] = known;
  if (!first) return null;
  const parts = [
    first.row.approved > 0 && t('reputationApproved', [formatNumber(first.row.approved)]),
    first.row.spam > 0 && t('reputationSpam', [formatNumber(first.row.spam)]),
    first.row.trashed > 0 && t('reputationTrashed', [formatNumber(first.row.trashed)]),
  ].filter(Boolean);
  const spamByIp = known.find(({ kind, row }) => kind === 'ip' && kind !== first.kind && row.spam > 0);
  const bad = first.row.spam + first.row.trashed > first.row.approved;
  return (
    <p class={bad ? 'reputation bad' : 'reputation'} title={t(byKeys[first.kind])}>
      {t('reputationLine', [parts.join(' · ')])}
      {spamByIp && ` · ${t('reputationIpSpam', [formatNumber(spamByIp.row.spam)])}`}
    </p>
  );
}
