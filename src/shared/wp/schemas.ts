/**
 * What WordPress's REST API answers, validated at the edge (style habit 3). Only the fields the
 * app uses are required; WordPress may add others.
 */
import * as v from 'valibot';

const rendered = v.object({ rendered: v.string() });

export const commentStatusSchema = v.picklist(['approved', 'hold', 'spam', 'trash']);
export type CommentStatus = v.InferOutput<typeof commentStatusSchema>;

export const wpCommentSchema = v.object({
  id: v.pipe(v.number(), v.integer()),
  post: v.pipe(v.number(), v.integer()),
  parent: v.pipe(v.number(), v.integer()),
  author: v.pipe(v.number(), v.integer()),
  author_name: v.string(),
  author_url: v.string(),
  author_email: v.optional(v.string()),
  author_ip: v.optional(v.string()),
  author_user_agent: v.optional(v.string()),
  date_gmt: v.string(),
  content: v.object({ rendered: v.string(), raw: v.optional(v.string()) }),
  link: v.string(),
  // Statuses beyond the four (e.g. a plugin's) are kept as they are and never treated as pending.
  status: v.string(),
  type: v.string(),
  /**
   * Akismet's verdict, from the Freigabe Bridge (moderators, edit context); WordPress ignores the
   * name in `_fields` without it. Read leniently by shared/akismet.ts: a bad one costs the line only.
   */
  freigabe_akismet: v.optional(v.unknown()),
});
export type WpComment = v.InferOutput<typeof wpCommentSchema>;

export const wpCommentListSchema = v.array(wpCommentSchema);

export const wpUserMeSchema = v.object({
  id: v.pipe(v.number(), v.integer()),
  name: v.string(),
  slug: v.optional(v.string()),
  roles: v.optional(v.array(v.string())),
  capabilities: v.optional(v.record(v.string(), v.boolean())),
});
export type WpUserMe = v.InferOutput<typeof wpUserMeSchema>;

export const wpPostSummarySchema = v.object({
  id: v.pipe(v.number(), v.integer()),
  title: rendered,
  link: v.string(),
  author: v.optional(v.pipe(v.number(), v.integer())),
});
export type WpPostSummary = v.InferOutput<typeof wpPostSummarySchema>;
export const wpPostSummaryListSchema = v.array(wpPostSummarySchema);

export const wpIndexSchema = v.object({
  name: v.string(),
  /** siteurl: where WordPress itself lives (wp-admin, xmlrpc.php) */
  url: v.optional(v.string()),
  /** home: where the blog is read */
  home: v.optional(v.string()),
  namespaces: v.array(v.string()),
  /** `{ "application-passwords": … }`, or `[]` when the site offers no sign-in of that kind */
  authentication: v.optional(v.unknown()),
  /** the Freigabe Bridge's announcement, when the plugin is active (read by bridge.ts's `bridgeOf`) */
  freigabe_bridge: v.optional(v.unknown()),
});
export type WpIndex = v.InferOutput<typeof wpIndexSchema>;

const applicationPasswordsEntrySchema = v.object({
  'application-passwords': v.object({ endpoints: v.object({ authorization: v.string() }) }),
});

/**
 * The authorize screen the REST index announces. WordPress adds the entry only while
 * `wp_is_application_passwords_available()` holds (HTTPS or a local site, and no plugin switched
 * them off), so its absence is WordPress's own word that Application Passwords are unavailable.
 */
export function applicationPasswordsEndpoint(index: WpIndex): string | null {
  const entry = v.safeParse(applicationPasswordsEntrySchema, index.authentication);
  return entry.success ? entry.output['application-passwords'].endpoints.authorization : null;
}

export const wpErrorBodySchema = v.object({ code: v.string(), message: v.string() });

/** DELETE …/comments/{id}?force=true */
export const wpDeletedCommentSchema = v.object({ deleted: v.literal(true), previous: wpCommentSchema });

/** Users by name (`_fields=id,name`): whose posts they are. */
export const wpUserNameListSchema = v.array(v.object({ id: v.pipe(v.number(), v.integer()), name: v.string() }));

/** Lists where only X-WP-Total matters (`_fields=id`). */
export const wpIdListSchema = v.array(v.object({ id: v.pipe(v.number(), v.integer()) }));
