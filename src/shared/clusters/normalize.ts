/**
 * The text of a comment reduced to what makes it "the same comment" to a moderator. Social-media
 * storms differ only in their decoration: who is retweeted, the shortened links, the hashtags
 * appended at the end, a word cut off by the length limit ("#co…"), emoji, case and punctuation.
 * All of that goes; the words stay, in order, separated by single spaces.
 *
 * One pass of one regular expression splits the text into tokens (links, @handles, hashtags,
 * words, "…"); the rules then work on the token list. Every alternative either starts with a
 * fixed character or may only start at a chunk boundary, so the pass stays linear on hostile
 * input (a test holds 60,000 characters of punctuation under a few milliseconds).
 * Pure string work: runs in the service worker.
 */

/**
 * 1 a link with scheme or www.; 2 a link without scheme at the start of a chunk ("t.co/abc",
 * "pic.twitter.com/xyz" — a path is required, so "z.b." is no link); 3 an @handle not inside a
 * word (so not an email), Mastodon's @user@instance included; 4 a #hashtag; 5 a word; 6 "…"
 * (which NFKC turns into "..."). Links are captured so they can be told apart.
 */
const TOKENS =
  /((?:https?:\/\/|www\.)\S*|(?<!\S)[^\s\p{L}\p{N}]*(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*)|(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+(?:@[\p{L}\p{N}_.-]+)?|#[\p{L}\p{N}_]+|[\p{L}\p{N}]+|\.\.\./gu;
/** Without any of these, a text is only words and punctuation: the fast path. */
const DECORATION = /[/@#]|www\.|\.\.\./;
const WORDS = /[\p{L}\p{N}]+/gu;
const ATTRIBUTIONS = new Set(['via', 'by', 'von', 'cc']);
const AT = 0x40;
const HASH = 0x23;
const DOT = 0x2e;

/**
 * Lower-cased words of `text` without links, @handles, attributions ("via @x"), a leading
 * "RT @x:" (or a bare leading "RT"), the hashtags it ends with, a last word cut off with "…",
 * emoji and punctuation, joined by single spaces. Hashtags inside the text keep their word
 * ("#SocialMedia" → "socialmedia"). A text of hashtags only keeps them as words; a text with no
 * words at all gives `''`. Diacritics stay ("plädoyer"): folding them costs more than it finds.
 *
 * A last word directly followed by "…" is taken as cut off by a length limit ("Die Disku…
 * #Beruf"); "Na ja…" loses its "ja" too, which costs nothing: both sides of a comparison lose it.
 */
export function normalizeForCluster(text: string): string {
  return clusterWords(text).join(' ');
}

/** The words of `normalizeForCluster(text)`, as a list. */
export function clusterWords(text: string): string[] {
  const source = text.normalize('NFKC').toLowerCase();
  if (!DECORATION.test(source)) return plainWords(source);
  /** words and hashtags (without "#"), in order */
  const kept: string[] = [];
  const isWord: boolean[] = [];
  let lastWord = -1;
  let lastWordEnd = -1;
  let lastWordCutOff = false;
  let previousWasKeptWord = false;
  let atStart = true;

  TOKENS.lastIndex = 0;
  for (let match = TOKENS.exec(source); match !== null; match = TOKENS.exec(source)) {
    const token = match[0];
    const head = token.charCodeAt(0);
    const wasKeptWord = previousWasKeptWord;
    previousWasKeptWord = false;
    if (match[1] !== undefined) continue;
    if (head === AT) {
      if (wasKeptWord && ATTRIBUTIONS.has(kept[kept.length - 1] as string)) {
        kept.pop();
        isWord.pop();
        lastWord = isWord.lastIndexOf(true);
        lastWordCutOff = false;
      }
      continue;
    }
    if (head === DOT) {
      if (match.index === lastWordEnd) lastWordCutOff = true;
      continue;
    }
    if (head === HASH) {
      atStart = false;
      for (const part of token.slice(1).split('_')) {
        if (part === '') continue;
        kept.push(part);
        isWord.push(false);
      }
      continue;
    }
    if (atStart && token === 'rt') continue;
    atStart = false;
    kept.push(token);
    isWord.push(true);
    lastWord = kept.length - 1;
    lastWordEnd = match.index + token.length;
    lastWordCutOff = false;
    previousWasKeptWord = true;
  }

  // Hashtags after the last word go, unless there is no word at all; so does a cut-off last word.
  if (lastWord === -1) return kept;
  return kept.slice(0, lastWordCutOff && lastWord > 0 ? lastWord : lastWord + 1);
}

function plainWords(source: string): string[] {
  const words = source.match(WORDS) ?? [];
  let first = 0;
  while (words[first] === 'rt') first++;
  return first === 0 ? words : words.slice(first);
}

/** Whitespace-collapsed, lower-cased text: the key of comments that have no words (emoji, bare links). */
export function wordlessKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
