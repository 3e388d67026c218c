/**
 * What the inline view's toolbars, editors and keys do: decisions and undo sent to the background,
 * the editor opened, commenter details asked for, wp-admin opened. A request that fails is shown
 * in the summary bar (never after the view was aborted: rendering stops with the signal) and
 * reported; one that says the extension went away under the page stops the view with its note.
 */
import { isolate } from '../../shared/bidi.ts';
import { t } from '../../shared/i18n.ts';
import type { DraftKind } from '../../shared/moderation.ts';
import { reportError } from '../../shared/report-error.ts';
import type { ActionName } from './actions.ts';
import type { InlineDecision } from './api.ts';
import { extensionAlive } from './handover.ts';
import type { ViewContext } from './view-context.ts';

export class ViewActions {
  constructor(private readonly ctx: ViewContext) {}

  async act(id: number, action: ActionName): Promise<void> {
    const { model, options } = this.ctx;
    const state = model.state;
    if (!state || !this.stillThere()) return;
    if (action === 'openAdmin') {
      const url = `${state.adminUrl}comment.php?action=editcomment&c=${id}`;
      (options.openUrl ?? ((target) => window.open(target, '_blank', 'noopener')))(url);
      return;
    }
    if (action === 'details') {
      await this.toggleDetails(id);
      return;
    }
    if (action === 'history') {
      await options.api.openHistory(id).catch((error: unknown) => this.fail(error, 'commenter history'));
      return;
    }
    if (action === 'reply' || action === 'approveAndReply' || action === 'edit') {
      this.openEditor(id, action === 'edit' ? 'edit' : 'reply');
      return;
    }
    await this.send([id], action);
  }

  openEditor(commentId: number, kind: DraftKind): void {
    this.ctx.model.editing = { commentId, kind };
    this.ctx.render();
  }

  closeEditor(): void {
    this.ctx.model.editing = null;
    this.ctx.render();
  }

  saveDraft(id: number, kind: DraftKind, content: string): Promise<unknown> {
    return this.ctx.options.api.saveDraft(id, kind, content);
  }

  async submit(id: number, kind: DraftKind, content: string, approve: boolean): Promise<void> {
    const decision = kind === 'edit' ? 'edit' : approve ? 'approveAndReply' : 'reply';
    if (await this.send([id], decision, content)) this.ctx.model.editing = null;
    this.ctx.render();
  }

  async undo(outboxId: number): Promise<void> {
    if (!this.stillThere()) return;
    try {
      await this.ctx.options.api.undo(outboxId);
      await this.ctx.refresh();
    } catch (error) {
      this.fail(error, 'undo');
    }
  }

  /** z: takes back the last decision made on this page. False when there is none. */
  undoLast(): boolean {
    const last = this.ctx.model.decided.pop();
    if (last === undefined) return false;
    void this.undo(last);
    return true;
  }

  /** A request failed: shown in the summary bar and reported (the user sees it: not printed). */
  fail(error: unknown, what: string): void {
    const report = reportError(error, { where: `inline: ${what}`, silent: true });
    if (report.kind === 'extension-gone') {
      this.ctx.extensionGone();
      return;
    }
    this.ctx.model.error = report.message;
    this.ctx.render();
  }

  /** Whether the extension is still there; if not, the view says so instead of sending. */
  stillThere(): boolean {
    if (this.ctx.model.extensionGone) return false;
    if ((this.ctx.options.alive ?? extensionAlive)()) return true;
    this.ctx.extensionGone();
    return false;
  }

  private async toggleDetails(id: number): Promise<void> {
    const { model, options } = this.ctx;
    if (model.details.delete(id)) {
      this.ctx.render();
      return;
    }
    try {
      const { email, ip, url } = await options.api.commenterDetails(id);
      const parts = [email, ip, url].filter((part): part is string => Boolean(part));
      model.details.set(id, parts.length > 0 ? parts.map(isolate).join(' · ') : t('inlineDetailsNone'));
      this.ctx.render();
    } catch (error) {
      this.fail(error, 'commenter details');
    }
  }

  private async send(ids: number[], decision: InlineDecision, content?: string): Promise<boolean> {
    if (!this.stillThere()) return false;
    try {
      const { outboxIds } = await this.ctx.options.api.decide(ids, decision, content);
      this.ctx.model.error = null;
      this.ctx.model.decided.push(...outboxIds);
      for (const id of ids) this.ctx.model.decidedHere.add(id);
      await this.ctx.refresh();
      return true;
    } catch (error) {
      this.fail(error, decision);
      return false;
    }
  }
}
