/** The manifest each build gets: least privilege in release, pre-granted loopback only in test. */
import { describe, expect, it } from 'vitest';
import { geckoAndroidMinVersion, loopbackOrigins, manifestFor } from '../../vite.config.ts';

type Manifest = Record<string, unknown> & { background: Record<string, unknown> };

describe('manifests', () => {
  it('release builds ask for no host access up front', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const manifest = manifestFor(target, 'release') as unknown as Manifest;
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.content_scripts).toBeUndefined();
      expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
      expect(manifest.permissions).not.toContain('tabs');
      // Notifications only when the user turns them on (asked for by the options page).
      expect(manifest.permissions).not.toContain('notifications');
      expect(manifest.optional_permissions).toEqual(['notifications']);
    }
  });

  it('test builds pre-grant only the loopback origins', () => {
    const manifest = manifestFor('chrome', 'test') as unknown as Manifest;
    expect(manifest.host_permissions).toEqual(loopbackOrigins);
  });

  it('Firefox gets background scripts and a gecko id from the same source', () => {
    const manifest = manifestFor('firefox', 'release') as unknown as Manifest;
    expect(manifest.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'freigabe@freigabe.dev' } });
    const chrome = manifestFor('chrome', 'release') as unknown as Manifest;
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
  });

  it('the queue page is Chrome’s side panel and Firefox’s sidebar (not opened at install), with no other permission', () => {
    const chrome = manifestFor('chrome', 'release') as unknown as Manifest;
    expect(chrome.side_panel).toEqual({ default_path: 'src/popup/sidepanel.html' });
    expect(chrome.permissions).toContain('sidePanel');
    expect(chrome.sidebar_action).toBeUndefined();
    const firefox = manifestFor('firefox', 'release') as unknown as Manifest;
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'src/popup/sidepanel.html', open_at_install: false });
  });

  it('Firefox for Android is declared, from the version that has everything we use there', () => {
    const settings = (manifestFor('firefox', 'release') as unknown as Manifest).browser_specific_settings as {
      gecko: { strict_min_version: string };
      gecko_android?: { strict_min_version?: string };
    };
    // 142: data_collection_permissions reached Android in 142 (MDN browser-compat-data; desktop 140);
    // permissions.request 120, storage.session 115, scripting 102 (as desktop) all come earlier.
    expect(settings.gecko_android).toEqual({ strict_min_version: '142.0' });
    expect(geckoAndroidMinVersion).toBe('142.0');
    expect(Number.parseFloat(settings.gecko_android?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(
      Number.parseFloat(settings.gecko.strict_min_version),
    );
    // Chrome's manifest says nothing of Gecko.
    expect((manifestFor('chrome', 'release') as unknown as Manifest).browser_specific_settings).toBeUndefined();
  });

  it('asks for nothing Firefox for Android lacks (no menus/contextMenus, no windows-only permission)', () => {
    const manifest = manifestFor('firefox', 'release') as unknown as Manifest & {
      permissions: string[];
      optional_permissions: string[];
    };
    const asked = [...manifest.permissions, ...manifest.optional_permissions];
    for (const missingOnAndroid of ['menus', 'contextMenus', 'tabHide', 'sessions', 'bookmarks', 'history']) {
      expect(asked).not.toContain(missingOnAndroid);
    }
  });
});
