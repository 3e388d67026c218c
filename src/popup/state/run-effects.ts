/** Carries out what a command asked for outside the state: decisions, announcements, focus, tabs. */
import { draftProblem } from '../../shared/drafts/draft-problem.ts';
import { t } from '../../shared/i18n.ts';
import { sendToBackground } from '../../shared/messages.ts';
import type { DecisionsApi } from '../actions/use-decisions.ts';
import { formatNumber } from '../format.ts';
import { openComment } from '../open-comment.ts';
import { statusInView } from '../queue/views.ts';
import type { Effect, PopupCommand } from './commands.ts';

export interface EffectPorts {
  decisions: DecisionsApi;
  /** the queue keeps the focus (the row under it is focused after the next render) */
  focusList(): void;
  focusSearch(): void;
}

export async function runEffect(
  effect: Effect,
  ports: EffectPorts,
  run: (command: PopupCommand) => Promise<void>,
): Promise<void> {
  const { decisions } = ports;
  switch (effect.type) {
    case 'decideStatus': {
      const { view } = effect;
      return decisions.decideStatus(effect.groups, (status) => view !== null && statusInView(view, status));
    }
    case 'decideText':
      // A refusal reaches the box that sent it (it shows the error and keeps the text).
      await decisions.decideText(effect.key, effect.decision, effect.content, effect.leaves);
      return run({ kind: 'closeEditor', key: effect.key });
    case 'announce':
      decisions.announce(t(effect.message, effect.substitutions));
      return;
    case 'focusList':
      ports.focusList();
      return;
    case 'focusSearch':
      ports.focusSearch();
      return;
    case 'openComment':
      return openComment(effect.comment, effect.site, effect.where);
    case 'undoLast':
      if (!(await decisions.undoLast())) await run({ kind: 'restoreFocused' });
      return;
    case 'undoRows':
      return decisions.undoRows(effect.outboxIds, effect.keys);
    case 'retry':
      await sendToBackground({ type: 'retry', outboxId: effect.outboxId }).catch((error: Error) =>
        decisions.announce(t('decisionFailed', [error.message])),
      );
      return;
    case 'dismiss': {
      const { row } = effect;
      // A reply or edit that failed goes back to being a draft: its text is never lost. Where the
      // draft cannot be saved, the failed decision stays (with its text) and the user is told why.
      if ((row.decision === 'reply' || row.decision === 'edit') && row.content) {
        const { content } = row;
        try {
          await sendToBackground({
            type: 'saveDraft',
            siteId: row.siteId,
            commentId: row.commentId,
            kind: row.decision,
            content,
          });
        } catch (error) {
          const problem = draftProblem(error, content, formatNumber);
          decisions.announce(t(problem.message, problem.substitutions));
          return;
        }
      }
      return decisions.undoRows([row.id ?? 0], []);
    }
  }
}
