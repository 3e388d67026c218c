// @vitest-environment jsdom
/**
 * The notification setting: turning it on asks the browser for the optional permission from the
 * click itself; refused, it stays off and says so; turning it off gives the permission back.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../../src/options/SettingsForm.tsx';
import { readSettings, saveSettings } from '../../../src/shared/settings.ts';
import { testContext } from '../../support/background-context.ts';
import { grantedPermissions, permissionPrompt, resetFakeBrowser } from '../../support/fake-browser.ts';

let db = testContext().db;
const checkbox = () => screen.findByRole<HTMLInputElement>('checkbox', { name: 'Notify me of new pending comments' });

beforeEach(() => {
  resetFakeBrowser();
  db = testContext().db;
});
afterEach(cleanup);

describe('notification setting', () => {
  it('is off by default; a click asks for the permission and turns it on', async () => {
    render(<SettingsForm db={db} />);
    const box = await checkbox();
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(async () => expect((await readSettings(db)).notifyNewPending).toBe(true));
    expect(grantedPermissions.has('notifications')).toBe(true);
    expect(box.checked).toBe(true);

    fireEvent.click(box);
    await waitFor(async () => expect((await readSettings(db)).notifyNewPending).toBe(false));
    expect(grantedPermissions.has('notifications')).toBe(false);
    expect(box.checked).toBe(false);
  });

  it('stays off, and says why, when the browser’s prompt is refused', async () => {
    permissionPrompt.allow = false;
    render(<SettingsForm db={db} />);
    const box = await checkbox();
    fireEvent.click(box);
    expect(await screen.findByText('Notifications were not allowed, so they stay off.')).toBeTruthy();
    expect(box.checked).toBe(false);
    expect((await readSettings(db)).notifyNewPending).toBe(false);
  });

  it('shows them off when the permission was taken back in the browser', async () => {
    await saveSettings(db, { notifyNewPending: true });
    grantedPermissions.add('notifications');
    render(<SettingsForm db={db} />);
    expect((await checkbox()).checked).toBe(true);
    cleanup();
    grantedPermissions.delete('notifications');
    render(<SettingsForm db={db} />);
    expect((await checkbox()).checked).toBe(false);
    expect((await readSettings(db)).notifyNewPending).toBe(false);
  });
});

describe('choices', () => {
  it('shows a stored undo window that is not one of the choices instead of an empty box', async () => {
    await saveSettings(db, { undoWindowSeconds: 1 });
    render(<SettingsForm db={db} />);
    const select = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Undo window' });
    expect(select.value).toBe('1');
    expect(select.selectedOptions[0]?.textContent).toMatch(/1/);
  });
});
