/**
 * The side panel's header line about the article in the followed tab: its title, how many of its
 * comments wait, and a switch between only this article and all of them. Counted from the cache,
 * kept current as decisions and syncs change it (at most once a second while they do).
 */
import type { FreigabeDb } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import { useThrottledQuery } from '../../shared/ui/use-throttled-query.ts';
import { postTitle } from '../queue/post-title.ts';

export interface FollowedArticle {
  siteId: string;
  postId: number;
  /** the post filter's key for it */
  key: string;
}

interface Props {
  db: FreigabeDb;
  article: FollowedArticle;
  /** whether the queue shows only this article */
  only: boolean;
  onOnly: (only: boolean) => void;
}

async function readArticle(db: FreigabeDb, { siteId, postId }: FollowedArticle) {
  const [post, pending] = await Promise.all([
    db.posts.get([siteId, postId]),
    db.comments.where('[siteId+post+status]').equals([siteId, postId, 'hold']).count(),
  ]);
  return { title: post ? postTitle(post.title) : '', pending };
}

function ArticleHeaderView({ db, article, only, onOnly }: Props) {
  const read = useThrottledQuery(db, ['comments', 'posts'], () => readArticle(db, article), 1000, [article.key]);
  if (!read) return null;
  return (
    <section class="article-header" aria-label={t('panelArticleLabel')} data-article={article.key}>
      <p class="article-title" dir="auto" title={read.title}>
        {read.title || `#${article.postId}`}
      </p>
      <span class={`article-pending${read.pending > 0 ? ' count' : ''}`} role="status">
        {read.pending > 0 ? t('panelArticlePending', [String(read.pending)]) : t('panelArticleNonePending')}
      </span>
      <button type="button" class="link" aria-pressed={only} onClick={() => onOnly(!only)}>
        {only ? t('panelAllArticles') : t('panelOnlyThisArticle')}
      </button>
    </section>
  );
}

export const ArticleHeader = pure(ArticleHeaderView);
