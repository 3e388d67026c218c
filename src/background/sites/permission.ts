/** Host access, one origin at a time (optional host permissions; never all URLs). */
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';

/** Match pattern for a site's origin. Match patterns carry no port: one pattern covers all ports. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export async function requireOriginPermission(ctx: BackgroundContext, origin: string): Promise<void> {
  const granted = await ctx.browser.permissions.contains({ origins: [originPattern(origin)] });
  if (!granted) {
    throw new ReplyError(
      'permission_missing',
      `Freigabe may not access ${origin} yet. Allow it when your browser asks.`,
    );
  }
}

/** Gives the permission back; required (manifest) permissions of test builds cannot be, and stay. */
export async function releaseOriginPermission(ctx: BackgroundContext, origin: string): Promise<void> {
  try {
    await ctx.browser.permissions.remove({ origins: [originPattern(origin)] });
  } catch {
    // A permission the manifest requires cannot be removed.
  }
}
