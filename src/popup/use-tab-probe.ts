/**
 * What the tab the queue belongs to shows (the background's probeTab): asked again whenever
 * `revision` changes — the side panel's tab switches or loads another page. An answer that comes
 * after a newer question is dropped.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground, type TabProbe } from '../shared/messages.ts';
import { reportError } from '../shared/report-error.ts';

export function useTabProbe(tabId: number | null, revision = 0): TabProbe | null {
  const [probe, setProbe] = useState<TabProbe | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision is the reason to ask again
  useEffect(() => {
    if (tabId === null) {
      setProbe(null);
      return;
    }
    let current = true;
    sendToBackground({ type: 'probeTab', tabId })
      .then((result) => current && setProbe(result))
      .catch((error: unknown) => {
        // The banner offers nothing then; kept for "report a problem".
        reportError(error, { where: 'popup: probe tab', silent: true });
        if (current) setProbe({ kind: 'unavailable' });
      });
    return () => {
      current = false;
    };
  }, [tabId, revision]);
  return probe;
}
