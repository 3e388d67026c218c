/**
 * "Everything matching on the server": the filter, the server's count and newest rows before
 * anything happens, the actions the status offers, and a confirm where one is due. The steps are a
 * pure reducer (sheet-state.ts); this component sends the messages. A started job lives on in the
 * jobs table (the strip shows it), so the sheet closes.
 */
import { useEffect, useMemo, useReducer } from 'preact/hooks';
import type { PostRow, SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { sendToBackground } from '../../shared/messages.ts';
import { Dialog } from '../frame/Dialog.tsx';
import { jobProblem, startedAnnouncement } from './job-text.ts';
import { SheetFilters } from './SheetFilters.tsx';
import { SheetPreview } from './SheetPreview.tsx';
import { SheetSteps } from './SheetSteps.tsx';
import { type JobSheetOpening, type JobSheetRequest, scopeOf } from './scope.ts';
import { filterOf, initialSheet, jobSize, reduceSheet, shownTotal } from './sheet-state.ts';

const emptyProgress = { total: 0, done: 0, skipped: 0, failed: 0, activeMs: 0 };

/** Typing in the extra filters: ask the server once the user pauses. */
export const previewDelayMs = 400;

interface Props {
  opening: JobSheetOpening;
  sites: ReadonlyMap<string, SiteRow>;
  posts: ReadonlyMap<string, PostRow>;
  /** tells a screen reader (the popup's Announcer) */
  announce: (text: string) => void;
  onClose: () => void;
}

function headingOf(request: JobSheetRequest): string {
  if (request.origin === 'empty') return t(request.filter.status === 'spam' ? 'jobEmptySpam' : 'jobEmptyTrash');
  return t(request.origin === 'cluster' ? 'jobSheetHeadingCluster' : 'jobSheetHeading');
}

/** Works out what the job acts on; where none can run (an author's site, no pattern), says why. */
export function JobSheet({ opening, ...props }: Props) {
  const { sites, onClose } = props;
  const scope = useMemo(() => scopeOf(opening, [...sites.values()]), [opening, sites]);
  if (scope.ok) return <SheetBody request={scope.request} {...props} />;
  const heading = t(opening.from === 'cluster' ? 'jobSheetHeadingCluster' : 'jobSheetHeading');
  return (
    <Dialog label={heading} onClose={onClose} className="job-sheet">
      <h2>{heading}</h2>
      <p class="job-problem" role="alert">
        {t(scope.problem)}
      </p>
      <div class="dialog-buttons">
        <button type="button" class="small secondary" data-autofocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}

function SheetBody({
  request,
  sites,
  posts,
  announce,
  onClose,
}: Omit<Props, 'opening'> & { request: JobSheetRequest }) {
  const [state, dispatch] = useReducer(reduceSheet, request, initialSheet);
  const siteName = sites.get(state.siteId)?.name ?? state.siteId;
  const filter = filterOf(state);
  const total = shownTotal(state);
  const { preview, step, siteId } = state;

  // The count and first rows for the filter as it is now; an answer to an older filter is dropped.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new seq is a new filter (sheet-state.ts)
  useEffect(() => {
    if (preview.state !== 'loading' || !filter.ok) return;
    const { seq } = preview;
    const timer = setTimeout(
      () =>
        void sendToBackground({ type: 'previewJob', siteId, filter: filter.filter }).then(
          (answer) => dispatch({ type: 'previewAnswered', seq, preview: answer }),
          (error: unknown) => dispatch({ type: 'previewFailed', seq, problem: jobProblem(error, siteName) }),
        ),
      seq === 0 ? 0 : previewDelayMs,
    );
    return () => clearTimeout(timer);
  }, [preview.seq, preview.state, filter.ok]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per start (the step changes to starting)
  useEffect(() => {
    if (step.kind !== 'starting' || !filter.ok || total === null) return;
    const { action } = step;
    const expectedTotal = jobSize(total);
    void sendToBackground({ type: 'startJob', siteId, filter: filter.filter, action, expectedTotal }).then(
      () => {
        announce(
          startedAnnouncement({ action, progress: { ...emptyProgress, total: expectedTotal }, undoOf: null }, siteName),
        );
        onClose();
      },
      (error: unknown) => dispatch({ type: 'startFailed', problem: jobProblem(error, siteName) }),
    );
  }, [step.kind]);

  // Each step's safe choice takes the focus (Cancel before deleting, trash before a spam flood).
  useEffect(() => {
    if (step.kind === 'confirm-delete' || step.kind === 'akismet')
      document.querySelector<HTMLElement>('.job-sheet [data-step-focus]')?.focus();
  }, [step.kind]);

  return (
    <Dialog label={headingOf(request)} onClose={onClose} className="job-sheet">
      <h2>{headingOf(request)}</h2>
      <SheetFilters
        state={state}
        sites={sites}
        posts={posts}
        problem={filter.ok ? null : filter.problem}
        onSite={(id) => dispatch({ type: 'pickSite', siteId: id })}
        onExtra={(change) => dispatch({ type: 'editExtra', change })}
      />
      <SheetPreview
        preview={preview}
        siteName={siteName}
        invalid={!filter.ok}
        onRetry={() => dispatch({ type: 'previewAsked' })}
      />
      <SheetSteps
        state={state}
        total={filter.ok ? total : null}
        onChoose={(action) => dispatch({ type: 'choose', action })}
        onBack={() => dispatch({ type: 'back' })}
        onClose={onClose}
      />
    </Dialog>
  );
}
