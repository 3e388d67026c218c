/** Rough text: a comment's HTML as plain text for search, clusters and the reactions overview (never for display). */
import { describe, expect, it } from 'vitest';
import { roughText } from '../../../src/shared/rough-text.ts';

describe('rough text', () => {
  it('strips tags and scripts and decodes entities', () => {
    expect(roughText('<p>Mehr als PR &#8211; ein Pl&auml;doyer &amp; mehr</p><script>alert(1)</script>')).toBe(
      'Mehr als PR – ein Plädoyer & mehr',
    );
  });
});
