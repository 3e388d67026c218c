// @vitest-environment jsdom
/**
 * The connect form with the real background handlers and a fake WordPress without Application
 * Passwords: opened with an address, it checks the site, offers the session and says why the other
 * two cannot work; a refusal learned by trying disables both Application Password sign-ins.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectForm } from '../../../src/options/ConnectForm.tsx';
import { grantedOrigins } from '../../support/fake-browser.ts';
import { type PopupHarness, popupHarness } from '../../support/popup-harness.ts';

const index = (authentication: unknown) =>
  JSON.stringify({
    name: 'Testblog',
    url: 'https://blog.example',
    home: 'https://blog.example',
    namespaces: ['wp/v2'],
    authentication,
  });

/** A WordPress that answers as the browser's logged-in editor would see it. */
function wordpress({ appPasswords }: { appPasswords: boolean }): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    const json = (body: string, status = 200) =>
      new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/') return new Response('<p>Blog</p>', { headers: { 'Content-Type': 'text/html' } });
    if (url.pathname === '/wp-json/') {
      return json(
        index(
          appPasswords
            ? {
                'application-passwords': {
                  endpoints: { authorization: 'https://blog.example/wp-admin/authorize-application.php' },
                },
              }
            : [],
        ),
      );
    }
    if (url.pathname === '/wp-admin/admin-ajax.php') return new Response('0123456789');
    if (url.pathname === '/wp-json/wp/v2/users/me') {
      return json(JSON.stringify({ id: 2, name: 'Rainer Redaktion', capabilities: { moderate_comments: true } }));
    }
    if (url.pathname === '/wp-json/wp/v2/users/me/application-passwords') return json('[]');
    return new Response('not found', { status: 404 });
  };
}

let harness: PopupHarness;
afterEach(async () => {
  cleanup();
  await harness.ctx.db.delete();
});

describe('connect form', () => {
  beforeEach(async () => {
    harness = await popupHarness({ fetch: wordpress({ appPasswords: false }) });
    grantedOrigins.add('https://blog.example/*');
  });

  it('opened with an address, says who is logged in and why the Application Password sign-ins cannot work', async () => {
    render(<ConnectForm initialUrl="https://blog.example/" />);
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain(
      'cannot work on Testblog: WordPress says Application Passwords are switched off',
    );
    expect(screen.getByText('You are logged in to Testblog as Rainer Redaktion.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Sign in with WordPress' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Not available on this site — see above.')).toBeTruthy();
    expect(harness.requestsOf('checkSite')).toEqual([{ type: 'checkSite', url: 'https://blog.example/' }]);
  });

  it('without access to the site yet, checks nothing until a click (the browser asks only then)', async () => {
    grantedOrigins.clear();
    render(<ConnectForm initialUrl="https://blog.example/" />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.requestsOf('checkSite')).toEqual([]);
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('connect form, where the check could not tell', () => {
  beforeEach(async () => {
    // The index offers Application Passwords to the check; by the time of the paste it no longer
    // does (an administrator switched them off meanwhile): the refusal is learned by trying.
    let indexRequests = 0;
    const offering = wordpress({ appPasswords: true });
    const withdrawn = wordpress({ appPasswords: false });
    harness = await popupHarness({
      fetch: (input, init) =>
        new URL(String(input)).pathname === '/wp-json/' && ++indexRequests > 1
          ? withdrawn(input, init)
          : offering(input, init),
    });
    grantedOrigins.add('https://blog.example/*');
  });

  it('a refusal learned by trying disables both Application Password sign-ins, with the reason', async () => {
    render(<ConnectForm initialUrl="" />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Site address' }), {
      target: { value: 'https://blog.example/' },
    });
    fireEvent.click(screen.getByText('Paste an Application Password'));
    fireEvent.input(screen.getByRole('textbox', { name: 'WordPress user name' }), { target: { value: 'redaktion' } });
    fireEvent.input(screen.getByLabelText('Application Password'), { target: { value: 'abcd efgh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('Application Passwords are switched off');
    expect(harness.requestsOf('connectWithPassword')).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Sign in with WordPress' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
