/**
 * Connect a site by URL with an Application Password. The host permission is asked for here,
 * during the click (browsers allow permission prompts only from a user gesture), for that one
 * origin only.
 */
import { useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { MessageError, sendToBackground } from '../shared/messages.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

function originPatternOf(input: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(input) ? input : `https://${input}`);
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

export function ConnectForm() {
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function connect(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const url = String(form.get('url') ?? '').trim();
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const pattern = originPatternOf(url);
    if (!pattern) {
      setState({ kind: 'failed', message: t('connectBadUrl') });
      return;
    }
    setState({ kind: 'busy' });
    try {
      const allowed =
        (await browser.permissions.contains({ origins: [pattern] })) ||
        (await browser.permissions.request({ origins: [pattern] }));
      if (!allowed) {
        setState({ kind: 'failed', message: t('connectPermissionDenied') });
        return;
      }
      const site = await sendToBackground({ type: 'connectSite', url, username, password });
      setState({ kind: 'done', message: t('connectDone', [site.name, site.userName]) });
      (event.target as HTMLFormElement).reset();
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof MessageError ? error.message : String(error) });
    }
  }

  return (
    <section aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('connectHeading')}</h2>
      <form class="connect" onSubmit={connect}>
        <label>
          {t('connectUrl')}
          <input
            name="url"
            type="text"
            inputMode="url"
            required
            placeholder="https://blog.example"
            autoComplete="url"
          />
        </label>
        <label>
          {t('connectUser')}
          <input name="username" type="text" required autoComplete="username" />
        </label>
        <label>
          {t('connectPassword')}
          <input name="password" type="password" required autoComplete="off" />
        </label>
        <button type="submit" disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? t('connectBusy') : t('connectButton')}
        </button>
        <p class={`connect-result ${state.kind}`} role="status" aria-live="polite">
          {state.kind === 'done' || state.kind === 'failed' ? state.message : ''}
        </p>
      </form>
    </section>
  );
}
