/** A finished job's report: done, skipped because someone else had changed them, failed with WordPress's reasons. */

import type { JobRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { formatNumber } from '../format.ts';
import { failureGroups, unlistedFailures } from './job-view.ts';

export function JobReport({ job }: { job: JobRow }) {
  const { done, skipped, failed } = job.progress;
  const groups = failureGroups(job.failures);
  const unlisted = unlistedFailures(job);
  return (
    <ul class="job-report">
      <li data-report="done">{t('jobReportDone', [formatNumber(done)])}</li>
      {skipped > 0 && <li data-report="skipped">{t('jobReportSkipped', [formatNumber(skipped)])}</li>}
      {failed > 0 && (
        <li data-report="failed" class="job-failed">
          {t('jobReportFailed', [formatNumber(failed)])}
          <ul class="job-failures">
            {groups.map((group) => (
              <li key={`${group.code}\n${group.message}`} data-code={group.code}>
                <bdi>{t('jobFailureLine', [formatNumber(group.count), group.message, group.code])}</bdi>
              </li>
            ))}
            {unlisted > 0 && <li>{t('jobFailuresUnlisted', [formatNumber(unlisted)])}</li>}
          </ul>
        </li>
      )}
    </ul>
  );
}
