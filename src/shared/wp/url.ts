/**
 * REST URLs for both root styles a site can announce: `https://blog/wp-json/` (pretty permalinks)
 * and `https://blog/?rest_route=/` (plain permalinks).
 */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export function restUrl(root: string, route: string, query: Record<string, QueryValue> = {}): URL {
  const url = new URL(root);
  const cleanRoute = route.replace(/^\/+/, '');
  const restRoute = url.searchParams.get('rest_route');
  if (restRoute !== null) {
    url.searchParams.set('rest_route', `${restRoute.replace(/\/+$/, '')}/${cleanRoute}`);
  } else {
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${cleanRoute}`;
  }
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) url.searchParams.append(`${key}[]`, String(item));
    } else {
      url.searchParams.set(key, String(value));
    }
  }
  return url;
}
