/**
 * "Block this commenter" under a comment's toolbar on the article (ADR 030): the shared block form,
 * prefilled with the commenter's email, IP and website — asked of the background for this one
 * comment only when the moderator opened it, like "Details".
 */
import { useEffect, useState } from 'preact/hooks';
import type { BlockAvailability } from '../../../shared/blocklist.ts';
import { urlHost } from '../../../shared/reputation.ts';
import { BlockForm } from '../../../shared/ui/BlockForm.tsx';
import type { InlineApi } from '../api.ts';
import { inlineBlockApi } from './block-api.ts';

export interface BlockPanelProps {
  commentId: number;
  availability: BlockAvailability;
  installUrl: string;
  api: Pick<InlineApi, 'commenterDetails'>;
  onClose: () => void;
}

type Keys = { email: string | null; ip: string | null; host: string | null };

export function BlockPanel({ commentId, availability, installUrl, api, onClose }: BlockPanelProps) {
  const [keys, setKeys] = useState<Keys | null>(null);
  useEffect(() => {
    let alive = true;
    api.commenterDetails(commentId).then(
      ({ email, ip, url }) => alive && setKeys({ email, ip, host: urlHost(url) }),
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
