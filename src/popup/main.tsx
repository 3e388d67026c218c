import { render } from 'preact';
import { openDb } from '../shared/db/index.ts';
import { uiLanguage } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messages.ts';
import { App } from './App.tsx';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<App db={openDb()} />, root);
// The cache paints first; a sync runs behind it and the live queries pick up what it brings.
sendToBackground({ type: 'syncNow' }).catch(() => undefined);
