/**
 * "Block this commenter": which key (email, IP, website host — prefilled from the comment — or a
 * word), which list (to the Trash, or held for approval), confirm; then "Blocked … · Undo". The
 * popup shows it in a dialog, the inline view under the comment's toolbar; both send through their
 * own messages. Where blocking cannot work the form says why instead (ADR 030).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  type BlockAvailability,
  type BlockChoice,
  type BlockEntry,
  type BlockKeyKind,
  type BlockList,
  blockEntryMaxLength,
  checkBlockEntry,
} from '../blocklist.ts';
import { type MessageKey, t } from '../i18n.ts';
import type { BlockAnswer } from '../messages.ts';
import { blockErrorText, unavailableKeys } from './block-texts.ts';

export interface BlockFormProps {
  /** the comment's email, IP and website host; null while they are being read */
  keys: { email: string | null; ip: string | null; host: string | null } | null;
  availability: BlockAvailability;
  /** wp-admin's "Upload Plugin" screen of the site */
  installUrl: string;
  block: (choice: BlockChoice) => Promise<BlockAnswer>;
  unblock: (entry: BlockEntry) => Promise<unknown>;
  onClose: () => void;
}

type Phase =
  | { kind: 'form' }
  | { kind: 'sending' }
  | { kind: 'done'; answer: BlockAnswer }
  | { kind: 'undone'; entry: string };

const keyLabels: Record<BlockKeyKind, MessageKey> = {
  email: 'blockKeyEmail',
  ip: 'blockKeyIp',
  host: 'blockKeyHost',
  word: 'blockKeyWord',
};

export function BlockForm({ keys, availability, installUrl, block, unblock, onClose }: BlockFormProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const offered = (['email', 'ip', 'host'] as const).filter((key) => keys?.[key]);
  const [key, setKey] = useState<BlockKeyKind | null>(null);
  const chosenKey: BlockKeyKind = key ?? offered[0] ?? 'word';
  const [word, setWord] = useState('');
  const [list, setList] = useState<BlockList>('moderation');

  if (availability !== 'ready') {
    return (
      <div class="block-form" data-block-unavailable={availability}>
        <p class="notice">
          {t(unavailableKeys[availability])}
          {(availability === 'no-bridge' || availability === 'old-bridge') && (
            <>
              {' '}
              <a href={installUrl} target="_blank" rel="noreferrer" data-action="install-bridge">
                {t('blockInstallBridge')}
              </a>
            </>
          )}
        </p>
        <div class="dialog-buttons">
          <button type="button" class="small secondary" data-action="close-block" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (chosenKey === 'word') {
      const checked = checkBlockEntry(word);
      if (!checked.ok) {
        setError(t('blockWordTooShort'));
        return;
      }
    }
    setPhase({ kind: 'sending' });
    setError(null);
    try {
      const answer = await block({ key: chosenKey, ...(chosenKey === 'word' ? { word } : {}), list });
      setPhase({ kind: 'done', answer });
    } catch (caught) {
      setError(blockErrorText(caught));
      setPhase({ kind: 'form' });
    }
  }

  async function undo(answer: BlockAnswer) {
    setError(null);
    try {
      await unblock({ list: answer.list, entry: answer.entry });
      setPhase({ kind: 'undone', entry: answer.entry });
    } catch (caught) {
      setError(blockErrorText(caught, 'blockUndoFailed'));
    }
  }

  if (phase.kind === 'done' || phase.kind === 'undone') {
    const { answer } = phase.kind === 'done' ? phase : { answer: null };
    return (
      <div class="block-form" data-block-result={phase.kind === 'done' ? phase.answer.result : 'undone'}>
        <p role="status">
          {answer === null
            ? t('blockUndone', [phase.kind === 'undone' ? phase.entry : ''])
            : answer.result === 'present'
              ? t('blockPresent', [answer.entry])
              : t(answer.list === 'disallowed' ? 'blockDoneDisallowed' : 'blockDoneModeration', [answer.entry])}
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-buttons">
          {answer?.result === 'added' && (
            <button type="button" class="small" data-action="undo-block" onClick={() => void undo(answer)}>
              {t('undo')}
            </button>
          )}
          <button type="button" class="small secondary" data-action="close-block" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form class="block-form" onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>{t('blockKeyLegend')}</legend>
        {keys === null && <p class="muted">{t('blockReading')}</p>}
        {[...offered, 'word' as const].map((kind) => (
          <Choice key={kind} group="key" value={kind} checked={chosenKey === kind} onChoose={() => setKey(kind)}>
            {kind === 'word' ? t(keyLabels.word) : t(keyLabels[kind], [keys?.[kind] ?? ''])}
          </Choice>
        ))}
        {chosenKey === 'word' && (
          <input
            type="text"
            class="block-word"
            aria-label={t('blockKeyWord')}
            maxLength={blockEntryMaxLength}
            value={word}
            data-autofocus
            onInput={(event) => setWord((event.target as HTMLInputElement).value)}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('blockListLegend')}</legend>
        {(['moderation', 'disallowed'] as const).map((name) => (
          <Choice key={name} group="list" value={name} checked={list === name} onChoose={() => setList(name)}>
            {t(name === 'disallowed' ? 'blockListDisallowed' : 'blockListModeration')}
          </Choice>
        ))}
      </fieldset>
      <p class="muted">{t('blockNote')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="dialog-buttons">
        <button type="submit" class="small danger" data-action="confirm-block" disabled={phase.kind === 'sending'}>
          {t('blockConfirm')}
        </button>
        <button type="button" class="small secondary" data-action="close-block" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

interface ChoiceProps {
  group: 'key' | 'list';
  value: string;
  checked: boolean;
  onChoose: () => void;
  children: ComponentChildren;
}

/** One radio of the form, marked `data-block-key` / `data-block-list` with its value. */
function Choice({ group, value, checked, onChoose, children }: ChoiceProps) {
  return (
    <label class="block-choice">
      <input
        type="radio"
        name={`block-${group}`}
        value={value}
        {...{ [`data-block-${group}`]: value }}
        checked={checked}
        onChange={onChoose}
      />
      {children}
    </label>
  );
}
