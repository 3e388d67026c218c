/**
 * "Block this commenter" under a comment's toolbar on the article (ADR 030): the shared block form,
 * prefilled with the commenter's email, IP and website — asked of the background for this one
 * comment only when the moderator opened it, like "Details".
 */
import { useEffect, useState } from 'preact/hooks';
import { type BlockAvailability, blockKeysOf } from '../../../shared/blocklist.ts';
import { BlockForm, type BlockFormProps } from '../../../shared/ui/BlockForm.tsx';
import type { InlineApi } from '../api.ts';
import { inlineBlockApi } from './block-api.ts';

export interface BlockPanelProps {
  commentId: number;
  availability: BlockAvailability;
  installUrl: string;
  api: Pick<InlineApi, 'commenterDetails'>;
  onClose: () => void;
}

export function BlockPanel({ commentId, availability, installUrl, api, onClose }: BlockPanelProps) {
  const [keys, setKeys] = useState<BlockFormProps['keys']>(null);
  useEffect(() => {
    let alive = true;
    api.commenterDetails(commentId).then(
      // The same keys as the popup's (too short or missing: not offered, so never refused after).
      ({ email, ip, url }) => alive && setKeys(blockKeysOf({ authorEmail: email, authorIp: ip, authorUrl: url })),
      // Without the details only a word can be blocked; the form still works.
      () => alive && setKeys({ email: null, ip: null, host: null }),
    );
    return () => {
      alive = false;
    };
  }, [api, commentId]);
  return (
    <BlockForm
      keys={keys}
      availability={availability}
      installUrl={installUrl}
      block={(choice) => inlineBlockApi.block(commentId, choice)}
      unblock={(entry) => inlineBlockApi.unblock(entry)}
      onClose={onClose}
    />
  );
}
