/** The Freigabe Bridge's routes called plainly, as a user of the test site (the tests' oracle and probe). */
import type { DemoSiteUser, SiteInfo } from '../../scripts/wp/index.ts';
import type { BulkOutcome } from '../../src/shared/wp/bridge.ts';
import { restRequest, restRoot } from './rest.ts';

type Account = Pick<DemoSiteUser, 'login' | 'applicationPassword'>;

export interface BulkBody {
  action: string;
  ids: unknown[];
  expect?: Record<number, string>;
}

/** POST freigabe/v1/comments/bulk; the answer as it came (status and JSON). */
export async function bulkRequest(
  wp: SiteInfo,
  account: Account | null,
  body: BulkBody,
): Promise<{ status: number; json: { results?: BulkOutcome[]; code?: string; message?: string } }> {
  const response = account
    ? await restRequest(restRoot(wp), account, 'freigabe/v1/comments/bulk', { method: 'POST', body })
    : await fetch(`${restRoot(wp)}freigabe/v1/comments/bulk`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
  return { status: response.status, json: await response.json() };
}

/** The outcomes of a bulk request that must succeed. */
export async function bulk(wp: SiteInfo, account: Account, body: BulkBody): Promise<BulkOutcome[]> {
  const { status, json } = await bulkRequest(wp, account, body);
  if (status !== 200 || !json.results) throw new Error(`bulk ${body.action}: HTTP ${status} ${JSON.stringify(json)}`);
  return json.results;
}

export interface IdPage {
  ids: number[];
  total: number | null;
  next_after_id: number | null;
}

/** GET freigabe/v1/comments/ids; the answer as it came. */
export async function idsRequest(
  wp: SiteInfo,
  account: Account | null,
  query: Record<string, string | number>,
): Promise<{ status: number; json: IdPage & { code?: string; message?: string } }> {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const route = `freigabe/v1/comments/ids?${params}`;
  const response = account ? await restRequest(restRoot(wp), account, route) : await fetch(`${restRoot(wp)}${route}`);
  return { status: response.status, json: await response.json() };
}

/** Every id of a filter, page by page along the keyset; the pages' sizes too. */
export async function allIds(
  wp: SiteInfo,
  account: Account,
  query: Record<string, string | number>,
): Promise<{ ids: number[]; totals: (number | null)[]; pages: number[] }> {
  const ids: number[] = [];
  const totals: (number | null)[] = [];
  const pages: number[] = [];
  let after = 0;
  for (;;) {
    const { status, json } = await idsRequest(wp, account, { ...query, after_id: after });
    if (status !== 200) throw new Error(`ids: HTTP ${status} ${JSON.stringify(json)}`);
    ids.push(...json.ids);
    totals.push(json.total);
    pages.push(json.ids.length);
    if (json.next_after_id === null) return { ids, totals, pages };
    after = json.next_after_id;
  }
}
