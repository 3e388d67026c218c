/**
 * Connect a site, offering the three sign-ins in order of preference: the browser's own WordPress
 * session, WordPress's authorize screen, an Application Password pasted by hand. Before any of them
 * runs, the site is checked (use-site-check.ts): the page says whether the browser is logged in
 * there, and why the two Application Password sign-ins cannot work where WordPress says so. The
 * check runs when the page opens with an address (the popup's "Connect this site") and on a click,
 * never while the user moves from the address field to a button: what it adds to the page must not
 * move a button away from under the pointer.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { type ConnectedSite, MessageError, type SiteCheck, sendToBackground } from '../shared/messages.ts';
import { askForSite, originPatternOf } from './permission-request.ts';
import { useSiteCheck } from './use-site-check.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'waiting'; message: string }
  | { kind: 'failed'; message: string };

type Method = 'session' | 'authorize' | 'password';

/** Refusals that rule out both Application Password sign-ins on the site (sign-in-texts.ts). */
const appPasswordRefusals = new Set([
  'application_passwords_disabled',
  'application_passwords_disabled_for_user',
  'http_auth_blocks_application_passwords',
]);

export function ConnectForm({ initialUrl }: { initialUrl: string }) {
  const [url, setUrl] = useState(initialUrl);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const { check, checkSite, forget } = useSiteCheck();
  // What an attempt taught about the site that the check could not know (e.g. without a session).
  const [learned, setLearned] = useState<{ url: string; code: string; message: string } | null>(null);

  useEffect(() => {
    if (initialUrl.trim()) void checkSite(initialUrl);
  }, [initialUrl, checkSite]);

  async function run(method: Method, work: (siteUrl: string) => Promise<State>) {
    const siteUrl = url.trim();
    const pattern = originPatternOf(url);
    if (!siteUrl || !pattern) {
      setState({ kind: 'failed', message: t('connectBadUrl') });
      return;
    }
    setState({ kind: 'busy' });
    try {
      if (!(await askForSite(pattern))) {
        setState({ kind: 'failed', message: t('connectPermissionDenied') });
        return;
      }
      // What this site allows, before trying: a sign-in WordPress rules out is not attempted.
      const known: SiteCheck | null =
        check.kind === 'checked' && check.url === siteUrl ? check.value : await checkSite(siteUrl);
      if (method !== 'session' && known?.appPasswordsUnavailable) {
        setState({ kind: 'idle' });
        return;
      }
      setState(await work(siteUrl));
    } catch (error) {
      if (error instanceof MessageError && method !== 'session' && appPasswordRefusals.has(error.code)) {
        // Said once, where both sign-ins it rules out are offered.
        setLearned({ url: siteUrl, code: error.code, message: error.message });
        setState({ kind: 'idle' });
        return;
      }
      setState({ kind: 'failed', message: error instanceof MessageError ? error.message : String(error) });
    }
  }

  const connected = (site: ConnectedSite): State => ({
    kind: 'done',
    message: t(site.mode === 'author' ? 'connectDoneAuthor' : 'connectDone', [site.name, site.userName]),
  });

  const withSession = () =>
    run('session', async (siteUrl) => connected(await sendToBackground({ type: 'connectWithSession', url: siteUrl })));

  const withAuthorizeScreen = () =>
    run('authorize', async (siteUrl) => {
      // The background opens WordPress's screen (and brings the tab back if WordPress refuses there).
      await sendToBackground({ type: 'startAuthorization', url: siteUrl });
      return { kind: 'waiting', message: t('connectAuthorizeWaiting') };
    });

  const withPassword = (event: Event) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    return run('password', async (siteUrl) => {
      const site = await sendToBackground({ type: 'connectWithPassword', url: siteUrl, username, password });
      // The password now lives with the background only: do not leave it in the page.
      formElement.reset();
      return connected(site);
    });
  };

  const busy = state.kind === 'busy';
  const checked = check.kind === 'checked' && check.url === url.trim() ? check.value : null;
  const unavailable = checked?.appPasswordsUnavailable ?? (learned && learned.url === url.trim() ? learned : null);
  const failedCheck = check.kind === 'failed' && check.url === url.trim() && state.kind === 'idle' ? check : null;
  // Said in the status line below the buttons: nothing above them moves while the user aims at one.
  const result =
    state.kind === 'busy'
      ? t('connectBusy')
      : state.kind === 'idle'
        ? (failedCheck?.message ?? (check.kind === 'checking' ? t('connectChecking') : ''))
        : state.message;
  return (
    <section aria-labelledby="connect-heading" class="connect">
      <h2 id="connect-heading">{t('connectHeading')}</h2>
      <label class="field">
        {t('connectUrl')}
        <input
          name="url"
          type="text"
          inputMode="url"
          required
          placeholder="https://blog.example"
          autoComplete="url"
          value={url}
          onInput={(event) => {
            setUrl((event.currentTarget as HTMLInputElement).value);
            forget();
            setLearned(null);
          }}
        />
      </label>
      <ol class="methods">
        <li>
          <button type="button" data-method="session" disabled={busy} onClick={withSession}>
            {t('connectWithSession')}
          </button>
          <p class="muted">{t('connectWithSessionHelp')}</p>
          {checked && (
            <p class={`session-note ${checked.loggedInAs ? 'logged-in' : 'logged-out'}`}>{checked.sessionNote}</p>
          )}
        </li>
        <li>
          <button
            type="button"
            data-method="authorize"
            disabled={busy || unavailable !== null}
            aria-describedby={unavailable ? 'app-passwords-unavailable' : undefined}
            onClick={withAuthorizeScreen}
          >
            {t('connectWithAuthorize')}
          </button>
          <p class="muted">{t('connectWithAuthorizeHelp')}</p>
          {unavailable && (
            <p id="app-passwords-unavailable" class="unavailable" role="note" data-code={unavailable.code}>
              {unavailable.message}
            </p>
          )}
        </li>
        <li>
          <details>
            <summary>{t('connectWithPassword')}</summary>
            {unavailable ? (
              <p class="muted password-unavailable">{t('connectNotAvailableHere')}</p>
            ) : (
              <form class="password-form" onSubmit={withPassword}>
                <label class="field">
                  {t('connectUser')}
                  <input name="username" type="text" required autoComplete="username" />
                </label>
                <label class="field">
                  {t('connectPassword')}
                  <input name="password" type="password" required autoComplete="off" />
                </label>
                <button type="submit" data-method="password" disabled={busy}>
                  {t('connectButton')}
                </button>
              </form>
            )}
          </details>
        </li>
      </ol>
      <p
        class={`connect-result ${failedCheck && state.kind === 'idle' ? 'failed' : state.kind}`}
        role="status"
        aria-live="polite"
      >
        {result}
      </p>
    </section>
  );
}
