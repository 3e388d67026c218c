/**
 * Reading Dexie's change notices (`Dexie.on('storagemutated')`, fired for this context's writes and,
 * over Dexie's BroadcastChannel, for other pages' and the worker's). A notice maps parts named
 * `idb://<database>/<table>/<index>` to the ranges that changed: the primary key's part
 * (`…/<table>/`) names the rows, `…/:dels` and the index parts say the same in other words. Dexie
 * (4.4.7) also sends `{ all: … }` when it cannot say what changed — after a page comes back from
 * the back/forward cache, when changes happened while its connection was closed — and that touches
 * every table of every database. A range (a cleared table, a deleted range, 50 or more rows written
 * at once) names no keys. Every listener reads notices here, so none of them forgets a case.
 */
import { cmp, type IndexableType } from 'dexie';

/** What Dexie hands to `storagemutated` listeners; structured-cloned (no prototypes) when it comes from another context. */
export type ChangeNotice = Readonly<Record<string, unknown>>;

/** What a notice says about one table. */
export type TableChange =
  | { kind: 'none' }
  | { kind: 'keys'; keys: IndexableType[] }
  /** "all", a range, or more keys than asked for: read the whole table again */
  | { kind: 'everything' };

/** A node of Dexie's RangeSet tree (an empty set has no `from`). */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

const none: TableChange = { kind: 'none' };
const everything: TableChange = { kind: 'everything' };

const partPrefix = (dbName: string, table: string) => `idb://${dbName}/${table}/`;

const isEmptyRange = (node: unknown): boolean =>
  typeof node !== 'object' || node === null || !('from' in (node as RangeNode));

/** Whether the notice is Dexie's "all": it cannot say what changed. */
export const isAllNotice = (notice: ChangeNotice): boolean => Boolean(notice.all);

/** Whether a notice may have changed any of these tables of this database. */
export function touchesTables(notice: ChangeNotice, dbName: string, tables: readonly string[]): boolean {
  if (isAllNotice(notice)) return true;
  const prefixes = tables.map((table) => partPrefix(dbName, table));
  return Object.keys(notice).some(
    (part) => !isEmptyRange(notice[part]) && prefixes.some((prefix) => part.startsWith(prefix)),
  );
}

/** The rows of one table a notice names, or that it cannot name them (or names more than `limit`). */
export function changesIn(
  notice: ChangeNotice,
  dbName: string,
  table: string,
  limit = Number.POSITIVE_INFINITY,
): TableChange {
  if (isAllNotice(notice)) return everything;
  if (!touchesTables(notice, dbName, [table])) return none;
  const primary = notice[partPrefix(dbName, table)];
  // Index parts alone never come from Dexie; should they, they name no rows.
  if (isEmptyRange(primary)) return everything;
  const keys: IndexableType[] = [];
  const stack: RangeNode[] = [primary as RangeNode];
  while (stack.length > 0) {
    const node = stack.pop() as RangeNode;
    if (isEmptyRange(node)) continue;
    if (cmp(node.from, node.to) !== 0) return everything;
    keys.push(node.from as IndexableType);
    if (keys.length > limit) return everything;
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys.length === 0 ? none : { kind: 'keys', keys };
}

/** Whether a notice may have changed any of these rows of one table (keys as Dexie compares them). */
export function touchesRows(
  notice: ChangeNotice,
  dbName: string,
  table: string,
  keys: readonly IndexableType[],
): boolean {
  if (keys.length === 0) return false;
  // More named than a row's few keys are worth comparing against: as good as "everything".
  const change = changesIn(notice, dbName, table, 200);
  return (
    change.kind === 'everything' ||
    (change.kind === 'keys' && change.keys.some((key) => keys.some((wanted) => cmp(key, wanted) === 0)))
  );
}
