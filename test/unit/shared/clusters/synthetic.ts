/**
 * A synthetic moderation queue for the clustering benchmark test: 10,000 comments over 50 posts
 * (one post with 4,000), made of random prose plus planted storms whose clusters are known.
 * Deterministic (seeded), so a failure reproduces.
 */
import type { ClusterInput } from '../../../../src/shared/clusters/index.ts';

export interface SyntheticQueue {
  comments: ClusterInput[];
  /** the clusters that were planted, as sorted id lists */
  planted: number[][];
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  'ar',
  'be',
  'dra',
  'fen',
  'gul',
  'hoch',
  'ir',
  'kan',
  'lo',
  'mist',
  'no',
  'per',
  'ru',
  'sel',
  'tan',
  'ung',
  'ver',
  'wal',
  'zei',
  'ß',
  'ä',
  'ö',
];

export function syntheticQueue(options: { posts: number; total: number; bigPost: number }): SyntheticQueue {
  const next = random(20260301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const vocabulary = Array.from({ length: 800 }, () => pick(syllables) + pick(syllables) + pick(syllables));
  const sentence = (length: number) => Array.from({ length }, () => pick(vocabulary)).join(' ');

  const comments: ClusterInput[] = [];
  const planted: number[][] = [];
  let id = 1000;
  const add = (post: number, text: string, type = 'comment', authorUrl = ''): number => {
    id += 1;
    comments.push({ id, post, type, authorName: `Person ${id}`, authorUrl, text });
    return id;
  };

  const sizes = Array.from({ length: options.posts }, (_, index) =>
    index === 0 ? options.bigPost : Math.floor((options.total - options.bigPost) / (options.posts - 1)),
  );
  sizes[sizes.length - 1] = (sizes.at(-1) as number) + options.total - sizes.reduce((a, b) => a + b, 0);

  sizes.forEach((size, index) => {
    const post = index + 1;
    const storm: number[] = [];
    const title = sentence(9);
    const stormSize = Math.max(3, Math.floor(size / 20));
    for (let i = 0; i < stormSize; i++) {
      storm.push(
        add(post, i % 3 === 0 ? `${title} via @quelle${i} #hr` : `RT @person${i}: ${title} https://t.co/x${i}`),
      );
    }
    planted.push(storm);

    const base = sentence(20).split(' ');
    const variants = [add(post, base.join(' '))];
    for (let i = 0; i < 4; i++) {
      const variant = [...base];
      variant[2 + i * 4] = pick(vocabulary);
      variants.push(add(post, variant.join(' ')));
    }
    planted.push(variants);

    const pings = [0, 1, 2].map((i) =>
      add(
        post,
        `[…] ${sentence(12)} […]`,
        'pingback',
        `https://${i === 1 ? 'www.' : ''}spiegel-der-woche.example/${post}/${i}`,
      ),
    );
    planted.push(pings);

    const known = storm.length + variants.length + pings.length;
    for (let i = known; i < size; i++) add(post, sentence(6 + Math.floor(next() * 40)));
  });

  // Interleave posts as a queue sorted by date would.
  for (let i = comments.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [comments[i], comments[j]] = [comments[j] as ClusterInput, comments[i] as ClusterInput];
  }
  return { comments, planted: planted.map((ids) => [...ids].sort((a, b) => a - b)) };
}
