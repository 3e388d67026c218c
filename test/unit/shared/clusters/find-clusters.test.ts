import { describe, expect, it } from 'vitest';
import { demoPosts } from '../../../../scripts/wp/demo-content.ts';
import { type ClusterInput, findClusters } from '../../../../src/shared/clusters/index.ts';

/** The demo blog's comments as the queue would pass them: ids in demo order, HTML as plain text. */
function demoInputs(): (ClusterInput & { key: string; status: string })[] {
  let id = 100;
  return demoPosts.flatMap((post, index) =>
    post.comments.map((comment) => ({
      id: ++id,
      key: comment.key,
      status: comment.status,
      post: index + 1,
      type: comment.type,
      authorName: comment.author,
      authorUrl: comment.url ?? '',
      text: comment.content.replace(/<[^>]*>/g, ''),
    })),
  );
}

function keysOf(inputs: readonly (ClusterInput & { key: string })[], ids: readonly number[]): string[] {
  return ids.map((id) => inputs.find((input) => input.id === id)?.key ?? `?${id}`);
}

let nextId = 1;
function comment(text: string, more: Partial<ClusterInput> = {}): ClusterInput {
  const id = nextId++;
  return { id, post: 7, type: 'comment', authorName: `Leser ${id}`, authorUrl: '', text, ...more };
}

const title = 'Homeoffice ist kein Ersatz für gute Führung';

describe('findClusters on the demo blog', () => {
  const inputs = demoInputs();
  const clusters = findClusters(inputs);
  const stormKeys = inputs.filter((input) => input.key.startsWith('rt-')).map((input) => input.key);

  it('puts the whole RT storm, with the tweet it retweets, in one cluster', () => {
    const storm = clusters.filter((cluster) => keysOf(inputs, cluster.ids).some((key) => key.startsWith('rt-')));
    expect(storm).toHaveLength(1);
    expect(stormKeys).toHaveLength(7);
    // "SocialDACH" is the imported original ("<title> – von @KatrinHellwig #socialmedia …"):
    // without its attribution and hashtags it is the text every RT repeats.
    expect(keysOf(inputs, storm[0]?.ids ?? [])).toEqual([...stormKeys, 'socialdach']);
    expect(storm[0]?.reason).toBe('same-text');
    expect(storm[0]?.post).toBe(1);
  });

  it('clusters the storm in the pending queue alone too', () => {
    const pending = inputs.filter((input) => input.status === 'hold');
    const [storm, ...others] = findClusters(pending);
    expect(keysOf(inputs, storm?.ids ?? [])).toEqual([
      'rt-nadine',
      'rt-markus',
      'rt-svenja',
      'rt-kompetenz',
      'rt-manual',
    ]);
    expect(others).toEqual([]);
  });

  it('groups the two pingbacks from one site, and nothing else among the pings', () => {
    const pings = clusters.filter((cluster) => cluster.reason === 'pings-from-domain');
    expect(pings.map((cluster) => keysOf(inputs, cluster.ids))).toEqual([
      ['pingback-werbetext', 'pingback-werbetext-2'],
    ]);
  });

  it('finds nothing else: real comments, the double post with new words, spam and other posts stay single', () => {
    expect(clusters).toHaveLength(2);
    const clustered = new Set(clusters.flatMap((cluster) => keysOf(inputs, cluster.ids)));
    for (const key of [
      'tobias',
      'trash-double',
      'jonas',
      'jonas-again',
      'spam-casino',
      'pingback-normierung',
      'onb-pingback',
    ]) {
      expect(clustered.has(key), key).toBe(false);
    }
  });
});

describe('findClusters: what clusters', () => {
  it('the same text from different authors, once it is five words or more', () => {
    const a = comment('Vielen Dank für diesen klaren Beitrag!', { authorName: 'Ute' });
    const b = comment('vielen dank für diesen KLAREN Beitrag', { authorName: 'Jan' });
    expect(findClusters([a, b])).toEqual([{ key: `7:${a.id}`, post: 7, ids: [a.id, b.id], reason: 'same-text' }]);
  });

  it('short identical texts from three comments on', () => {
    const thanks = [comment('Danke!'), comment('danke'), comment('DANKE!!!')];
    expect(findClusters(thanks.slice(0, 2))).toEqual([]);
    expect(findClusters(thanks)).toEqual([
      { key: `7:${thanks[0]?.id}`, post: 7, ids: thanks.map((c) => c.id), reason: 'same-text' },
    ]);
  });

  it('four words are still short (three needed), five are not (two suffice)', () => {
    const four = [comment('Danke für den Artikel'), comment('Danke für den Artikel!')];
    expect(findClusters(four)).toEqual([]);
    expect(findClusters([...four, comment('danke fur den artikel')])).toEqual([]);
    expect(findClusters([...four, comment('DANKE für den Artikel')]).map((cluster) => cluster.ids)).toHaveLength(1);
    const five = [comment('Danke für den guten Artikel'), comment('Danke für den guten Artikel!')];
    expect(findClusters(five).map((cluster) => cluster.ids)).toEqual([five.map((c) => c.id)]);
  });

  it('comments without words (emoji, bare links) like short texts: from three identical ones on', () => {
    const fire = [comment('🔥🔥🔥'), comment(' 🔥🔥🔥 ')];
    expect(findClusters(fire)).toEqual([]);
    const more = [...fire, comment('🔥🔥🔥')];
    expect(findClusters(more).map((cluster) => cluster.ids)).toEqual([more.map((c) => c.id)]);
    expect(findClusters([comment('🔥'), comment('👍'), comment('🎉')])).toEqual([]);
    expect(findClusters([comment(''), comment(''), comment('  ')])).toEqual([]);
  });

  it('retweets, quotes with attribution and the truncated ones (tweet-length limits)', () => {
    const storm = [
      comment(`RT @redaktion: ${title} #hr #führung #arbeit`),
      comment(`${title} via @redaktion https://t.co/k2`),
      comment(`RT @hrblog: RT @redaktion: ${title} #hr #füh…`),
      comment(`${title}: Der Text… #hr`),
    ];
    const [cluster, ...rest] = findClusters(storm);
    expect(cluster?.ids).toEqual(storm.map((c) => c.id));
    expect(cluster?.reason).toBe('similar-text');
    expect(rest).toEqual([]);
  });

  it('near-identical spam variants (a word swapped) as similar text, chained through the original', () => {
    const original =
      'Wir bieten professionelle Suchmaschinenoptimierung für kleine Unternehmen zu fairen Preisen an und bringen Ihre Seite schnell nach oben bei Google';
    const words = original.split(' ');
    const swap = (index: number, word: string) => words.map((w, i) => (i === index ? word : w)).join(' ');
    const spam = [comment(swap(3, 'günstige')), comment(original), comment(swap(14, 'Website'))];
    // 20 words: each variant shares 17 of 19 word pairs with the original (17/21 ≥ 4/5); the two
    // variants differ in two places (15/23): not similar to each other, only to the original.
    expect(findClusters([spam[0] as ClusterInput, spam[2] as ClusterInput])).toEqual([]);
    expect(findClusters(spam)).toEqual([
      { key: `7:${spam[0]?.id}`, post: 7, ids: spam.map((c) => c.id), reason: 'similar-text' },
    ]);
  });

  it('from exactly Jaccard 4/5 of word pairs on (five words, and the same with one word added)', () => {
    const five = comment('So erlebe ich das auch');
    const oneMore = comment('So erlebe ich das auch hier');
    const twoMore = comment('So erlebe ich das auch hier oft');
    expect(findClusters([five, oneMore]).map((cluster) => cluster.ids)).toEqual([[five.id, oneMore.id]]); // 4 of 5 pairs
    expect(findClusters([five, twoMore])).toEqual([]); // 4 of 6 pairs
  });

  it('pings from one host (www. or not, http or https, pingback or trackback)', () => {
    const pings = [
      comment('[…] ein Beitrag […]', { type: 'pingback', authorUrl: 'https://www.kommblog.example/a/' }),
      comment('[…] ganz anderer Auszug […]', { type: 'trackback', authorUrl: 'http://kommblog.example/b/' }),
      comment('[…] ein Beitrag […]', { type: 'pingback', authorUrl: 'https://other.example/' }),
      comment('[…] Auszug […]', { type: 'pingback', authorUrl: 'https://sub.kommblog.example/c/' }),
    ];
    expect(findClusters(pings)).toEqual([
      { key: `7:${pings[0]?.id}`, post: 7, ids: [pings[0]?.id, pings[1]?.id], reason: 'pings-from-domain' },
    ]);
  });

  it('pings with the same excerpt from many hosts (a scraper storm) as the same text', () => {
    const excerpt = '[…] Social-Media-Arbeit ist mehr als Pressearbeit mit anderen Mitteln […]';
    const pings = ['a', 'b', 'c'].map((host) =>
      comment(excerpt, { type: 'pingback', authorUrl: `https://${host}-copy.example/post/` }),
    );
    expect(findClusters(pings).map((cluster) => [cluster.ids, cluster.reason])).toEqual([
      [pings.map((c) => c.id), 'same-text'],
    ]);
  });

  it('lists clusters in the order their first comment comes, ids in input order', () => {
    const late = [comment('Zweite Welle gleicher Text hier bitte'), comment('Zweite Welle gleicher Text hier bitte')];
    const early = [comment('Erste Welle gleicher Text hier bitte'), comment('Erste Welle gleicher Text hier bitte')];
    const input = [early[1], late[0], early[0], late[1]] as ClusterInput[];
    expect(findClusters(input).map((cluster) => cluster.ids)).toEqual([
      [early[1]?.id, early[0]?.id],
      [late[0]?.id, late[1]?.id],
    ]);
  });

  it('keys clusters by post and lowest id, so a new member does not change the key', () => {
    const first = [
      comment('Dieser Text kommt immer wieder vor', { id: 50 }),
      comment('Dieser Text kommt immer wieder vor', { id: 40 }),
    ];
    const key = findClusters(first)[0]?.key;
    expect(key).toBe('7:40');
    const grown = findClusters([...first, comment('Dieser Text kommt immer wieder vor', { id: 60 })]);
    expect(grown[0]?.key).toBe(key);
  });
});

describe('findClusters: what must not cluster', () => {
  it('different opinions quoting the same sentence', () => {
    const quote = '„Wer Dialog will, braucht jemanden, der ihn auch führen darf.“';
    const opinions = [
      comment(`${quote} Genau so ist es, bei uns fehlt genau diese Rolle seit Jahren.`),
      comment(`${quote} Das halte ich für übertrieben, Dialog ist Aufgabe aller Abteilungen.`),
      comment(`${quote} Schöner Satz, aber wer bezahlt diese Stelle in einem kleinen Betrieb?`),
    ];
    expect(findClusters(opinions)).toEqual([]);
  });

  it('short thanks from different people, and short thanks of different length', () => {
    expect(findClusters([comment('Danke!'), comment('Danke, toller Artikel!')])).toEqual([]);
    expect(findClusters([comment('Danke!'), comment('Danke!')])).toEqual([]);
    expect(findClusters([comment('Super Artikel'), comment('Super Beitrag'), comment('Toller Artikel')])).toEqual([]);
  });

  it('the same author replying twice with different text', () => {
    const author = { authorName: 'Mara Selig', authorUrl: 'https://mara.example' };
    expect(
      findClusters([
        comment('Drei Schleifen? Bei uns sind es vier, und die Diskussion ist dann längst vorbei.', author),
        comment('Nachtrag: Inzwischen haben wir die Freigabe auf eine Schleife reduziert, es geht also.', author),
      ]),
    ).toEqual([]);
  });

  it('the same words in another order (a different opinion)', () => {
    expect(findClusters([comment('Ich bin dafür, nicht dagegen.'), comment('Ich bin dagegen, nicht dafür.')])).toEqual(
      [],
    );
  });

  it('the same text on different posts', () => {
    const text = 'Vielen Dank für diesen klaren Beitrag!';
    expect(findClusters([comment(text, { post: 1 }), comment(text, { post: 2 })])).toEqual([]);
    const pings = [1, 2].map((post) =>
      comment('[…]', { post, type: 'pingback', authorUrl: 'https://kommblog.example/' }),
    );
    expect(findClusters(pings)).toEqual([]);
  });

  it('comments from one site that are not pings, and pings without a usable URL', () => {
    const fromSite = { authorUrl: 'https://kommblog.example/' };
    expect(
      findClusters([comment('Erster eigener Gedanke dazu', fromSite), comment('Ganz andere Meinung hier', fromSite)]),
    ).toEqual([]);
    const broken = [
      comment('[…] eins […]', { type: 'pingback', authorUrl: '' }),
      comment('[…] zwei […]', { type: 'pingback', authorUrl: 'not a url' }),
      comment('[…] drei […]', { type: 'pingback', authorUrl: 'javascript:alert(1)' }),
    ];
    expect(findClusters(broken)).toEqual([]);
  });

  it('nothing at all in an empty queue', () => {
    expect(findClusters([])).toEqual([]);
  });
});
