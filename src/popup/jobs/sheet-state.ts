/**
 * The job sheet's own state, as a pure reducer (ADR 017): the filter the user narrows (site, author
 * email, dates), the server's count and first rows for exactly that filter, and the steps from
 * choosing an action to a started job — deleting permanently asks first with the count, spamming a
 * flood says what Akismet will do and offers trash. The component runs the messages; this decides.
 */
import { akismetFloodThreshold, type JobAction, type JobFilter, maxJobSize } from '../../shared/jobs.ts';
import type { JobPreview } from '../../shared/messages.ts';
import type { JobSheetRequest } from './scope.ts';

/** What the user typed into the extra filters, as typed (`from`/`to`: the date inputs' `YYYY-MM-DD`). */
export interface ExtraFilters {
  authorEmail: string;
  from: string;
  to: string;
}

export type PreviewState =
  | { state: 'loading'; seq: number }
  | { state: 'ready'; seq: number; preview: JobPreview }
  | { state: 'failed'; seq: number; problem: string };

export type SheetStep =
  | { kind: 'choose' }
  /** delete permanently, asked first with the count */
  | { kind: 'confirm-delete' }
  /** spam above the Akismet threshold: trash instead? */
  | { kind: 'akismet' }
  | { kind: 'starting'; action: JobAction }
  | { kind: 'failed'; action: JobAction; problem: string };

export interface SheetState {
  request: JobSheetRequest;
  siteId: string;
  extra: ExtraFilters;
  preview: PreviewState;
  step: SheetStep;
}

export type SheetAction =
  | { type: 'pickSite'; siteId: string }
  | { type: 'editExtra'; change: Partial<ExtraFilters> }
  /** a preview was asked for the filter as it is now */
  | { type: 'previewAsked' }
  | { type: 'previewAnswered'; seq: number; preview: JobPreview }
  | { type: 'previewFailed'; seq: number; problem: string }
  | { type: 'choose'; action: JobAction }
  /** from the Akismet note or the delete question: back to the actions */
  | { type: 'back' }
  | { type: 'startFailed'; problem: string };

export function initialSheet(request: JobSheetRequest): SheetState {
  return {
    request,
    siteId: request.siteId,
    // A commenter's address (from their history) starts in the field, where the user sees and can change it.
    extra: { authorEmail: request.filter.authorEmail ?? '', from: '', to: '' },
    preview: { state: 'loading', seq: 0 },
    step: { kind: 'choose' },
  };
}

/** The filter the user sees, or what is wrong with what they typed. */
export function filterOf(
  state: SheetState,
): { ok: true; filter: JobFilter } | { ok: false; problem: 'email' | 'dates' } {
  const { authorEmail: _fromRequest, ...requested } = state.request.filter;
  const filter: JobFilter = { ...requested };
  const email = state.extra.authorEmail.trim();
  if (email !== '') {
    if (email.length < 3 || email.length > 200 || !email.includes('@')) return { ok: false, problem: 'email' };
    filter.authorEmail = email;
  }
  const { from, to } = state.extra;
  // WordPress compares these with each comment's date as the site's clock shows it: the day's
  // wall-clock midnight, written in UTC form, selects whole days as the site counts them.
  if (from !== '') filter.after = `${from}T00:00:00Z`;
  if (to !== '') filter.before = `${nextDay(to)}T00:00:00Z`;
  if (from !== '' && to !== '' && from > to) return { ok: false, problem: 'dates' };
  return { ok: true, filter };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The count the user saw, if it belongs to the filter on screen. */
export function shownTotal(state: SheetState): number | null {
  return state.preview.state === 'ready' ? state.preview.preview.total : null;
}

/** What a job started now would set out to change (a job never acts on more than `maxJobSize`). */
export const jobSize = (total: number): number => Math.min(total, maxJobSize);

/** Spamming this many through WordPress means as many synchronous Akismet reports. */
export const akismetFlood = (action: JobAction, total: number): boolean =>
  action === 'spam' && total > akismetFloodThreshold;

const reloaded = (state: SheetState): SheetState => ({
  ...state,
  preview: { state: 'loading', seq: state.preview.seq + 1 },
  step: { kind: 'choose' },
});

export function reduceSheet(state: SheetState, action: SheetAction): SheetState {
  switch (action.type) {
    case 'pickSite':
      return action.siteId === state.siteId ? state : reloaded({ ...state, siteId: action.siteId });
    case 'editExtra':
      return reloaded({ ...state, extra: { ...state.extra, ...action.change } });
    case 'previewAsked':
      return state.preview.state === 'loading' ? state : reloaded(state);
    case 'previewAnswered':
      // An answer for an older filter is not the count the user is looking at.
      if (action.seq !== state.preview.seq) return state;
      return { ...state, preview: { state: 'ready', seq: action.seq, preview: action.preview } };
    case 'previewFailed':
      if (action.seq !== state.preview.seq) return state;
      return { ...state, preview: { state: 'failed', seq: action.seq, problem: action.problem } };
    case 'choose': {
      const total = shownTotal(state);
      if (total === null || total === 0 || state.step.kind === 'starting') return state;
      if (state.request.only !== null && action.action !== state.request.only) return state;
      if (action.action === 'delete' && state.step.kind !== 'confirm-delete')
        return { ...state, step: { kind: 'confirm-delete' } };
      if (akismetFlood(action.action, total) && state.step.kind !== 'akismet')
        return { ...state, step: { kind: 'akismet' } };
      return { ...state, step: { kind: 'starting', action: action.action } };
    }
    case 'back':
      return state.step.kind === 'starting' ? state : { ...state, step: { kind: 'choose' } };
    case 'startFailed':
      return state.step.kind === 'starting'
        ? { ...state, step: { kind: 'failed', action: state.step.action, problem: action.problem } }
        : state;
  }
}
