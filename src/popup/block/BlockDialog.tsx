/**
 * "Block this commenter" from a row of the queue (ADR 030): the shared block form in a dialog,
 * prefilled from the cached comment; the background takes the entry from its cache again.
 */
import { isolate } from '../../shared/bidi.ts';
import { blockAvailability, blockKeysOf, bridgeInstallUrl } from '../../shared/blocklist.ts';
import type { CommentRow, SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { sendToBackground } from '../../shared/messages.ts';
import { BlockForm } from '../../shared/ui/BlockForm.tsx';
import { Dialog } from '../frame/Dialog.tsx';

interface Props {
  site: SiteRow;
  comment: CommentRow;
  onClose: () => void;
}

export function BlockDialog({ site, comment, onClose }: Props) {
  const heading = t('blockHeading', [isolate(comment.authorName || t('anonymous')), isolate(site.name)]);
  return (
    <Dialog label={heading} onClose={onClose} className="block-dialog">
      <h2>{heading}</h2>
      <BlockForm
        keys={blockKeysOf(comment)}
        availability={blockAvailability(site)}
        installUrl={bridgeInstallUrl(site.siteUrl)}
        block={(choice) =>
          sendToBackground({ type: 'blockCommenter', siteId: site.id, commentId: comment.id, ...choice })
        }
        unblock={(entry) => sendToBackground({ type: 'unblock', siteId: site.id, ...entry })}
        onClose={onClose}
      />
    </Dialog>
  );
}
