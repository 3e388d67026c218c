/**
 * Tells a wrong Application Password from a server that strips the Authorization header: both look
 * the same over REST ("not logged in"). XML-RPC takes the credentials in the request body, where no
 * server strips them, and accepts Application Passwords too.
 */
export type CredentialCheck = 'valid' | 'invalid' | 'unavailable';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function checkCredentialsOverXmlRpc(
  siteUrl: string,
  username: string,
  password: string,
  { fetch: doFetch = globalThis.fetch.bind(globalThis) }: { fetch?: typeof fetch } = {},
): Promise<CredentialCheck> {
  const body = `<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params><param><value><string>${escapeXml(username)}</string></value></param><param><value><string>${escapeXml(password.replace(/\s+/g, ''))}</string></value></param></params></methodCall>`;
  try {
    const response = await doFetch(`${siteUrl.replace(/\/+$/, '')}/xmlrpc.php`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(15000),
    });
    const text = await response.text();
    if (!response.ok || !text.includes('<methodResponse')) return 'unavailable';
    if (/<name>faultCode<\/name>\s*<value>\s*<int>403<\/int>/.test(text)) return 'invalid';
    if (text.includes('<fault>')) return 'unavailable';
    return /<name>blogid<\/name>/.test(text) ? 'valid' : 'unavailable';
  } catch {
    return 'unavailable';
  }
}
