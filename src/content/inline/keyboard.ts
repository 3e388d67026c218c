/**
 * The inline view's keyboard on the page: j/k move through the theme's comments and our cards in
 * document order; every other key is the shared model's (src/shared/moderation.ts, as in the popup):
 * the decision keys and the text keys (reply, approve and reply, edit) act on the current comment by
 * its status, z takes the last decision made here back — and with nothing to take back restores the
 * current comment from spam or trash. Only trusted key presses outside any text field count, and
 * none while a reply or edit is open or after the extension went away under the page.
 */
import { moderationKeys, textKeys, undoKey } from '../../shared/moderation.ts';
import { decisionForKey } from './actions.ts';
import { isShown } from './hosts.ts';
import type { PageWatch } from './page-watch.ts';
import type { ViewActions } from './view-actions.ts';
import { cachedComment, statusOf, type ViewContext } from './view-context.ts';

const editable = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const keys = new Set<string>(['j', 'k', ...moderationKeys, ...Object.values(textKeys)]);

/** Comments the keyboard moves through, in document order: the theme's and our cards. */
function items(ctx: ViewContext): { id: number; element: Element }[] {
  const found: { id: number; element: Element }[] = [];
  for (const comment of ctx.options.thread.comments)
    if (comment.id !== null) found.push({ id: comment.id, element: comment.element });
  for (const [id, card] of ctx.cards.entries()) if (isShown(card.host)) found.push({ id, element: card.host });
  found.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return found;
}

function move(ctx: ViewContext, watch: PageWatch, event: KeyboardEvent): void {
  const list = items(ctx);
  if (list.length === 0) return;
  const at = list.findIndex((item) => item.id === ctx.model.currentId);
  const next = event.key === 'j' ? Math.min(list.length - 1, at + 1) : Math.max(0, at - 1);
  const item = list[at === -1 ? 0 : next];
  if (!item) return;
  event.preventDefault();
  ctx.model.currentId = item.id;
  const comment = ctx.options.thread.comments.find((candidate) => candidate.element === item.element);
  if (comment) watch.mountToolbar(comment);
  item.element.scrollIntoView({ block: 'center' });
  ctx.render();
}

export function listenToKeys(ctx: ViewContext, actions: ViewActions, watch: PageWatch): void {
  const { doc, signal } = ctx.options;
  doc.addEventListener('keydown', (event) => onKey(ctx, actions, watch, event), { signal });
}

/** One key press (exported for tests: a synthetic event is never trusted). */
export function onKey(ctx: ViewContext, actions: ViewActions, watch: PageWatch, event: KeyboardEvent): void {
  const { model } = ctx;
  if (!event.isTrusted || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (!model.withPending || !model.state || model.extensionGone || !keys.has(event.key)) return;
  // While a reply or edit is open, keys are text: "Danke" must never approve (a) or trash (d).
  if (model.editing) return;
  const target = event.target as Element | null;
  if (target?.closest?.(editable) || (target as HTMLElement | null)?.isContentEditable) return;
  if (event.key === undoKey && actions.undoLast()) {
    event.preventDefault();
    return;
  }
  if (event.key === 'j' || event.key === 'k') {
    move(ctx, watch, event);
    return;
  }
  const id = model.currentId;
  if (id === null || !model.state.canModerate) return;
  const onPage = ctx.options.thread.comments.find((comment) => comment.id === id);
  const status = onPage ? statusOf(model, onPage) : (cachedComment(model, id)?.status ?? 'hold');
  // Nothing left to undo: z is the status's own (Restore, Not spam), as in the popup.
  const action = decisionForKey(event.key, status);
  if (!action) return;
  event.preventDefault();
  if (action === 'delete') {
    // Deleting for good asks first, as the toolbar's button and the popup do.
    model.confirmDeleteId = id;
    ctx.render();
    return;
  }
  void actions.act(id, action);
}
