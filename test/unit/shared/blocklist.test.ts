/**
 * The blocklist matcher mirrors WordPress (wp_check_comment_disallowed_list() and check_comment()):
 * one entry per line, trimmed, a case-insensitive substring of the name, email, URL, IP, user agent
 * or text; the Disallowed list also sees the text without its tags; Disallowed decides first.
 */
import { describe, expect, it } from 'vitest';
import {
  type BlockableComment,
  blockAvailability,
  blockKeysOf,
  checkBlockEntry,
  matchBlocklists,
} from '../../../src/shared/blocklist.ts';

const comment: BlockableComment = {
  authorName: 'Jürgen Störer',
  authorEmail: 'Juergen@Example.ORG',
  authorUrl: 'https://www.werbung.example/angebot',
  authorIp: '203.0.113.7',
  authorUserAgent: 'Mozilla/5.0 SpamBot/2.1',
  contentRaw: 'Kaufen Sie <b>Quitten</b>mus bei uns!',
  contentHtml: '<p>Kaufen Sie <b>Quitten</b>mus bei uns!</p>',
};

describe('matchBlocklists', () => {
  it.each([
    ['the IP', '203.0.113.7', 'disallowed'],
    ['part of the IP (a network)', '203.0.113.', 'disallowed'],
    ['the email, whatever its case', 'juergen@example.org', 'disallowed'],
    ['the URL host', 'werbung.example', 'disallowed'],
    ['the name, umlauts folded', 'STÖRER', 'disallowed'],
    ['the user agent', 'spambot', 'disallowed'],
    ['a word of the text', 'kaufen', 'disallowed'],
    ['a word across tags, in the text without HTML (Disallowed only)', 'quittenmus', 'disallowed'],
    ['an entry with spaces around it', '  203.0.113.7  ', 'disallowed'],
  ])('finds %s in the Disallowed list', (_what, entry, list) => {
    expect(matchBlocklists({ disallowed: [entry], moderation: [] }, comment)).toEqual({ list, entry: entry.trim() });
  });

  it.each([
    ['the IP', '203.0.113.7'],
    ['the email', 'JUERGEN@'],
    ['the text', 'bei uns'],
  ])('finds %s in the Moderation list', (_what, entry) => {
    expect(matchBlocklists({ disallowed: [], moderation: [entry] }, comment)).toEqual({ list: 'moderation', entry });
  });

  it('does not see across tags for the Moderation list (check_comment matches the text as written)', () => {
    expect(matchBlocklists({ disallowed: [], moderation: ['quittenmus'] }, comment)).toBeNull();
  });

  it.each([
    ['another IP', '203.0.113.8'],
    ['an empty line', ''],
    ['a line of spaces', '   '],
    ['a regex that would match were it not quoted', '203.0.113.*'],
  ])('matches nothing for %s', (_what, entry) => {
    expect(matchBlocklists({ disallowed: [entry], moderation: [entry] }, comment)).toBeNull();
  });

  it('decides by the Disallowed list first, as WordPress does (Trash beats waiting)', () => {
    expect(matchBlocklists({ disallowed: ['spambot'], moderation: ['203.0.113.7'] }, comment)).toEqual({
      list: 'disallowed',
      entry: 'spambot',
    });
  });

  it('uses the rendered text where the raw one is not known (authors)', () => {
    const seen = { ...comment, contentRaw: null, authorEmail: null, authorIp: null };
    expect(matchBlocklists({ disallowed: [], moderation: ['bei uns'] }, seen)?.entry).toBe('bei uns');
    expect(matchBlocklists({ disallowed: ['203.0.113.7'], moderation: [] }, seen)).toBeNull();
  });
});

describe('checkBlockEntry and blockKeysOf', () => {
  it.each([
    ['  spam.example  ', { ok: true, entry: 'spam.example' }],
    ['ab', { ok: false, reason: 'too-short' }],
    ['  ab  ', { ok: false, reason: 'too-short' }],
    ['eins\nzwei', { ok: false, reason: 'line-break' }],
    ['x'.repeat(201), { ok: false, reason: 'too-long' }],
  ])('%j', (value, expected) => {
    expect(checkBlockEntry(value)).toEqual(expected);
  });

  it('offers the email, the IP and the website host (without www.)', () => {
    expect(blockKeysOf(comment)).toEqual({ email: 'Juergen@Example.ORG', ip: '203.0.113.7', host: 'werbung.example' });
    expect(blockKeysOf({ ...comment, authorEmail: null, authorIp: '', authorUrl: '' })).toEqual({
      email: null,
      ip: null,
      host: null,
    });
  });
});

describe('blockAvailability', () => {
  const bridge = { blocklist: true };
  it.each([
    [{ mode: 'author' as const, bridge }, 'not-offered'],
    [{ mode: 'moderator' as const }, 'no-bridge'],
    [{ mode: 'moderator' as const, bridge: null }, 'no-bridge'],
    [{ mode: 'moderator' as const, bridge: {} }, 'old-bridge'],
    [{ mode: 'moderator' as const, bridge }, 'ready'],
    [{ mode: 'moderator' as const, bridge, blocklist: { state: 'admin-only' as const, readAt: 1 } }, 'admin-only'],
  ])('%j → %s', (site, expected) => {
    expect(blockAvailability(site)).toBe(expected);
  });
});
