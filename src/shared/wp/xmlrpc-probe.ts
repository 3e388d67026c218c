/**
 * Asks XML-RPC whether WordPress accepts a user name and Application Password. Over REST a wrong
 * password and one that never arrived (a web server that strips the Authorization header) look the
 * same: "not logged in". XML-RPC takes the credentials in the request body, where no server strips
 * them, and accepts Application Passwords too.
 *
 * What WordPress answers (checked on 6.1 and 7.1): the blog list when they are right; fault 403
 * "Incorrect username or password." for ANY refused sign-in — a wrong password, an unknown user,
 * and also an account or site without Application Passwords; fault 405 (with HTTP status 405)
 * when `xmlrpc_enabled` is off. A security plugin or the web server may block xmlrpc.php outright (a plain HTTP 403 page).
 */
export type CredentialCheck =
  /** WordPress signed the user in with them */
  | 'valid'
  /** WordPress refused the sign-in (fault 403): wrong, or Application Passwords not available to the account */
  | 'rejected'
  /** XML-RPC is switched off (fault 405) */
  | 'disabled'
  /** xmlrpc.php does not answer as XML-RPC (blocked, removed, another fault) */
  | 'blocked'
  /** no answer at all */
  | 'unreachable';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const faultCode = (text: string): number | null => {
  const code = /<name>faultCode<\/name>\s*<value>\s*<(?:int|i4)>\s*(-?\d+)\s*<\/(?:int|i4)>/.exec(text)?.[1];
  return code === undefined ? null : Number(code);
};

export async function checkCredentialsOverXmlRpc(
  siteUrl: string,
  username: string,
  password: string,
  { fetch: doFetch = globalThis.fetch.bind(globalThis) }: { fetch?: typeof fetch } = {},
): Promise<CredentialCheck> {
  const body = `<?xml version="1.0"?><methodCall><methodName>wp.getUsersBlogs</methodName><params><param><value><string>${escapeXml(username)}</string></value></param><param><value><string>${escapeXml(password.replace(/\s+/g, ''))}</string></value></param></params></methodCall>`;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(`${siteUrl.replace(/\/+$/, '')}/xmlrpc.php`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(15000),
    });
    text = await response.text();
  } catch {
    return 'unreachable';
  }
  // WordPress answers "disabled" with HTTP 405 and an XML-RPC fault: read the body, not the status.
  if (!text.includes('<methodResponse')) return 'blocked';
  if (text.includes('<fault>')) {
    const code = faultCode(text);
    return code === 403 ? 'rejected' : code === 405 ? 'disabled' : 'blocked';
  }
  return /<name>blogid<\/name>/.test(text) ? 'valid' : 'blocked';
}
