/** Which sites' jobs go through the Freigabe Bridge: a moderator's where it was detected; never an author's. */
import { describe, expect, it } from 'vitest';
import { bridgeOfSite } from '../../../src/background/jobs/bridge-of-site.ts';

const bridge = { version: '1.0.0', maxIds: 1000, actions: ['approve', 'trash'] };

describe('bridgeOfSite', () => {
  it('a moderator on a site with the Bridge: the Bridge as detected', () => {
    expect(bridgeOfSite({ mode: 'moderator', bridge })).toEqual(bridge);
  });

  it('no Bridge detected, or not looked for yet: REST', () => {
    expect(bridgeOfSite({ mode: 'moderator', bridge: null })).toBeNull();
    expect(bridgeOfSite({ mode: 'moderator' })).toBeNull();
  });

  it('an author: REST even where the Bridge is active (its id listing is for moderators only)', () => {
    expect(bridgeOfSite({ mode: 'author', bridge })).toBeNull();
  });
});
