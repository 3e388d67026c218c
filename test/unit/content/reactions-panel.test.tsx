// @vitest-environment jsdom
/**
 * The reactions overview shows commenter text as the sanitizer reads it, bidi-isolated: a cluster's
 * sample never shows markup from attributes, a ping's title cannot reorder its site.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReactionsPanel } from '../../../src/content/inline/ReactionsPanel.tsx';
import type { Reactions } from '../../../src/content/inline/reactions.ts';

afterEach(cleanup);

const reactions: Reactions = {
  published: 3,
  pending: 0,
  spam: 0,
  pings: [{ id: 9, type: 'pingback', title: 'Blog \u202Egolb', site: 'example.org' }],
  social: 0,
  clusters: [
    {
      ids: [1, 2, 3],
      sampleHtml: '<p><abbr title="x>y">RT</abbr> @Katrin: <img alt="<b>Fake</b>" src="x">mehr als PR</p>',
      authors: ['Eve \u202Eeve', 'Bob'],
    },
  ],
  days: [],
};

describe('reactions panel', () => {
  it('a cluster’s sample is the sanitized text, isolated; a ping’s title is isolated from its site', () => {
    const { container } = render(<ReactionsPanel reactions={reactions} onClose={() => undefined} />);
    const line = container.querySelector('.clusters li') as HTMLElement;
    expect(line.textContent).toContain('\u2068RT @Katrin: mehr als PR\u2069');
    expect(line.textContent).not.toContain('">');
    expect(line.getAttribute('title')).toBe('\u2068Eve \u202Eeve\u2069, \u2068Bob\u2069');
    const ping = container.querySelector('.pings li') as HTMLElement;
    expect([...ping.querySelectorAll('bdi')].map((part) => part.textContent)).toEqual([
      'Blog \u202Egolb',
      'example.org',
    ]);
  });
});
