/**
 * A flood of comments written straight into a native test WordPress's database (MariaDB's
 * `seq_1_to_N` table and one `INSERT … SELECT`: 100,000 rows in seconds, where wp_insert_comment
 * needs minutes), then WordPress's own counts recalculated with its own functions
 * (bench/lib/php/flood-recount.php: `wp_update_comment_count`, `wp_count_comments`), so the REST
 * API, wp-admin and the Bridge all see the numbers WordPress would have written itself.
 *
 * Every flood comment has an id above the site's `baseline` (the highest id before the first
 * flood): re-seeding deletes those rows and their meta and writes a fresh flood.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupTarget } from '../../scripts/wp/layouts.ts';
import { findNativeTools } from '../../scripts/wp/native.ts';

export interface FloodSite {
  /** home URL */
  url: string;
  /** the site's folder (`WordPressSite.dir`) */
  dir: string;
}

export interface FloodDb {
  /** runs SQL in the site's database; answers the rows, tab-separated, without a header */
  sql(statement: string): string;
  /** the highest comment id before the flood: everything above it is flood */
  baseline: number;
}

export interface FloodCounts {
  /** per post: comment_count as WordPress recalculated it (approved comments) */
  posts: Record<string, number>;
  moderated: number;
  approved: number;
  spam: number;
  trash: number;
}

const recountScript = join(dirname(fileURLToPath(import.meta.url)), 'php', 'flood-recount.php');

function tools() {
  const { tools: found, missing } = findNativeTools();
  if (!found) throw new Error(`The flood bench needs the native backend: ${missing.join(', ')}`);
  return found;
}

/** The socket WordPress reaches MariaDB by, read from the site's wp-config.php (`DB_HOST`). */
function socketOf(site: FloodSite): string {
  const config = readFileSync(join(setupTarget(site).wordpressDir, 'wp-config.php'), 'utf8');
  const host = /define\('DB_HOST', "([^"]+)"\)/.exec(config)?.[1];
  const socket = host?.split(':')[1];
  if (!socket) throw new Error(`no socket in DB_HOST of ${site.dir}'s wp-config.php (${host ?? 'not found'})`);
  return socket;
}

/**
 * The site's database through its MariaDB client. Takes the demo's own pending comments out of the
 * way (deleted: the bench's site is its own), so that "pending" means the flood and nothing else.
 */
export function floodDb(site: FloodSite): FloodDb {
  const { client } = tools();
  const socket = socketOf(site);
  const sql = (statement: string): string => {
    const run = spawnSync(
      client,
      ['--no-defaults', '-uroot', `--socket=${socket}`, '--batch', '--skip-column-names', 'wordpress', '-e', statement],
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    if (run.status !== 0) throw new Error(`SQL failed: ${run.stderr.trim()}\n${statement.slice(0, 300)}`);
    return run.stdout;
  };
  sql(
    "DELETE m FROM wp_commentmeta m JOIN wp_comments c ON c.comment_ID = m.comment_id WHERE c.comment_approved = '0'",
  );
  sql("DELETE FROM wp_comments WHERE comment_approved = '0'");
  const baseline = Number(sql('SELECT COALESCE(MAX(comment_ID), 0) FROM wp_comments').trim());
  return { sql, baseline };
}

const names = [
  'Cheap Meds Online',
  'Kredit ohne Schufa',
  'Best Casino Bonus',
  'SEO Expert',
  'Julia',
  'Replica Watches',
  'Crypto Signals',
  'Essay Writer',
  'Mark',
  'Handwerker Berlin',
  'Followers Kaufen',
  'Anna Schmidt',
];
const domains = ['mail.example', 'spam.example', 'post.example', 'inbox.example', 'web.example'];
const agents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'python-requests/2.31.0',
  'Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0)',
];
const texts = [
  'Great post, thanks for sharing! Visit my site for the best deals: <a href="https://deals.example/">deals</a>',
  'Sehr interessanter Artikel. Schauen Sie auch bei uns vorbei, wir haben tolle Angebote.',
  'I have been reading your blog for a while and this is the best article so far. Keep it up!',
  'Günstige Kredite ohne Schufa, sofort ausgezahlt: https://kredit.example/',
  'Nice one. What theme are you using? I would like to start a blog like this too.',
  'Buy followers and likes now, 100% real, instant delivery.',
  'Danke für den Beitrag! Ich hätte noch eine Frage zum dritten Absatz, aber die kläre ich woanders.',
  'This is really helpful. Check out my crypto signals channel for more.',
];

const sqlText = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const pick = (list: readonly string[], modulo: string) => `ELT(1 + ${modulo}, ${list.map(sqlText).join(', ')})`;

/**
 * Deletes the previous flood (rows above the baseline and their meta) and writes `count` comments
 * with `status` spread over `posts`: spam-like authors, emails, URLs, IPs, user agents and texts,
 * one a second further back in time. Then WordPress recounts; the counts it answers are checked.
 */
export function seedFlood(
  db: FloodDb,
  site: FloodSite,
  { count, posts, status = 'hold' }: { count: number; posts: readonly number[]; status?: 'hold' | 'approved' },
): { first: number; last: number; ms: number; counts: FloodCounts } {
  if (posts.length === 0) throw new Error('seedFlood: no posts');
  const started = performance.now();
  db.sql(`DELETE FROM wp_commentmeta WHERE comment_id > ${db.baseline}`);
  db.sql(`DELETE FROM wp_comments WHERE comment_ID > ${db.baseline}`);
  const approved = status === 'approved' ? "'1'" : "'0'";
  // Chunks of 50,000 rows keep each statement's undo log small on the bench's 64 MiB buffer pool.
  for (let offset = 0; offset < count; offset += 50_000) {
    const size = Math.min(50_000, count - offset);
    db.sql(`INSERT INTO wp_comments (comment_post_ID, comment_author, comment_author_email, comment_author_url,
        comment_author_IP, comment_date, comment_date_gmt, comment_content, comment_karma, comment_approved,
        comment_agent, comment_type, comment_parent, user_id)
      SELECT ELT(1 + n % ${posts.length}, ${posts.join(', ')}),
        CONCAT(${pick(names, `n % ${names.length}`)}, ' ', n),
        CONCAT('visitor', n, '@', ${pick(domains, `n % ${domains.length}`)}),
        IF(n % 3 = 0, '', CONCAT('https://', ${pick(domains, `(n DIV 7) % ${domains.length}`)}, '/p/', n)),
        CONCAT('203.0.', (n DIV 250) % 256, '.', n % 250 + 1),
        NOW() - INTERVAL n SECOND,
        UTC_TIMESTAMP() - INTERVAL n SECOND,
        CONCAT(${pick(texts, `n % ${texts.length}`)}, ' (', n, ')'),
        0, ${approved},
        ${pick(agents, `(n DIV 3) % ${agents.length}`)},
        'comment', 0, 0
      FROM (SELECT seq AS n FROM seq_${offset + 1}_to_${offset + size}) AS flood
      ORDER BY n DESC`);
  }
  const [first, last] = db
    .sql(`SELECT MIN(comment_ID), MAX(comment_ID) FROM wp_comments WHERE comment_ID > ${db.baseline}`)
    .trim()
    .split('\t')
    .map(Number);
  const counts = recount(site, posts);
  const seen = status === 'approved' ? null : counts.moderated;
  if (seen !== null && seen !== count) throw new Error(`WordPress counts ${seen} pending after seeding ${count}`);
  return { first: first ?? 0, last: last ?? 0, ms: performance.now() - started, counts };
}

/** WordPress recounts the posts' comments and answers its own counts per status. */
export function recount(site: FloodSite, posts: readonly number[]): FloodCounts {
  const { php } = tools();
  const run = spawnSync(php, [recountScript, setupTarget(site).wordpressDir, site.url, posts.join(',')], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`recount failed: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as FloodCounts;
}

/** How many flood comments are in each status now (SQL, WordPress's column values). */
export function floodStatuses(db: FloodDb): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of db
    .sql(`SELECT comment_approved, COUNT(*) FROM wp_comments WHERE comment_ID > ${db.baseline} GROUP BY 1`)
    .trim()
    .split('\n')) {
    const [status, n] = line.split('\t');
    if (status) counts[status] = Number(n);
  }
  return counts;
}
