/**
 * Connect a site, offering the three sign-ins in order of preference: the browser's own WordPress
 * session, WordPress's authorize screen, an Application Password pasted by hand.
 */
import { useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { type ConnectedSite, MessageError, sendToBackground } from '../shared/messages.ts';
import { askForSite, originPatternOf } from './permission-request.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'waiting'; message: string }
  | { kind: 'failed'; message: string };

export function ConnectForm({ initialUrl }: { initialUrl: string }) {
  const [url, setUrl] = useState(initialUrl);
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function run(work: (siteUrl: string) => Promise<State>) {
    const pattern = originPatternOf(url);
    if (!url.trim() || !pattern) {
      setState({ kind: 'failed', message: t('connectBadUrl') });
      return;
    }
    setState({ kind: 'busy' });
    try {
      if (!(await askForSite(pattern))) {
        setState({ kind: 'failed', message: t('connectPermissionDenied') });
        return;
      }
      setState(await work(url.trim()));
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof MessageError ? error.message : String(error) });
    }
  }

  const connected = (site: ConnectedSite): State => ({
    kind: 'done',
    message: t(site.mode === 'author' ? 'connectDoneAuthor' : 'connectDone', [site.name, site.userName]),
  });

  const withSession = () =>
    run(async (siteUrl) => connected(await sendToBackground({ type: 'connectWithSession', url: siteUrl })));

  const withAuthorizeScreen = () =>
    run(async (siteUrl) => {
      const { authorizeUrl } = await sendToBackground({ type: 'startAuthorization', url: siteUrl });
      await browser.tabs.create({ url: authorizeUrl });
      return { kind: 'waiting', message: t('connectAuthorizeWaiting') };
    });

  const withPassword = (event: Event) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    return run(async (siteUrl) => {
      const site = await sendToBackground({ type: 'connectWithPassword', url: siteUrl, username, password });
      // The password now lives with the background only: do not leave it in the page.
      formElement.reset();
      return connected(site);
    });
  };

  const busy = state.kind === 'busy';
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
          onInput={(event) => setUrl((event.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <ol class="methods">
        <li>
          <button type="button" data-method="session" disabled={busy} onClick={withSession}>
            {t('connectWithSession')}
          </button>
          <p class="muted">{t('connectWithSessionHelp')}</p>
        </li>
        <li>
          <button type="button" data-method="authorize" disabled={busy} onClick={withAuthorizeScreen}>
            {t('connectWithAuthorize')}
          </button>
          <p class="muted">{t('connectWithAuthorizeHelp')}</p>
        </li>
        <li>
          <details>
            <summary>{t('connectWithPassword')}</summary>
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
          </details>
        </li>
      </ol>
      <p class={`connect-result ${state.kind}`} role="status" aria-live="polite">
        {state.kind === 'busy' ? t('connectBusy') : state.kind === 'idle' ? '' : state.message}
      </p>
    </section>
  );
}
