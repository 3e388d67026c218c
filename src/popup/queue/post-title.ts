/** A post's title as plain text (titles are HTML with entities), remembered: it is shown on every row. */
import { plainText } from '../../shared/ui/plain-text.ts';

const titles = new Map<string, string>();

export function postTitle(html: string): string {
  let title = titles.get(html);
  if (title === undefined) {
    if (titles.size > 2000) titles.clear();
    title = plainText(html);
    titles.set(html, title);
  }
  return title;
}
