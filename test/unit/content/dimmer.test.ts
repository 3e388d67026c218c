// @vitest-environment jsdom
/**
 * The theme's comments decided spam or trash on the page are dimmed where they stand, and get the
 * opacity they had (the theme's own, set inline) back when undone or when the view goes.
 */
import { describe, expect, it } from 'vitest';
import { Dimmer } from '../../../src/content/inline/dimmer.ts';

describe('dimmer', () => {
  it('dims a comment once, gives it its own opacity back when undone, and every one when the view goes', () => {
    const themed = document.createElement('li');
    themed.style.opacity = '0.9';
    const plain = document.createElement('li');
    const dimmer = new Dimmer();
    dimmer.set(themed, true);
    dimmer.set(themed, true);
    dimmer.set(plain, true);
    expect([themed.style.opacity, plain.style.opacity]).toEqual(['0.45', '0.45']);
    dimmer.set(themed, false);
    expect(themed.style.opacity).toBe('0.9');
    dimmer.set(themed, true);
    dimmer.restoreAll();
    expect([themed.style.opacity, plain.style.opacity]).toEqual(['0.9', '']);
    // Not dimmed by us: left alone.
    plain.style.opacity = '0.5';
    dimmer.set(plain, false);
    expect(plain.style.opacity).toBe('0.5');
  });
});
