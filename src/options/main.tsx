import { render } from 'preact';
import { openDb } from '../shared/db/index.ts';
import { uiLanguage } from '../shared/i18n.ts';
import { Options } from './Options.tsx';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<Options db={openDb()} />, root);
