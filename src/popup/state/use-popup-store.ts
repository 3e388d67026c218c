/**
 * The popup's state for Preact: the newest state is always at hand (a key pressed before the next
 * render acts on it), a change renders, and a command's effects are carried out. Components read
 * `ui`, `dispatch` plain changes and `run` commands; rows reach the commands through `commands`.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { QueueCommands } from '../queue-context.ts';
import type { PopupCommand, QueueNow } from './commands.ts';
import { execute } from './execute.ts';
import { type EffectPorts, runEffect } from './run-effects.ts';
import { initialUiState, reduce, type UiAction, type UiState } from './ui-state.ts';

/** What commands read and use besides the state: set anew on every render. */
export interface Surroundings {
  queue: QueueNow;
  ports: EffectPorts;
}

export interface PopupStore {
  dispatch(action: UiAction): void;
  /** settles when the command's effects are done; rejects when a text decision was refused */
  run(command: PopupCommand): Promise<void>;
  /** the same commands, one method each, for the rows (stable: rows never re-render for them) */
  commands: QueueCommands;
}

/**
 * The queue on screen depends on the state (filter, open clusters) and the commands on the queue:
 * the app renders with `ui`, then sets `surroundings` to what it rendered, read when a command runs.
 */
export function usePopupStore(): PopupStore & { ui: UiState; surroundings: { current: Surroundings | null } } {
  const [ui, setUi] = useState(initialUiState);
  const current = useRef(ui);
  const surroundings = useRef<Surroundings | null>(null);

  const store = useMemo((): PopupStore => {
    const commit = (next: UiState) => {
      if (next === current.current) return;
      current.current = next;
      setUi(next);
    };
    const dispatch = (action: UiAction) => commit(reduce(current.current, action));
    const run = async (command: PopupCommand): Promise<void> => {
      const around = surroundings.current;
      if (!around) return;
      const outcome = execute({ ui: current.current, queue: around.queue }, command);
      commit(outcome.ui);
      await Promise.all(outcome.effects.map((effect) => runEffect(effect, around.ports, run)));
    };
    const fire = (command: PopupCommand) => void run(command);
    const commands: QueueCommands = {
      act: (keys, action) => fire({ kind: 'actOn', keys, action }),
      focusRow: (index) => fire({ kind: 'focusRow', index }),
      toggleSelected: (keys) => fire({ kind: 'toggleSelected', keys }),
      toggleExpanded: (clusterKey) => fire({ kind: 'toggleExpanded', clusterKey }),
      openEditor: (key, editor) => fire({ kind: 'openEditor', key, editor }),
      closeEditor: (key) => fire({ kind: 'closeEditor', key }),
      submitText: (key, decision, content) => run({ kind: 'submitText', key, decision, content }),
      openComment: (key, where) => fire({ kind: 'openComment', key, where }),
      undoRows: (outboxIds, keys) => fire({ kind: 'undoRows', outboxIds, keys }),
      retryRow: (outboxId) => fire({ kind: 'retryRow', outboxId }),
      dismissRow: (row) => fire({ kind: 'dismissRow', row }),
      showHistory: (key) => dispatch({ type: 'showHistory', key }),
      showBlock: (key) => dispatch({ type: 'showBlock', key }),
      clusterJob: (clusterKey) => fire({ kind: 'clusterJob', clusterKey }),
    };
    return { dispatch, run, commands };
  }, []);

  return { ui, surroundings, ...store };
}
