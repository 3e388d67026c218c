/** Connecting with an Application Password pasted by hand. */
import type { ConnectedSite } from '../../shared/messages.ts';
import { discoverSite } from '../../shared/wp/discover.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { WpUserMe } from '../../shared/wp/schemas.ts';
import { checkCredentialsOverXmlRpc } from '../../shared/wp/xmlrpc-probe.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { finishConnect, whoAmI } from './connect.ts';
import { requireOriginPermission } from './permission.ts';

export async function connectWithPassword(
  ctx: BackgroundContext,
  input: { url: string; username: string; password: string },
): Promise<ConnectedSite> {
  const site = await discoverSite(input.url, { fetch: ctx.fetch });
  await requireOriginPermission(ctx, new URL(site.restRoot).origin);
  const auth = { kind: 'application-password', username: input.username.trim(), password: input.password } as const;
  let me: WpUserMe;
  try {
    me = await whoAmI(ctx, site, auth);
  } catch (error) {
    if (error instanceof WpError && error.kind === 'auth') {
      throw await explainRejectedPassword(ctx, site.siteUrl, site.name, auth.username, auth.password);
    }
    throw error;
  }
  return finishConnect(ctx, site, auth, 'password', me);
}

/**
 * WordPress answers a wrong Application Password and one it never received (a host that strips the
 * Authorization header, common with PHP as CGI) the same way: "not logged in". Ask again over
 * XML-RPC, where the credentials travel in the body, to tell which it is.
 */
export async function explainRejectedPassword(
  ctx: BackgroundContext,
  siteUrl: string,
  name: string,
  username: string,
  password: string,
): Promise<ReplyError> {
  const check = await checkCredentialsOverXmlRpc(siteUrl, username, password, { fetch: ctx.fetch });
  if (check === 'valid') {
    return new ReplyError(
      'authorization_header_stripped',
      `${name} accepts this Application Password, but its web server does not pass the Authorization header on to WordPress, so the REST API sees nobody. Ask your host to pass it on — for Apache add "CGIPassAuth On" (or "SetEnvIf Authorization (.*) HTTP_AUTHORIZATION=$1") to .htaccess — or sign in with your browser session instead.`,
    );
  }
  return new ReplyError(
    'wrong_credentials',
    check === 'invalid'
      ? `${name} did not accept this user name and Application Password. Check both, or create a new Application Password in your WordPress profile.`
      : `${name} did not accept this user name and Application Password. Check both — if they are right, the web server may be dropping the Authorization header ("CGIPassAuth On" in .htaccess fixes that on Apache).`,
  );
}
