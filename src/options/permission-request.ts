/**
 * Asks for host access to the one site being connected. Browsers show this prompt only during a
 * user's click, so it runs here, in the page, before the background does the rest.
 */
import { browser } from '../shared/browser.ts';

export function originPatternOf(input: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

export async function askForSite(pattern: string): Promise<boolean> {
  return (
    (await browser.permissions.contains({ origins: [pattern] })) ||
    (await browser.permissions.request({ origins: [pattern] }))
  );
}
