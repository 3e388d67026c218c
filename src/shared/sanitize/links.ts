/**
 * Where a link in a comment really goes, and how to say so in a few characters. Pure (URL only,
 * no DOM): `linkTargets` uses it on sanitized HTML anywhere, the sanitizer on its own output.
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link's target as an absolute URL, or `null` when it is not one we let a moderator open:
 * only `http:`, `https:` (with a host) and `mailto:`. Relative and protocol-relative hrefs
 * ("//evil.example") are refused too: in our pages they would resolve against the extension.
 * User name and password are dropped: "https://bank.example@evil.example/" goes to evil.example
 * and must not read as bank.example.
 */
export function safeLinkTarget(href: string | null): URL | null {
  if (href === null) return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    // Not a URL: not a link.
    return null;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:') {
    if (url.hostname === '') return null;
    url.username = '';
    url.password = '';
  }
  return url;
}

/**
 * "example.com" for a site's root, "example.com/…" for anything below it, the address for a
 * mailto link. The host is what decides trust, so it is shown in full (Punycode for IDNs, so a
 * look-alike domain looks different); the path is not, so it is only hinted at.
 */
export function displayTarget(url: URL): string {
  if (url.protocol === 'mailto:') return mailAddress(url);
  const host = hostWithoutWww(url);
  const below = (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '';
  return below ? `${host}/…` : host;
}

/**
 * Whether a link's visible text already tells where it goes: it names the target's host (with or
 * without scheme and "www.", the same host once IDNs are encoded), or the mail address. "hier
 * klicken", "Community-Strategie" or "https://bank.example" on a link to evil.example do not.
 */
export function textShowsTarget(text: string, url: URL): boolean {
  const shown = text.trim().toLowerCase();
  if (url.protocol === 'mailto:') return mailAddress(url) !== '' && shown.includes(mailAddress(url).toLowerCase());
  const named = shown
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#\s]/, 1)[0]
    ?.replace(/:\d+$/, '');
  if (!named) return false;
  let namedHost: string;
  try {
    namedHost = new URL(`http://${named}`).hostname;
  } catch {
    return false;
  }
  return namedHost.replace(/^www\./, '') === url.hostname.replace(/^www\./, '');
}

function hostWithoutWww(url: URL): string {
  return url.host.replace(/^www\./, '');
}

function mailAddress(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    // Malformed escapes: the address as written.
    return url.pathname;
  }
}
