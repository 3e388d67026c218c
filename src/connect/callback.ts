/**
 * Where WordPress's authorize screen sends the tab, with the new Application Password in the URL.
 * The password is taken out of the URL and the tab's history at once, checked against the one-time
 * state Freigabe sent, and handed to the background; it never goes to any server. The background
 * also sends the tab here when WordPress showed an error page instead of its screen (`error`).
 */
import { t } from '../shared/i18n.ts';
import { MessageError, sendToBackground } from '../shared/messages.ts';

const params = new URLSearchParams(location.search);
// Before anything else: the password must not stay in the address bar or in history.
history.replaceState(null, '', location.pathname);

const result = document.getElementById('result');
const settings = document.getElementById('settings');
if (settings) settings.textContent = t('callbackOpenSettings');
const say = (text: string, state: 'busy' | 'done' | 'failed') => {
  if (!result) return;
  result.textContent = text;
  result.className = state;
};

const state = params.get('state') ?? '';
const error = params.get('error');
say(t('connectBusy'), 'busy');
sendToBackground({
  type: 'completeAuthorization',
  state,
  siteUrl: params.get('site_url') ?? undefined,
  userLogin: params.get('user_login') ?? undefined,
  password: params.get('password') ?? undefined,
  rejected: params.get('success') === 'false',
  error: error === 'refused' || error === 'disabled' ? error : undefined,
  wordpressSays: params.get('wordpress')?.slice(0, 500) ?? undefined,
})
  .then((site) =>
    say(
      t(site.mode === 'author' ? 'connectDoneAuthor' : 'connectDone', [site.name, site.userName]) +
        ` ${t('callbackClose')}`,
      'done',
    ),
  )
  .catch((error: unknown) => say(error instanceof MessageError ? error.message : String(error), 'failed'));
