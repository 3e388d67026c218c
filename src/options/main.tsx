import { render } from 'preact';
import { openDb } from '../shared/db/index.ts';
import { uiLanguage } from '../shared/i18n.ts';
import { reportUnhandledRejections } from '../shared/report-error.ts';
import { Options } from './Options.tsx';

document.documentElement.lang = uiLanguage();
reportUnhandledRejections(window, 'options');
// The popup's "Connect this site" opens this page with ?connect=<the page's URL>.
const connectUrl = new URLSearchParams(location.search).get('connect') ?? '';
const root = document.getElementById('app');
if (root) render(<Options db={openDb()} connectUrl={connectUrl} />, root);
