/**
 * The popup looks reputation up under the very keys the background writes (shared/reputation.ts).
 * Its own copy used to differ: a URL typed without a scheme or an email with capitals and spaces
 * gave keys the background never writes, so such commenters showed no history.
 */
import { describe, expect, it } from 'vitest';
import { reputationKeys } from '../../../src/popup/list/reputation.ts';
import { reputationKeys as backgroundKeys } from '../../../src/shared/reputation.ts';
import { commentRow } from '../../support/popup-harness.ts';

describe('popup reputation keys', () => {
  it('are the background’s keys, each with its kind', () => {
    const comment = commentRow(1, {
      authorEmail: ' Lena.Vogt@Example.org ',
      authorUrl: 'www.lena-vogt.example',
      authorIp: '2001:DB8::1',
    });
    expect(reputationKeys(comment)).toEqual([
      { kind: 'email', key: 'email:lena.vogt@example.org' },
      { kind: 'host', key: 'host:lena-vogt.example' },
      { kind: 'ip', key: 'ip:2001:db8::1' },
    ]);
    expect(reputationKeys(comment).map(({ key }) => key)).toEqual(backgroundKeys(comment));
  });
});
