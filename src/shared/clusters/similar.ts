/**
 * Which texts are near-identical: Jaccard similarity of their word-pair sets (2-word shingles)
 * of at least 4/5, found by prefix filtering (Chaudhuri, Ganti, Kaushik 2006; Bayardo et al.'s
 * "all-pairs" join). Exact — no pair at or above the threshold is missed, unlike MinHash/LSH,
 * so the result never depends on luck — and fast: two texts are only compared when they share
 * one of their few rarest word pairs, never all n² pairs of a 4,000-comment post.
 *
 * Why word pairs: they keep word order (so "ich bin dafür, nicht dagegen" is not "ich bin
 * dagegen, nicht dafür"), and they tolerate what storms vary: a word added, swapped or dropped.
 * Why 4/5: the issue's "Jaccard ≥ 0.8"; about one changed word in ten (in 20 words one swap
 * still clusters, two do not).
 *
 * Typed arrays and plain loops throughout: this runs on every queue render over thousands of texts.
 */

/** Jaccard ≥ NUMERATOR / DENOMINATOR, kept as integers so no rounding decides a borderline pair. */
const NUMERATOR = 4;
const DENOMINATOR = 5;

/**
 * For each text (its words), the index of the first text of its component: texts connected by a
 * chain of near-identical pairs share it (single linkage, so a drifting storm stays together).
 */
export function similarComponents(
  texts: readonly (readonly string[])[],
  /** counts the pairs compared shingle by shingle (the join's work, for tests) */
  work: { compared: number } = { compared: 0 },
): Int32Array {
  const components = new UnionFind(texts.length);
  const { start, shingles, shingleCount } = shingleRecords(texts);
  const sizeOf = (text: number) => (start[text + 1] as number) - (start[text] as number);
  // Texts are indexed with a shorter prefix than they probe with (Xiao et al.'s PPJoin "index
  // prefix"): a text y indexed earlier is no longer than the text x probing, so y and x can only
  // reach Jaccard t if they share one of y's first |y| − ⌈2t/(1+t)·|y|⌉ + 1 shingles. The shorter
  // lists matter when every text shares a common pair right after its rare ones (a storm of "Kommentar
  // Nummer 1 …", "… 2 …"): with the probing prefix alone every text would meet every earlier one.
  const indexPrefixOf = (text: number) =>
    sizeOf(text) - ceilDiv(2 * NUMERATOR * sizeOf(text), NUMERATOR + DENOMINATOR) + 1;
  const sizes = new Int32Array(texts.length);
  for (let text = 0; text < texts.length; text++) sizes[text] = sizeOf(text);
  const bySize = countingSort(sizes);

  // The inverted index of index prefixes, laid out in advance: for each shingle, the texts having it
  // in their index prefix, in the order they are processed (ascending size). While text x is processed,
  // `indexed[s]` of them are already in; `skipped[s]` of those are too small for any later text.
  const listStart = new Int32Array(shingleCount + 1);
  for (let text = 0; text < texts.length; text++) {
    if (sizeOf(text) === 0) continue;
    const first = start[text] as number;
    for (let p = 0; p < indexPrefixOf(text); p++) {
      const next = (shingles[first + p] as number) + 1;
      listStart[next] = (listStart[next] as number) + 1;
    }
  }
  for (let s = 0; s < shingleCount; s++) listStart[s + 1] = (listStart[s + 1] as number) + (listStart[s] as number);
  const lists = new Int32Array(listStart[shingleCount] as number);
  const indexed = new Int32Array(shingleCount);
  const skipped = new Int32Array(shingleCount);
  const lastProbe = new Int32Array(texts.length).fill(-1);

  for (const x of bySize) {
    const size = sizeOf(x);
    if (size === 0) continue;
    const first = start[x] as number;
    const minOverlap = Math.ceil((NUMERATOR * size) / DENOMINATOR);
    const prefix = size - minOverlap + 1;
    for (let p = 0; p < prefix; p++) {
      const shingle = shingles[first + p] as number;
      const from = listStart[shingle] as number;
      const to = from + (indexed[shingle] as number);
      let i = from + (skipped[shingle] as number);
      // x only grows: a text too small for x is too small for every later one.
      while (i < to && sizeOf(lists[i] as number) < minOverlap) i++;
      skipped[shingle] = i - from;
      for (; i < to; i++) {
        const y = lists[i] as number;
        if (lastProbe[y] === x) continue;
        lastProbe[y] = x;
        if (components.find(x) === components.find(y)) continue;
        work.compared++;
        if (similarEnough(shingles, first, size, start[y] as number, sizeOf(y))) components.union(x, y);
      }
    }
    for (let p = 0; p < indexPrefixOf(x); p++) {
      const shingle = shingles[first + p] as number;
      lists[(listStart[shingle] as number) + (indexed[shingle] as number)] = x;
      indexed[shingle] = (indexed[shingle] as number) + 1;
    }
  }

  const roots = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) roots[i] = components.find(i);
  return roots;
}

interface Records {
  /** text t's shingles are shingles[start[t] … start[t+1]) */
  start: Int32Array;
  /** shingle ranks, ascending within each text */
  shingles: Int32Array;
  shingleCount: number;
}

/**
 * Each text's set of word pairs as ranks, ascending, where rank orders shingles from the rarest
 * (in these texts) to the most common: the prefix of a record is its rarest shingles. Words and
 * pairs get integer ids (a string key per pair would cost more than the whole join), and all
 * records live in one array: thousands of small arrays cost more than the join too.
 */
function shingleRecords(texts: readonly (readonly string[])[]): Records {
  const wordIds = new Map<string, number>();
  let maxPairs = 0;
  for (const words of texts) maxPairs += Math.max(0, words.length - 1);

  // Pair ids per text, each pair once per text.
  const pairIds = new PairIds(maxPairs);
  const start = new Int32Array(texts.length + 1);
  const pairs = new Int32Array(maxPairs);
  const textsPerPair = new Int32Array(maxPairs);
  const lastText = new Int32Array(maxPairs).fill(-1);
  let length = 0;
  for (let text = 0; text < texts.length; text++) {
    const words = texts[text] as readonly string[];
    let previous = -1;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      let wordId = wordIds.get(word);
      if (wordId === undefined) {
        wordId = wordIds.size;
        wordIds.set(word, wordId);
      }
      if (i > 0) {
        const id = pairIds.idOf(previous, wordId);
        if (lastText[id] !== text) {
          lastText[id] = text;
          textsPerPair[id] = (textsPerPair[id] as number) + 1;
          pairs[length++] = id;
        }
      }
      previous = wordId;
    }
    start[text + 1] = length;
  }

  // Transposed (pair → texts), then walked from the rarest pair to the most common: each text
  // receives its ranks already in ascending order.
  const pairCount = pairIds.size;
  const textsStart = new Int32Array(pairCount + 1);
  for (let id = 0; id < pairCount; id++) textsStart[id + 1] = (textsStart[id] as number) + (textsPerPair[id] as number);
  const textsOfPair = new Int32Array(length);
  const filled = textsStart.slice(0, pairCount);
  for (let text = 0; text < texts.length; text++) {
    for (let i = start[text] as number; i < (start[text + 1] as number); i++) {
      const id = pairs[i] as number;
      textsOfPair[filled[id] as number] = text;
      filled[id] = (filled[id] as number) + 1;
    }
  }
  const shingles = new Int32Array(length);
  const cursor = start.slice(0, texts.length);
  const byRarity = countingSort(textsPerPair.subarray(0, pairCount));
  for (let rank = 0; rank < pairCount; rank++) {
    const id = byRarity[rank] as number;
    for (let i = textsStart[id] as number; i < (textsStart[id + 1] as number); i++) {
      const text = textsOfPair[i] as number;
      shingles[cursor[text] as number] = rank;
      cursor[text] = (cursor[text] as number) + 1;
    }
  }
  return { start, shingles, shingleCount: pairCount };
}

/** Ids 0, 1, 2 … for pairs of word ids: open addressing over typed arrays, sized once. */
class PairIds {
  size = 0;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;

  constructor(maxPairs: number) {
    let capacity = 16;
    while (capacity < maxPairs * 2) capacity *= 2;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  idOf(a: number, b: number): number {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.mask;
    for (;;) {
      const id = this.ids[slot] as number;
      if (id === -1) {
        this.first[slot] = a;
        this.second[slot] = b;
        this.ids[slot] = this.size;
        return this.size++;
      }
      if (this.first[slot] === a && this.second[slot] === b) return id;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** ⌈a / b⌉ for non-negative integers, without floating point deciding a borderline. */
function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** Indices 0 … n-1 ordered by their (small, non-negative) key, ties in index order. */
function countingSort(keys: Int32Array): Int32Array {
  let maxKey = 0;
  for (const key of keys) if (key > maxKey) maxKey = key;
  const next = new Int32Array(maxKey + 2);
  for (const key of keys) next[key + 1] = (next[key + 1] as number) + 1;
  for (let key = 1; key < next.length; key++) next[key] = (next[key] as number) + (next[key - 1] as number);
  const sorted = new Int32Array(keys.length);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as number;
    sorted[next[key] as number] = index;
    next[key] = (next[key] as number) + 1;
  }
  return sorted;
}

/** |a ∩ b| / |a ∪ b| ≥ 4/5, for two ascending runs of `shingles`. */
function similarEnough(shingles: Int32Array, a: number, aSize: number, b: number, bSize: number): boolean {
  let overlap = 0;
  const aEnd = a + aSize;
  const bEnd = b + bSize;
  for (let i = a, j = b; i < aEnd && j < bEnd; ) {
    const left = shingles[i] as number;
    const right = shingles[j] as number;
    if (left === right) {
      overlap++;
      i++;
      j++;
    } else if (left < right) i++;
    else j++;
  }
  return DENOMINATOR * overlap >= NUMERATOR * (aSize + bSize - overlap);
}

class UnionFind {
  private readonly parent: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(item: number): number {
    let root = item;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let node = item;
    while (node !== root) {
      const next = this.parent[node] as number;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  /** The smaller index stays the root, so a component's representative is its first text. */
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }
}
