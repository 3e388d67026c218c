/**
 * The soak's oracle, pure, one site at a time: the soak's ledger (what the user decided, what the
 * other moderator did) against what WordPress holds at the end and its own record of every status
 * change (the `status-ledger` scenario), the extension's outbox, and its cache after a final sync.
 * Every difference is classified; what fits no class is "unexplained".
 */
import type { CommentRow, OutboxRow } from '../../src/shared/db/index.ts';
import { maxTimeoutMs } from '../../src/shared/wp/transport.ts';
import type { LedgerEntry } from '../wp/status-ledger.ts';
import type { LedgerLine } from './ledger.ts';
import type { ServerComment } from './server-state.ts';

export interface Verdict {
  decisions: number;
  undos: number;
  moderatorChanges: number;
  /** a decision that should have reached WordPress and did not */
  lost: string[];
  /** a change WordPress made more often than the user asked for it, or a reply posted twice */
  doubled: string[];
  /** outbox rows still waiting or sending */
  stuck: string[];
  unexplained: string[];
  /** the other moderator changed a comment after the user's decision had reached WordPress */
  overwrittenByModerator: { told: number; notTold: number };
  /**
   * a decision whose answer was lost, sent again after the other moderator had changed the comment:
   * the retry overwrote the colleague's change (without the Bridge nothing can tell them apart)
   */
  retryOverModerator: number;
  /**
   * of those: an undo of a decision that had landed over the other moderator's change, so WordPress's
   * untrash / unspam put back the colleague's status saved at the move (not the user's status before)
   */
  undoRestoredModerator: number;
  /** decisions waiting behind a failed or conflicting one on the same comment that the user is shown */
  heldBehindShownFailure: string[];
  /** WordPress refused a decision, and the outbox says so (the user sees it) */
  refusedAndTold: number;
  /** comments whose commenter IP or user agent is no longer the commenter's */
  commenterDataLost: string[];
  /** a comment the user decided that the cache shows pending again while WordPress has it decided */
  backInQueue: string[];
  /**
   * a cached comment — any: pending, decided, a parent cached for its thread, a job's — whose status
   * is not WordPress's after the final sync, or a pending one the cache lacks (no decision of it open)
   */
  cacheDiffers: string[];
  /** cached comments compared with WordPress */
  cacheCompared: number;
  /** cached comments not compared: a decision open, shown failed, or sent within the client's timeout before the final sync */
  cacheUnchecked: number;
}

export interface OracleInput {
  lines: readonly LedgerLine[];
  /** which site's lines count (the ledger's `site`) */
  site: string;
  server: ReadonlyMap<number, ServerComment>;
  statusLedger: readonly LedgerEntry[];
  /** the site's outbox rows */
  outbox: readonly OutboxRow[];
  /** the site's cached comments, read after a final sync */
  cache: readonly Pick<CommentRow, 'id' | 'status'>[];
  /** when the final sync began: it leaves a comment whose decision was sent within the client's timeout before as it is */
  finalSyncAt: number;
  users: { editor: number; admin: number };
}

interface StatusEvent {
  outboxId: number;
  at: number;
  /** the statuses that are what the user asked for (not spam / restore: whatever it was before) */
  expected: Set<string>;
  cancelled: boolean;
  /** an undo that reversed this decision of the user */
  reverses?: StatusEvent;
}

interface TextEvent {
  outboxId: number;
  kind: 'reply' | 'edit';
  content: string;
  cancelled: boolean;
}

/** WordPress's words in its transition hooks → the REST status. */
export const restStatus = (word: string) => (word === 'unapproved' ? 'hold' : word);

function expectedAfter(decision: string): Set<string> {
  // WordPress restores what the comment was before: Not Spam of a comment spammed from Trash lands in Trash.
  if (decision === 'unspam') return new Set(['hold', 'approved', 'trash']);
  if (decision === 'untrash') return new Set(['hold', 'approved', 'spam']);
  const fixed: Record<string, string> = {
    approve: 'approved',
    approveAndReply: 'approved',
    unapprove: 'hold',
    spam: 'spam',
    trash: 'trash',
    delete: 'deleted',
  };
  return new Set([fixed[decision] ?? 'unknown']);
}

/**
 * The user's status changes on the server, not counting a retry that set the same status again
 * after the other moderator had moved the comment (the first attempt had arrived, its answer was
 * lost): that is the outbox overwriting a colleague, counted apart, not a doubled decision.
 */
function editorChanges(entries: readonly LedgerEntry[], users: { editor: number; admin: number }, verdict: Verdict) {
  let count = 0;
  let lastTo: string | null = null;
  let colleagueSince = false;
  for (const entry of entries) {
    if (entry.user !== users.editor) {
      colleagueSince = entry.user === users.admin || colleagueSince;
      continue;
    }
    if (colleagueSince && entry.to === lastTo) verdict.retryOverModerator += 1;
    else count += 1;
    lastTo = entry.to;
    colleagueSince = false;
  }
  return count;
}

/**
 * An undo that put back the other moderator's status: the undone decision landed over a colleague's
 * change (its `from` is the colleague's status), and the user's reverse (untrash / unspam, which
 * restore what WordPress saved at the move) is the comment's last change and left that status.
 */
function undoRestoredColleague(
  entries: readonly LedgerEntry[],
  last: StatusEvent,
  final: string,
  users: { editor: number; admin: number },
): boolean {
  const forward = last.reverses;
  if (!forward) return false;
  const landedAt = entries.findIndex(
    (entry) =>
      entry.user === users.editor && entry.at * 1000 >= forward.at && forward.expected.has(restStatus(entry.to)),
  );
  const landed = entries[landedAt];
  if (!landed || restStatus(landed.from) !== final) return false;
  const colleague = entries
    .slice(0, landedAt)
    .some((entry) => entry.user === users.admin && restStatus(entry.to) === final);
  const lastEntry = entries.at(-1);
  return colleague && lastEntry?.user === users.editor && restStatus(lastEntry.to) === final;
}

/** A colleague's change the user was told of: a Bridge conflict, or the sync's changed-elsewhere notice (ADR 035). */
const toldOfColleague = (outbox: readonly OutboxRow[], commentId: number) =>
  outbox.some(
    (row) => row.commentId === commentId && (row.state === 'conflict' || row.error?.kind === 'changed-elsewhere'),
  );

export function judge({
  lines: allLines,
  site,
  server,
  statusLedger,
  outbox,
  cache,
  finalSyncAt,
  users,
}: OracleInput): Verdict {
  // Undo lines point at their decision by its index in the whole ledger: kept, other sites' lines skipped.
  const lines = allLines.map((line) => (line.kind === 'fault' || line.site === site ? line : null));
  const verdict: Verdict = {
    decisions: 0,
    undos: 0,
    moderatorChanges: 0,
    lost: [],
    doubled: [],
    stuck: [],
    unexplained: [],
    overwrittenByModerator: { told: 0, notTold: 0 },
    retryOverModerator: 0,
    undoRestoredModerator: 0,
    heldBehindShownFailure: [],
    refusedAndTold: 0,
    commenterDataLost: [],
    backInQueue: [],
    cacheDiffers: [],
    cacheCompared: 0,
    cacheUnchecked: 0,
  };
  const statusEvents = new Map<number, StatusEvent[]>();
  const textEvents = new Map<number, TextEvent[]>();
  const byOutboxId = new Map<number, StatusEvent | TextEvent>();
  const outboxRow = new Map(outbox.map((row) => [row.id ?? 0, row]));
  const add = <T>(map: Map<number, T[]>, key: number, value: T) => map.set(key, [...(map.get(key) ?? []), value]);

  for (const line of lines) {
    if (line === null) continue;
    if (line.kind === 'moderator') verdict.moderatorChanges += line.result === null ? 0 : 1;
    // The UI did something else than the soak asked of it (driver.ts: the ledger names the comment meant).
    if (line.kind === 'decide' && line.uiMismatch)
      verdict.unexplained.push(`comment ${line.commentId}: ${line.decision} by ${line.via}, but ${line.uiMismatch}`);
    if (line.kind === 'decide' && line.refused === null) {
      verdict.decisions += 1;
      const [first, second] = line.outboxIds;
      const isText = line.decision === 'reply' || line.decision === 'edit';
      if (!isText && first !== undefined) {
        const event = { outboxId: first, at: line.at, expected: expectedAfter(line.decision), cancelled: false };
        add(statusEvents, line.commentId, event);
        byOutboxId.set(first, event);
      }
      const textId = line.decision === 'approveAndReply' ? second : isText ? first : undefined;
      if (textId !== undefined && line.content !== null) {
        const kind = line.decision === 'edit' ? 'edit' : 'reply';
        const event: TextEvent = { outboxId: textId, kind, content: line.content, cancelled: false };
        add(textEvents, line.commentId, event);
        byOutboxId.set(textId, event);
      }
    }
    if (line.kind === 'undo' && line.result !== null) {
      verdict.undos += 1;
      const decided = lines[line.of];
      const event = byOutboxId.get(line.outboxId);
      // "cancelled" of a row still in the outbox as done is a changed-elsewhere notice dismissed (ADR 035):
      // the decision had landed. A row really cancelled is gone from the outbox.
      if (line.result === 'cancelled' && event && outboxRow.get(line.outboxId)?.state !== 'done')
        event.cancelled = true;
      // Reversed: the reverse decision brings the comment back to where it was (a reply is trashed: it stays once).
      if (line.result === 'reversed' && decided?.kind === 'decide' && decided.decision !== 'reply') {
        const reverse = outbox.find((row) => row.undoOf === line.outboxId);
        const forward = byOutboxId.get(line.outboxId);
        add(statusEvents, line.commentId, {
          outboxId: reverse?.id ?? -1,
          at: line.at,
          expected: new Set([decided.statusBefore]),
          cancelled: false,
          ...(forward && 'expected' in forward ? { reverses: forward } : {}),
        });
      }
    }
  }

  // By design (flush.ts) a failed or conflicting decision the user is shown holds the comment's later
  // ones until the user retries or undoes it: those are counted apart, not as stuck or lost.
  const held = new Set<number>();
  for (const row of outbox) {
    if (row.state !== 'waiting' && row.state !== 'sending') continue;
    const blocker = outbox.find(
      (other) =>
        other.commentId === row.commentId &&
        (other.id ?? 0) < (row.id ?? 0) &&
        (other.state === 'failed' || other.state === 'conflict'),
    );
    if (blocker) {
      held.add(row.id ?? 0);
      verdict.heldBehindShownFailure.push(`outbox row ${row.id}: ${row.decision} of comment ${row.commentId}`);
    } else verdict.stuck.push(`outbox row ${row.id}: ${row.decision} of comment ${row.commentId}, ${row.state}`);
  }

  const changes = new Map<number, LedgerEntry[]>();
  for (const entry of statusLedger) add(changes, entry.comment, entry);
  // A row gone from the outbox that no undo cancelled was a conflict the user's next decision on the
  // comment settled (outbox/decide.ts: dropped, it never reached WordPress; the user had been shown it).
  const refused = (outboxId: number) => {
    const state = outboxRow.get(outboxId)?.state;
    return state === undefined || state === 'failed' || state === 'conflict' || held.has(outboxId);
  };

  for (const [commentId, events] of statusEvents) {
    const effective = events.filter((event) => !event.cancelled && !refused(event.outboxId));
    const told = events.filter((event) => !event.cancelled && refused(event.outboxId)).length;
    verdict.refusedAndTold += told;
    const entries = changes.get(commentId) ?? [];
    const byEditor = editorChanges(entries, users, verdict);
    if (byEditor > effective.length + told)
      verdict.doubled.push(
        `comment ${commentId}: WordPress changed its status ${byEditor} times for the user, who made ${effective.length + told} status decisions`,
      );
    const last = effective.at(-1);
    if (!last) continue;
    const final = server.get(commentId)?.status ?? 'deleted';
    if (last.expected.has(final)) continue;
    const lastEntry = entries.at(-1);
    if (lastEntry && lastEntry.user === users.admin && restStatus(lastEntry.to) === final) {
      // Did the user's decision hold on the server at some moment after it was made, before the colleague's change?
      const before = entries.filter((entry) => entry.at * 1000 < last.at).at(-1);
      const held = [before, ...entries.filter((entry) => entry.at * 1000 >= last.at).slice(0, -1)].some(
        (entry) => entry !== undefined && last.expected.has(restStatus(entry.to)),
      );
      if (held || (before === undefined && last.expected.has('hold'))) {
        if (toldOfColleague(outbox, commentId)) verdict.overwrittenByModerator.told += 1;
        else verdict.overwrittenByModerator.notTold += 1;
        continue;
      }
    }
    if (undoRestoredColleague(entries, last, final, users)) {
      verdict.retryOverModerator += 1;
      verdict.undoRestoredModerator += 1;
      continue;
    }
    const reached = entries.some((entry) => entry.user === users.editor && entry.at * 1000 >= last.at);
    const message = `comment ${commentId}: the user last decided ${[...last.expected].join('|')}, WordPress has ${final}`;
    if (reached) verdict.unexplained.push(message);
    else verdict.lost.push(message);
  }

  const all = [...server.values()];
  for (const [commentId, events] of textEvents) {
    for (const event of events) {
      if (event.kind !== 'reply') continue;
      const count = all.filter((comment) => comment.content.raw === event.content).length;
      const wanted = event.cancelled || refused(event.outboxId) ? 0 : 1;
      const what = `reply ${JSON.stringify(event.content.slice(0, 40))} to comment ${commentId}`;
      if (count > 1) verdict.doubled.push(`${what}: ${count} times in WordPress`);
      else if (count < wanted) verdict.lost.push(`${what}: not in WordPress`);
      else if (count > wanted) verdict.unexplained.push(`${what}: in WordPress, though cancelled or refused`);
    }
    const lastEdit = events
      .filter((event) => event.kind === 'edit' && !event.cancelled && !refused(event.outboxId))
      .at(-1);
    const comment = server.get(commentId);
    if (lastEdit && comment && comment.content.raw !== lastEdit.content)
      verdict.lost.push(
        `edit of comment ${commentId}: WordPress has ${JSON.stringify(comment.content.raw.slice(0, 60))}`,
      );
  }

  for (const comment of all) {
    // The seeded commenters (scripts/wp/php/setup.php's bulk): their IP and browser, whatever was done.
    if (!/^leser\d+@example\.org$/.test(comment.author_email)) continue;
    if (!comment.author_ip.startsWith('198.51.100.') || !comment.author_user_agent.includes('Firefox/128.0'))
      verdict.commenterDataLost.push(`comment ${comment.id}: ${comment.author_ip} / ${comment.author_user_agent}`);
  }
  compareCache(cache, server, outbox, statusEvents, finalSyncAt, verdict);
  return verdict;
}

/**
 * The cache after the final sync against WordPress: every cached comment has WordPress's status
 * (whatever put it in the cache: the queue, a decision, a thread's parent, a job, a reply sent),
 * and every pending comment is cached. Comments with a decision still open, shown failed, or sent
 * within the client's timeout before the final sync are left out (the sync leaves them as the user
 * left them: cache-write.ts); so is a reply the user sent whose own row is in that case.
 */
export function compareCache(
  cache: OracleInput['cache'],
  server: OracleInput['server'],
  outbox: readonly OutboxRow[],
  decided: ReadonlyMap<number, unknown>,
  finalSyncAt: number,
  verdict: Pick<Verdict, 'backInQueue' | 'cacheDiffers' | 'cacheCompared' | 'cacheUnchecked'>,
) {
  const openRows = outbox.filter((row) => row.state !== 'done' || (row.sentAt ?? 0) >= finalSyncAt - maxTimeoutMs);
  const open = new Set(openRows.flatMap((row) => (row.resultId ? [row.commentId, row.resultId] : [row.commentId])));
  verdict.cacheUnchecked = open.size;
  const cached = new Set<number>();
  for (const row of cache) {
    cached.add(row.id);
    if (open.has(row.id)) continue;
    verdict.cacheCompared += 1;
    const status = server.get(row.id)?.status ?? 'deleted';
    if (row.status === status) continue;
    const text = `comment ${row.id}: the cache has ${row.status}, WordPress ${status}`;
    if (row.status === 'hold' && decided.has(row.id)) verdict.backInQueue.push(text);
    else verdict.cacheDiffers.push(text);
  }
  for (const comment of server.values())
    if (comment.status === 'hold' && !cached.has(comment.id) && !open.has(comment.id))
      verdict.cacheDiffers.push(`comment ${comment.id}: pending in WordPress, not in the cache`);
}
