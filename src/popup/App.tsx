/**
 * The moderation queue across all connected sites, read from the cache: painted before any
 * network, keyboard first, every decision undoable, nothing the user typed ever lost.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import type { FreigabeDb } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messages.ts';
import { SiteStatusLine } from '../shared/ui/SiteStatus.tsx';
import type { StatusGroup } from './actions/use-decisions.ts';
import { useDecisions } from './actions/use-decisions.ts';
import { ConnectBanner } from './ConnectBanner.tsx';
import { Announcer } from './frame/Announcer.tsx';
import { ConfirmDelete } from './frame/ConfirmDelete.tsx';
import { EmptyView, NoSites } from './frame/EmptyState.tsx';
import { Filters } from './frame/Filters.tsx';
import { HelpOverlay } from './frame/HelpOverlay.tsx';
import { PendingDecisions } from './frame/PendingDecisions.tsx';
import { SelectionBar } from './frame/SelectionBar.tsx';
import { UndoToast } from './frame/UndoToast.tsx';
import { ViewTabs } from './frame/ViewTabs.tsx';
import { useShortcuts } from './keyboard/use-shortcuts.ts';
import { QueueList } from './list/QueueList.tsx';
import { createHistoryAsker } from './queue/history-asker.ts';
import { useQueue } from './queue/use-queue.ts';
import {
  commentKey,
  initialFilter,
  type QueueFilter,
  statusViews,
  type ViewName,
  viewLabelKeys,
} from './queue/views.ts';
import { QueueContext, type QueueContextValue } from './queue-context.ts';
import { useEditors } from './reply/use-editors.ts';
import { ServerSearchStatus } from './search/ServerSearchStatus.tsx';
import { useServerSearch } from './search/use-server-search.ts';
import { type Latest, useCommands } from './use-commands.ts';
import { useCounts } from './use-counts.ts';
import { usePopupData } from './use-popup-data.ts';

const queueId = 'queue';

const hiddenCount = (rows: readonly { siteId: string; id: number }[], hidden: ReadonlySet<string>) =>
  hidden.size === 0 ? 0 : rows.reduce((sum, row) => sum + (hidden.has(commentKey(row)) ? 1 : 0), 0);

export function App({ db, tabId }: { db: FreigabeDb; tabId: number | null }) {
  const [filter, setFilter] = useState<QueueFilter>(initialFilter);
  const data = usePopupData(db);
  const decisions = useDecisions(data.undoWindowMs);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<{ key: string | null; index: number }>({ key: null, index: 0 });
  const [confirm, setConfirm] = useState<StatusGroup[] | null>(null);
  const [help, setHelp] = useState(false);
  const editors = useEditors(data.drafts);
  const queue = useQueue(db, data.sites, filter, expanded, decisions.hidden);
  const serverSearch = useServerSearch(filter, data.sitesById, decisions.announce);
  const { rows } = queue;

  const activeIndex = useMemo(() => {
    if (rows.length === 0) return -1;
    if (active.key !== null) {
      if (rows[active.index]?.key === active.key) return active.index;
      const found = rows.findIndex((row) => row.key === active.key);
      if (found >= 0) return found;
    }
    return Math.min(active.index, rows.length - 1);
  }, [rows, active]);

  // Counted once the first rows are on screen (counting must not delay them); the view on screen
  // counts from memory, so a decision shows in its tab at once.
  const countsWanted = queue.state === 'ready' || queue.state === 'error';
  const stored = useCounts(db, filter.siteId, data.sites, countsWanted);
  const counts = useMemo(
    () =>
      stored && queue.state === 'ready'
        ? {
            ...stored,
            cached: {
              ...stored.cached,
              [filter.view]: queue.loaded.length - hiddenCount(queue.loaded, decisions.hidden),
            },
          }
        : stored,
    [stored, queue.state, queue.loaded, filter.view, decisions.hidden],
  );

  const byKey = useMemo(
    () => new Map(queue.matching.map((comment) => [commentKey(comment), comment])),
    [queue.matching],
  );

  // Comments hidden right after a decision: once the cache no longer lists them, nothing to hide.
  useEffect(() => {
    if (queue.state === 'ready' && decisions.hidden.size > 0)
      decisions.forgetHidden((key) => queue.loadedKeys().has(key));
  }, [queue.loaded]);

  // Keep the focus on the queue when the row under it goes away (decided) or the list re-renders.
  const listFocused = useRef(false);
  const listElement = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!listFocused.current || activeIndex < 0) return;
    const current = document.activeElement;
    const row = listElement.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (row && current !== row && (current === document.body || current === null || current.matches('[role="row"]')))
      row.focus({ preventScroll: true });
  });
  const focusList = useCallback(() => {
    listFocused.current = true;
  }, []);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusSearch = useCallback(() => {
    listFocused.current = false;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  const latest = useRef<Latest>(null as unknown as Latest);
  latest.current = {
    view: filter.view,
    rows,
    activeIndex,
    byKey,
    matching: queue.matching,
    selected,
    sites: data.sitesById,
    posts: data.posts,
    expanded,
  };
  const { commands, execute } = useCommands(latest, decisions, {
    setActive,
    setSelected,
    setExpanded,
    setConfirm,
    setHelp,
    openEditor: editors.open,
    closeEditor: editors.close,
    focusList,
    focusSearch,
  });
  useShortcuts(execute, !help && confirm === null);

  // For bench:popup: when the first comments were on screen, and when the whole view was loaded.
  const marked = useRef({ rows: false, ready: false });
  useEffect(() => {
    if (!marked.current.rows && rows.length > 0) {
      marked.current.rows = true;
      performance.mark('freigabe:first-rows');
    }
    if (!marked.current.ready && queue.state === 'ready') {
      marked.current.ready = true;
      performance.mark('freigabe:queue-ready');
    }
  }, [rows, queue.state]);

  // A draft left when the popup was closed: bring its comment into view, once.
  const draftShown = useRef(false);
  useEffect(() => {
    if (draftShown.current || queue.state !== 'ready' || !data.draftsReady) return;
    draftShown.current = true;
    const index = rows.findIndex((row) => editors.draftKeys.has(row.key));
    if (index >= 0) setActive({ key: rows[index]?.key ?? null, index });
  }, [queue.state, data.draftsReady]);

  const changeFilter = (change: Partial<QueueFilter>) => {
    setFilter((current) => ({ ...current, ...change }));
    setSelected(new Set());
    setActive({ key: null, index: 0 });
  };

  // One per popup: it remembers which addresses it asked about, and sends nothing once closed.
  const askHistory = useMemo(() => createHistoryAsker(), []);
  useEffect(() => () => askHistory.dispose(), [askHistory]);

  // The same object while nothing in it changes: rows re-render only when their own props change.
  const context = useMemo<QueueContextValue>(
    () => ({
      db,
      view: filter.view,
      sites: data.sitesById,
      posts: data.posts,
      outbox: data.outbox,
      drafts: data.drafts,
      selected,
      editors: editors.editorFor,
      commands,
      askHistory,
    }),
    [
      db,
      filter.view,
      data.sitesById,
      data.posts,
      data.outbox,
      data.drafts,
      selected,
      editors.editorFor,
      commands,
      askHistory,
    ],
  );

  const views: ViewName[] = data.sites.some((site) => site.mode === 'author')
    ? [...statusViews, 'mine']
    : [...statusViews];
  const filtered = filter.search !== '' || filter.post !== null || filter.type !== 'all';
  const matchingCount = queue.matching.length;

  return (
    <QueueContext.Provider value={context}>
      <main class="popup" aria-busy={queue.state === 'loading' || queue.state === 'first-page'}>
        <header class="popup-header">
          <h1>{t(viewLabelKeys[filter.view] === 'viewPending' ? 'popupHeading' : viewLabelKeys[filter.view])}</h1>
          <button
            type="button"
            class="link help-button"
            aria-keyshortcuts="?"
            aria-label={t('helpHeading')}
            onClick={() => setHelp(true)}
          >
            ?
          </button>
        </header>
        {tabId !== null && <ConnectBanner tabId={tabId} />}
        {data.sites.length > 0 && (
          <ul class="sites" aria-label={t('popupSites')}>
            {data.sites.map((site) => (
              <SiteStatusLine
                key={site.id}
                site={site}
                onRetry={(siteId) => void sendToBackground({ type: 'syncNow', siteId }).catch(() => undefined)}
                onSignIn={() => void browser.runtime.openOptionsPage()}
              />
            ))}
          </ul>
        )}
        {data.sitesReady && data.sites.length === 0 ? (
          <NoSites />
        ) : (
          <>
            <ViewTabs
              views={views}
              current={filter.view}
              counts={counts}
              controls={queueId}
              onChange={(view) => changeFilter({ view, post: null })}
            />
            <Filters
              filter={filter}
              sites={data.sites}
              posts={queue.posts}
              postRows={data.posts}
              searchRef={searchRef}
              onChange={changeFilter}
              onLeave={() => {
                listFocused.current = true;
                (document.activeElement as HTMLElement | null)?.blur();
                setActive((current) => ({ ...current }));
              }}
            />
            <ServerSearchStatus search={serverSearch.search} sites={data.sitesById} onRetry={serverSearch.retry} />
            <SelectionBar
              count={selected.size}
              onAct={(action) => execute({ kind: 'act', action, scope: 'selection' })}
              onClear={() => setSelected(new Set())}
            />
            <PendingDecisions rows={data.openDecisions} />
            {queue.state === 'error' && <p class="notice error">{queue.error?.message}</p>}
            {queue.state === 'ready' && rows.length === 0 ? (
              <EmptyView
                view={filter.view}
                filtered={filtered}
                onClear={() => changeFilter({ search: '', post: null, type: 'all' })}
              />
            ) : (
              <QueueList
                id={queueId}
                rows={rows}
                activeIndex={activeIndex}
                total={matchingCount}
                label={t('queueLabel', [t(viewLabelKeys[filter.view])])}
                showSite={data.sites.length > 1}
                listRef={listElement}
                onFocusIn={() => {
                  listFocused.current = true;
                }}
              />
            )}
          </>
        )}
        <UndoToast toast={decisions.toast} onUndo={() => void decisions.undoLast()} onClose={decisions.dismissToast} />
        <Announcer text={decisions.announcement.text} id={decisions.announcement.id} />
        {help && <HelpOverlay onClose={() => setHelp(false)} />}
        {confirm && (
          <ConfirmDelete
            count={confirm.reduce((sum, group) => sum + group.keys.length, 0)}
            onConfirm={() => void decisions.decideStatus(confirm, () => false)}
            onClose={() => {
              setConfirm(null);
              listFocused.current = true;
            }}
          />
        )}
      </main>
    </QueueContext.Provider>
  );
}
