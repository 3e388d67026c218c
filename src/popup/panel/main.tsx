/** The side panel (Chrome) or sidebar (Firefox): the popup's app in the panel frame (ADR 024). */
import { render } from 'preact';
import type { FreigabeDb } from '../../shared/db/index.ts';
import { App } from '../App.tsx';
import { bootQueue } from '../boot.ts';
import { firstScreenSettled } from '../first-screen.ts';
import { useFollowedTab } from './use-followed-tab.ts';

function Panel({ db }: { db: FreigabeDb }) {
  const tab = useFollowedTab();
  return <App db={db} frame="panel" tabId={tab.tabId} tabRevision={tab.revision} />;
}

const root = document.getElementById('app');
if (root) {
  const db = bootQueue();
  // As in the popup (main.tsx): the first frame waits a moment for the snapshot, to show its rows.
  void firstScreenSettled().then(() => render(<Panel db={db} />, root));
}
