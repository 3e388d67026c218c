/**
 * The moderation queue across all connected sites, read from the cache: painted before any
 * network, keyboard first, every decision undoable, nothing the user typed ever lost.
 */
import { useCallback, useEffect, useMemo } from 'preact/hooks';
import type { FreigabeDb } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import type { KeyAction } from './actions/decisions.ts';
import { type HiddenComments, useDecisions } from './actions/use-decisions.ts';
import { ConnectBanner } from './ConnectBanner.tsx';
import { Announcer } from './frame/Announcer.tsx';
import { ArticleHeader } from './frame/ArticleHeader.tsx';
import { EmptyBin } from './frame/EmptyBin.tsx';
import { EmptyView, NoSites } from './frame/EmptyState.tsx';
import { Filters } from './frame/Filters.tsx';
import { Overlays } from './frame/Overlays.tsx';
import { PendingDecisions } from './frame/PendingDecisions.tsx';
import { SelectionBar } from './frame/SelectionBar.tsx';
import { SiteLines } from './frame/SiteLines.tsx';
import { UndoToast } from './frame/UndoToast.tsx';
import { ViewTabs } from './frame/ViewTabs.tsx';
import { useHistoryFromQuery } from './history/from-query.ts';
import { LazyJobStrip } from './jobs/lazy.tsx';
import type { Command } from './keyboard/keymap.ts';
import { useShortcuts } from './keyboard/use-shortcuts.ts';
import { QueueList } from './list/QueueList.tsx';
import { createHistoryAsker } from './queue/history-asker.ts';
import { useQueue } from './queue/use-queue.ts';
import { commentKey, postKey, type QueueFilter, statusViews, type ViewName, viewLabelKeys } from './queue/views.ts';
import { QueueContext, type QueueContextValue } from './queue-context.ts';
import { ServerSearchStatus } from './search/ServerSearchStatus.tsx';
import { useServerSearch } from './search/use-server-search.ts';
import { activeIndexOf, editorFor } from './state/selectors.ts';
import { usePopupStore } from './state/use-popup-store.ts';
import { LazyUnrepliedView } from './unreplied/lazy.tsx';
import { useCounts } from './use-counts.ts';
import { useFirstScreen } from './use-first-screen.ts';
import { usePopupData } from './use-popup-data.ts';
import { useQueueFocus } from './use-queue-focus.ts';
import { useTabProbe } from './use-tab-probe.ts';

const queueId = 'queue';

const hiddenCount = (rows: readonly { siteId: string; id: number }[], hidden: HiddenComments) =>
  hidden.size === 0 ? 0 : rows.reduce((sum, row) => sum + (hidden.has(commentKey(row)) ? 1 : 0), 0);

interface AppProps {
  db: FreigabeDb;
  /** the tab the queue belongs to: the popup's, or the one the side panel follows */
  tabId: number | null;
  /** one app in two frames (ADR 024): the popup, or the side panel that stays open */
  frame?: 'popup' | 'panel';
  /** changes when the followed tab shows another page: it is probed again */
  tabRevision?: number;
}

export function App({ db, tabId, frame = 'popup', tabRevision = 0 }: AppProps) {
  const data = usePopupData(db);
  const probe = useTabProbe(tabId, tabRevision);
  // The side panel puts the article in front of the user first.
  const followedPost = frame === 'panel' && probe?.kind === 'connected' ? probe.postId : null;
  const followedSite = probe?.kind === 'connected' ? probe.siteId : '';
  const article = useMemo(
    () =>
      followedPost === null
        ? null
        : { siteId: followedSite, postId: followedPost, key: postKey(followedSite, followedPost) },
    [followedSite, followedPost],
  );
  const decisions = useDecisions(data.undoWindowMs);
  // The popup's own state (state/): read here, changed only by dispatch and commands.
  const store = usePopupStore();
  const { ui, dispatch, run, commands } = store;
  const { filter, selected } = ui;
  const historyAsked = useHistoryFromQuery(dispatch);
  const queue = useQueue(db, data.sites, filter, ui.expanded, decisions.hidden, article?.key ?? null, data.namesKnown);
  const serverSearch = useServerSearch(filter, data.sitesById, decisions.announce);
  const { rows } = queue;
  const activeIndex = useMemo(() => activeIndexOf(ui.active, rows), [rows, ui.active]);

  // Counted once the first rows are on screen (counting must not delay them); the view on screen
  // counts from memory, so a decision shows in its tab at once.
  const countsWanted = queue.state === 'ready' || queue.state === 'error';
  const stored = useCounts(db, filter.siteId, data.sites, countsWanted);
  const shownCount = useMemo(
    () => (queue.state === 'ready' ? queue.loaded.length - hiddenCount(queue.loaded, decisions.hidden) : null),
    [queue.state, queue.loaded, decisions.hidden],
  );
  // (By the number: the cache confirming a hidden decision changes the rows, not the count.)
  const counts = useMemo(
    () =>
      stored && shownCount !== null ? { ...stored, cached: { ...stored.cached, [filter.view]: shownCount } } : stored,
    [stored, shownCount, filter.view],
  );

  const byKey = useMemo(
    () => new Map(queue.matching.map((comment) => [commentKey(comment), comment])),
    [queue.matching],
  );

  // Comments hidden right after a decision: once the cache no longer lists them, nothing to hide.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the cache's list changes, not on every render that hides one
  useEffect(() => {
    if (queue.state === 'ready' && decisions.hidden.size > 0)
      decisions.forgetHidden((key) => queue.loadedKeys().has(key));
  }, [queue.loaded]);

  // Keep the focus on the queue when the row under it goes away (decided) or the list re-renders.
  const { listElement, searchRef, focusList, focusSearch, leaveFilters } = useQueueFocus(activeIndex);

  // What the commands act on: the queue as rendered now.
  store.surroundings.current = {
    queue: {
      rows,
      byKey,
      matching: queue.matching,
      sites: data.sitesById,
      posts: data.posts,
      isHidden: decisions.hidden.has,
    },
    ports: { decisions, focusList, focusSearch },
  };
  const onKey = useCallback((command: Command) => void run(command), [run]);
  useShortcuts(
    onKey,
    !ui.help &&
      ui.confirm === null &&
      ui.jobSheet === null &&
      ui.history === null &&
      ui.block === null &&
      !ui.unreplied,
  );

  // Marks for bench:popup, and a draft left when the popup was closed brought into view, once.
  useFirstScreen(rows, queue.state, { rows: data.drafts, ready: data.draftsReady }, dispatch);

  // The parts below are pure (shared/ui/pure.ts): what they are handed keeps its identity between
  // renders unless it changed, so a decision renders the list and the counts, not the whole popup.
  const changeFilter = useCallback(
    (change: Partial<QueueFilter>) => dispatch({ type: 'changeFilter', change }),
    [dispatch],
  );
  const articleKey = article?.key ?? null;
  const onOnly = useCallback(
    (only: boolean) => changeFilter({ post: only ? articleKey : null }),
    [changeFilter, articleKey],
  );
  const onView = useCallback((view: ViewName) => changeFilter({ view, post: null }), [changeFilter]);
  const onLeaveFilters = useCallback(() => {
    leaveFilters();
    dispatch({ type: 'refocus' });
  }, [leaveFilters, dispatch]);
  const onClearFilters = useCallback(() => changeFilter({ search: '', post: null, type: 'all' }), [changeFilter]);
  const onEmptyView = useCallback(() => void run({ kind: 'emptyView' }), [run]);
  const onSelectionAct = useCallback(
    (action: KeyAction) => void run({ kind: 'act', action, scope: 'selection' }),
    [run],
  );
  const onServerJob = useCallback(() => void run({ kind: 'serverJob' }), [run]);
  const onClearSelection = useCallback(() => dispatch({ type: 'select', keys: [] }), [dispatch]);
  // The toast's undo acts on the decisions as rendered last, read where the commands read them.
  const { surroundings } = store;
  const onUndo = useCallback(() => void surroundings.current?.ports.decisions.undoLast(), [surroundings]);
  const editors = useCallback((key: string) => editorFor(ui.editors, data.drafts, key), [ui.editors, data.drafts]);

  // One per popup: it remembers which addresses it asked about, and sends nothing once closed.
  const askHistory = useMemo(() => createHistoryAsker(), []);
  useEffect(() => () => askHistory.dispose(), [askHistory]);

  // The same object while nothing in it changes: rows re-render only when their own props change.
  // (Not the open decisions: read again every 400 ms while decisions flow, each row gets its own.)
  const context = useMemo<QueueContextValue>(
    () => ({
      db,
      view: filter.view,
      sites: data.sitesById,
      posts: data.posts,
      drafts: data.drafts,
      selected,
      editors,
      commands,
      askHistory,
    }),
    [db, filter.view, data.sitesById, data.posts, data.drafts, selected, editors, commands, askHistory],
  );

  const hasAuthorSite = data.sites.some((site) => site.mode === 'author');
  const views = useMemo<ViewName[]>(
    () => (hasAuthorSite ? [...statusViews, 'mine'] : [...statusViews]),
    [hasAuthorSite],
  );
  const filtered = filter.search !== '' || filter.post !== null || filter.type !== 'all';
  const matchingCount = queue.matching.length;
  const moderates = data.sites.some((site) => site.mode === 'moderator');

  return (
    <QueueContext.Provider value={context}>
      <main class="popup" data-frame={frame} aria-busy={queue.state === 'loading' || queue.state === 'first-page'}>
        <header class="popup-header">
          <h1>
            {ui.unreplied
              ? t('viewUnreplied')
              : t(viewLabelKeys[filter.view] === 'viewPending' ? 'popupHeading' : viewLabelKeys[filter.view])}
          </h1>
          <button
            type="button"
            class="link help-button"
            aria-keyshortcuts="?"
            aria-label={t('helpHeading')}
            onClick={() => dispatch({ type: 'setHelp', open: true })}
          >
            ?
          </button>
        </header>
        <ConnectBanner probe={probe} closes={frame === 'popup'} />
        {article && <ArticleHeader db={db} article={article} only={filter.post === article.key} onOnly={onOnly} />}
        <SiteLines sites={data.sites} />
        {data.sitesReady && data.sites.length === 0 ? (
          <NoSites />
        ) : (
          <div class="view-bar">
            <ViewTabs
              views={views}
              current={ui.unreplied ? null : filter.view}
              counts={counts}
              controls={queueId}
              onChange={onView}
            />
            <button
              type="button"
              class="view-tab unreplied-toggle"
              data-view="unreplied"
              aria-pressed={ui.unreplied}
              onClick={() => dispatch({ type: 'showUnreplied', open: !ui.unreplied })}
            >
              {t('viewUnreplied')}
            </button>
          </div>
        )}
        {data.sites.length > 0 && ui.unreplied && <LazyUnrepliedView db={db} outbox={data.outbox} />}
        {data.sitesReady && data.sites.length === 0 ? null : ui.unreplied ? null : (
          <>
            <Filters
              filter={filter}
              sites={data.sites}
              posts={queue.posts}
              postRows={data.posts}
              searchRef={searchRef}
              onChange={changeFilter}
              onLeave={onLeaveFilters}
            />
            <ServerSearchStatus search={serverSearch.search} sites={data.sitesById} onRetry={serverSearch.retry} />
            {moderates && <EmptyBin view={filter.view} onEmpty={onEmptyView} />}
            <SelectionBar
              count={selected.size}
              allSelected={moderates && selected.size > 0 && selected.size === matchingCount}
              onAct={onSelectionAct}
              onServer={onServerJob}
              onClear={onClearSelection}
            />
            <PendingDecisions rows={data.openDecisions} />
            <LazyJobStrip db={db} sites={data.sitesById} posts={data.posts} announce={decisions.announce} />
            {queue.state === 'error' && <p class="notice error">{queue.error?.message}</p>}
            {queue.state === 'ready' && rows.length === 0 ? (
              <EmptyView view={filter.view} filtered={filtered} onClear={onClearFilters} />
            ) : (
              <QueueList
                id={queueId}
                rows={rows}
                outbox={data.outbox}
                activeIndex={activeIndex}
                total={matchingCount}
                label={t('queueLabel', [t(viewLabelKeys[filter.view])])}
                showSite={data.sites.length > 1}
                listRef={listElement}
                onFocusIn={focusList}
              />
            )}
          </>
        )}
        <UndoToast toast={decisions.toast} onUndo={onUndo} onClose={decisions.dismissToast} />
        <Announcer announcement={decisions.announcement} />
        <Overlays
          ui={ui}
          dispatch={dispatch}
          run={run}
          byKey={byKey}
          sites={data.sitesById}
          posts={data.posts}
          announce={decisions.announce}
          historyAsked={historyAsked}
        />
      </main>
    </QueueContext.Provider>
  );
}
