import { describe, expect, it } from 'vitest';
import { similarComponents } from '../../../../src/shared/clusters/similar.ts';

/** The definition, pair by pair: Jaccard of word-pair sets ≥ 4/5, then connected components. */
function bruteForce(texts: readonly string[][]): number[] {
  const sets = texts.map((words) => new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`)));
  const root = texts.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : find(root[i] as number));
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) {
      const setA = sets[a] as Set<string>;
      const setB = sets[b] as Set<string>;
      if (setA.size === 0 || setB.size === 0) continue;
      const overlap = [...setA].filter((pair) => setB.has(pair)).length;
      if (5 * overlap >= 4 * (setA.size + setB.size - overlap)) {
        const [ra, rb] = [find(a), find(b)];
        root[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
  }
  return texts.map((_, i) => find(i));
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('similarComponents (prefix-filtered similarity join)', () => {
  it('finds exactly the components the pairwise definition finds (no pair missed, none invented)', () => {
    const next = random(7);
    const vocabulary = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    let linked = 0;
    for (let round = 0; round < 40; round++) {
      // Few words and many near-copies, so that many pairs sit right at the threshold.
      const bases = Array.from({ length: 4 }, () =>
        Array.from({ length: 4 + Math.floor(next() * 14) }, () => vocabulary[Math.floor(next() * 8)] as string),
      );
      const texts = Array.from({ length: 30 }, () => {
        const words = [...(bases[Math.floor(next() * bases.length)] as string[])];
        const edits = Math.floor(next() * 3);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(next() * words.length);
          if (next() < 0.5) words[at] = vocabulary[Math.floor(next() * 8)] as string;
          else words.splice(at, 0, vocabulary[Math.floor(next() * 8)] as string);
        }
        return words;
      });
      const expected = bruteForce(texts);
      expect([...similarComponents(texts)]).toEqual(expected);
      linked += expected.filter((rootIndex, i) => rootIndex !== i).length;
    }
    // The data must exercise the join: many texts joined to others, not all of them.
    expect(linked).toBeGreaterThan(200);
    expect(linked).toBeLessThan(40 * 30 - 160);
  });

  it('compares few pairs in a numbered storm (10,000 texts alike but for a number, none similar enough)', () => {
    // The bench's queue: every text shares all its word pairs but the two around its number, so
    // every text meets every other one through a common pair unless the index prefix leaves it out.
    const texts = Array.from({ length: 10_000 }, (_, i) =>
      `kommentar nummer ${i} ein gedanke zum artikel der auf freigabe wartet`.split(' '),
    );
    const work = { compared: 0 };
    const components = similarComponents(texts, work);
    expect(components.every((root, i) => root === i)).toBe(true);
    expect(work.compared).toBeLessThan(10_000);
    // The same texts with one word more in half of them: still exact, still cheap.
    const mixed = texts.map((words, i) => (i % 2 === 0 ? words : [...words, 'danke']));
    const mixedWork = { compared: 0 };
    expect([...similarComponents(mixed.slice(0, 300), mixedWork)]).toEqual(bruteForce(mixed.slice(0, 300)));
    expect(mixedWork.compared).toBeLessThan(300 * 10);
  });

  it('gives each text its own component when nothing is similar, and handles empty input', () => {
    expect([...similarComponents([])]).toEqual([]);
    expect([...similarComponents([['eins', 'zwei'], ['drei', 'vier'], []])]).toEqual([0, 1, 2]);
  });

  it('names a component by its first text', () => {
    const text = ['immer', 'wieder', 'der', 'gleiche', 'satz'];
    expect([...similarComponents([['anders', 'als', 'alle'], text, ['noch', 'etwas'], [...text]])]).toEqual([
      0, 1, 2, 1,
    ]);
  });
});
