/** The small tables the whole popup reads live: sites, posts, unfinished decisions, drafts; and the settings. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DraftRow, FreigabeDb, OutboxRow, PostRow, SiteRow } from '../shared/db/index.ts';
import { defaultSettings, readSettings } from '../shared/settings.ts';
import { useLiveQuery } from '../shared/ui/use-live-query.ts';
import { useThrottledQuery } from '../shared/ui/use-throttled-query.ts';
import { useFirstScreen } from './first-screen.ts';
import { outboxByComment } from './outbox-by-comment.ts';
import { commentKey, postKey } from './queue/views.ts';
import { draftKey } from './reply/draft-key.ts';

const none: never[] = [];
const outboxEveryMs = 400;

export function usePopupData(db: FreigabeDb) {
  // Until the cache answers, the sites and post titles of the first screen the background keeps.
  const early = useFirstScreen();
  const sitesResult = useLiveQuery(() => db.sites.toArray(), [db]);
  const sites: SiteRow[] = sitesResult.state === 'ready' ? sitesResult.value : (early?.sites ?? none);
  const postsResult = useLiveQuery(() => db.posts.toArray(), [db]);
  // Every open decision with its snapshot: re-read at most every 400 ms while decisions flow
  // (each read clones every open decision with its snapshot out of IndexedDB: ADR 036).
  const openRows = useThrottledQuery(
    db,
    ['outbox'],
    () => db.outbox.where('state').anyOf('waiting', 'sending', 'failed', 'conflict').toArray(),
    outboxEveryMs,
    [],
  );
  const draftsResult = useLiveQuery(() => db.drafts.toArray(), [db]);

  const [undoWindowMs, setUndoWindowMs] = useState(defaultSettings.undoWindowSeconds * 1000);
  useEffect(() => {
    void readSettings(db).then((settings) => setUndoWindowMs(settings.undoWindowSeconds * 1000));
  }, [db]);

  const sitesById = useMemo(() => new Map(sites.map((site) => [site.id, site])), [sites]);
  const posts = useMemo(
    () =>
      new Map<string, PostRow>(
        (postsResult.state === 'ready' ? postsResult.value : (early?.posts ?? none)).map((post) => [
          postKey(post.siteId, post.id),
          post,
        ]),
      ),
    [postsResult, early],
  );
  const openDecisions: OutboxRow[] = openRows ?? none;
  // A comment whose open decisions read the same keeps its array: its row does not render again.
  const outboxBefore = useRef<ReadonlyMap<string, readonly OutboxRow[]>>(new Map());
  const outbox = useMemo(() => {
    outboxBefore.current = outboxByComment(openDecisions, outboxBefore.current);
    return outboxBefore.current;
  }, [openDecisions]);
  const drafts = useMemo(
    () =>
      new Map<string, DraftRow>(
        (draftsResult.state === 'ready' ? draftsResult.value : none).map((draft) => [
          draftKey(commentKey({ siteId: draft.siteId, id: draft.commentId }), draft.kind),
          draft,
        ]),
      ),
    [draftsResult],
  );

  return {
    sitesReady: sitesResult.state === 'ready',
    /** the sites and posts the rows name are known (read, or in the first screen's snapshot); a failed read does not hold the rows */
    namesKnown: early !== null || (sitesResult.state !== 'loading' && postsResult.state !== 'loading'),
    sites,
    sitesById,
    posts,
    openDecisions,
    outbox,
    drafts,
    draftsReady: draftsResult.state === 'ready',
    undoWindowMs,
  };
}
