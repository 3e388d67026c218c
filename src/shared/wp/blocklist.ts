/**
 * The Freigabe Bridge's blocklist route (1.1.0+, `freigabe_bridge.blocklist` in the REST index):
 * WordPress's "Disallowed Comment Keys" and "Comment Moderation" lists, which the REST settings do
 * not expose. Administrators only (`manage_options`); anyone else gets `freigabe_bridge_admin_only`.
 *
 * - `GET freigabe/v1/blocklist` → `{ disallowed: string[], moderation: string[], added: [{ list, entry }] }`
 * - `POST` `{ list, entry }` → `{ result: added|present, …lists }` (present: the list had the line)
 * - `DELETE` `{ list, entry }` → `{ result: removed|gone, …lists }`; an entry Freigabe did not add
 *   is refused (`freigabe_bridge_not_added`, 409) and left alone.
 */
import * as v from 'valibot';
import { type BlockEntry, type Blocklists, blockLists } from '../blocklist.ts';
import { bridgeNamespace } from './bridge.ts';
import type { CallOptions, Transport } from './transport.ts';

const line = v.pipe(v.string(), v.maxLength(2000));

export const blocklistsSchema = v.object({
  disallowed: v.pipe(v.array(line), v.maxLength(100_000)),
  moderation: v.pipe(v.array(line), v.maxLength(100_000)),
  added: v.array(v.object({ list: v.picklist(blockLists), entry: line })),
});

const changeSchema = v.object({
  ...blocklistsSchema.entries,
  result: v.picklist(['added', 'present', 'removed', 'gone']),
});

function listsOf(data: v.InferOutput<typeof blocklistsSchema>): Blocklists {
  return {
    disallowed: data.disallowed,
    moderation: data.moderation,
    added: data.added.map(({ list, entry }) => ({ list, entry })),
  };
}

export function blocklistOperations(transport: Transport) {
  const route = `${bridgeNamespace}/blocklist`;
  const change = async (method: 'POST' | 'DELETE', entry: BlockEntry, call: CallOptions) => {
    const { data } = await transport.request(changeSchema, route, { method, body: entry, ...call });
    return { result: data.result, lists: listsOf(data) };
  };
  return {
    async read(call: CallOptions = {}): Promise<Blocklists> {
      const { data } = await transport.request(blocklistsSchema, route, call);
      return listsOf(data);
    },
    /** Adds the line (`present`: the list had it already: it stays the administrator's). */
    add: (entry: BlockEntry, call: CallOptions = {}) => change('POST', entry, call),
    /** Removes a line Freigabe added (`gone`: someone removed it already). */
    remove: (entry: BlockEntry, call: CallOptions = {}) => change('DELETE', entry, call),
  };
}
