/** The pure reputation helpers the background, the popup and the page share. */
import { describe, expect, it } from 'vitest';
import { outcomeOfStatus, reputationKeys, summarizeReputation, tally } from '../../src/shared/reputation.ts';

const commenter = (authorEmail: string | null, authorUrl: string, authorIp: string | null) => ({
  authorEmail,
  authorUrl,
  authorIp,
});

describe('reputation keys', () => {
  it('email lowercased, URL host without www., IP', () => {
    expect(
      reputationKeys(commenter(' Jonas.Wendt@Example.ORG ', 'https://WWW.Wendt.example/blog?x=1', '198.51.100.23')),
    ).toEqual(['email:jonas.wendt@example.org', 'host:wendt.example', 'ip:198.51.100.23']);
  });

  it('a URL typed without scheme still names its host; what is missing or unusable gives no key', () => {
    expect(reputationKeys(commenter(null, 'www.brandt-pr.example', null))).toEqual(['host:brandt-pr.example']);
    expect(reputationKeys(commenter('', '', ''))).toEqual([]);
    expect(reputationKeys(commenter(null, 'javascript:alert(1)', null))).toEqual([]);
    expect(reputationKeys(commenter(null, 'http://', '2001:DB8::1'))).toEqual(['ip:2001:db8::1']);
    // A sub-domain other than www. is another host.
    expect(reputationKeys(commenter(null, 'https://blog.wendt.example', null))).toEqual(['host:blog.wendt.example']);
  });
});

describe('outcomes and summary', () => {
  it('a status says approved, spam, trashed, or nothing', () => {
    expect(['approved', 'spam', 'trash', 'hold', 'deleted'].map(outcomeOfStatus)).toEqual([
      'approved',
      'spam',
      'trashed',
      null,
      null,
    ]);
    expect(tally({ 1: 'approved', 2: 'approved', 3: 'spam' })).toEqual({ approved: 2, spam: 1, trashed: 0 });
  });

  it('counts a comment known under several keys once, and can leave out the comment looked at', () => {
    const email = {
      approved: 3,
      spam: 1,
      trashed: 0,
      byComment: { 1: 'approved', 2: 'approved', 3: 'approved', 4: 'spam' },
    } as const;
    const ip = { approved: 1, spam: 1, trashed: 1, byComment: { 3: 'approved', 4: 'spam', 9: 'trashed' } } as const;
    expect(summarizeReputation([email, ip, undefined])).toEqual({
      approved: 3,
      spam: 1,
      trashed: 1,
      tone: 'mixed',
      parts: [
        { outcome: 'approved', count: 3 },
        { outcome: 'spam', count: 1 },
        { outcome: 'trashed', count: 1 },
      ],
    });
    expect(summarizeReputation([email], { except: 4 })).toMatchObject({ approved: 3, spam: 0, tone: 'trusted' });
  });

  it('tone: unknown, trusted, suspect, mixed; rows without per-comment outcomes: the largest count, never a sum', () => {
    expect(summarizeReputation([])).toEqual({ approved: 0, spam: 0, trashed: 0, tone: 'unknown', parts: [] });
    expect(summarizeReputation([{ approved: 0, spam: 0, trashed: 2 }]).tone).toBe('suspect');
    expect(
      summarizeReputation([
        { approved: 2, spam: 0, trashed: 0 },
        { approved: 3, spam: 0, trashed: 0 },
      ]),
    ).toMatchObject({ approved: 3, tone: 'trusted', parts: [{ outcome: 'approved', count: 3 }] });
  });
});
