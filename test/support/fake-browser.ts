/**
 * Stands in for webextension-polyfill in unit and integration tests: @webext-core/fake-browser's
 * in-memory browser (storage, alarms, runtime, tabs) plus small working fakes of the APIs it leaves
 * unmocked and we use: i18n (the real English catalogue), action badges, permissions, scripting,
 * storage areas listing their keys.
 */
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogue = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Catalogue;

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index: string) => values[Number(index) - 1] ?? '');
  });
}

interface BadgeState {
  text?: string;
  color?: string;
  title?: string;
}

export const badges = new Map<number | 'global', BadgeState>();
export const grantedOrigins = new Set<string>();
/** API permissions granted (optional ones such as `notifications`) */
export const grantedPermissions = new Set<string>();
/** what `permissions.request` answers for API permissions (the user's click in the browser's prompt) */
export const permissionPrompt = { allow: true };

interface Permissions {
  permissions?: string[];
  origins?: string[];
}

function fakeEvent<T extends unknown[]>() {
  const listeners = new Set<(...args: T) => void>();
  return {
    addListener: (listener: (...args: T) => void) => void listeners.add(listener),
    removeListener: (listener: (...args: T) => void) => void listeners.delete(listener),
    hasListener: (listener: (...args: T) => void) => listeners.has(listener),
    trigger: (...args: T) => {
      for (const listener of listeners) listener(...args);
    },
    clear: () => listeners.clear(),
  };
}
const permissionEvents = { onAdded: fakeEvent<[Permissions]>(), onRemoved: fakeEvent<[Permissions]>() };
export const registeredScripts = new Map<string, { id: string; matches?: string[]; js?: string[] }>();

function badgeSetter(field: keyof BadgeState, from: 'text' | 'color' | 'title') {
  return async (details: { tabId?: number } & Record<string, unknown>) => {
    const key = details.tabId ?? 'global';
    badges.set(key, { ...badges.get(key), [field]: details[from] as string });
  };
}

const extra = {
  i18n: { getMessage, getUILanguage: () => 'en-US' },
  action: {
    setBadgeText: badgeSetter('text', 'text'),
    setBadgeBackgroundColor: badgeSetter('color', 'color'),
    setTitle: badgeSetter('title', 'title'),
    async getBadgeText({ tabId }: { tabId?: number }) {
      return badges.get(tabId ?? 'global')?.text ?? badges.get('global')?.text ?? '';
    },
  },
  permissions: {
    async contains({ origins = [], permissions = [] }: Permissions) {
      return (
        origins.every((origin) => grantedOrigins.has(origin)) &&
        permissions.every((permission) => grantedPermissions.has(permission))
      );
    },
    async request({ origins = [], permissions = [] }: Permissions) {
      if (permissions.length > 0 && !permissionPrompt.allow) return false;
      for (const origin of origins) grantedOrigins.add(origin);
      for (const permission of permissions) grantedPermissions.add(permission);
      permissionEvents.onAdded.trigger({ origins, permissions });
      return true;
    },
    async remove({ origins = [], permissions = [] }: Permissions) {
      for (const origin of origins) grantedOrigins.delete(origin);
      for (const permission of permissions) grantedPermissions.delete(permission);
      permissionEvents.onRemoved.trigger({ origins, permissions });
      return true;
    },
    ...permissionEvents,
  },
  scripting: {
    async registerContentScripts(scripts: { id: string }[]) {
      for (const script of scripts) {
        if (registeredScripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registeredScripts.set(script.id, script);
      }
    },
    async getRegisteredContentScripts(filter?: { ids?: string[] }) {
      return [...registeredScripts.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id));
    },
    async updateContentScripts(scripts: { id: string }[]) {
      for (const script of scripts)
        registeredScripts.set(script.id, { ...registeredScripts.get(script.id), ...script });
    },
    async unregisterContentScripts(filter?: { ids?: string[] }) {
      for (const id of filter?.ids ?? [...registeredScripts.keys()]) registeredScripts.delete(id);
    },
    async executeScript(injection: { target: { tabId: number }; files?: string[] }) {
      injectedScripts.push({ tabId: injection.target.tabId, files: injection.files ?? [] });
      return [];
    },
  },
};

/** Messages the background sent to tabs, in order. */
export const tabMessages: { tabId: number; message: unknown }[] = [];
Object.assign(fakeBrowser.tabs, {
  async sendMessage(tabId: number, message: unknown) {
    tabMessages.push({ tabId, message });
  },
});

/** Files injected with scripting.executeScript, in order. */
export const injectedScripts: { tabId: number; files: string[] }[] = [];

// The library's areas cannot list their keys (it throws "not implemented"); the browsers can.
for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session, fakeBrowser.storage.sync]) {
  const read = area.get.bind(area);
  Object.assign(area, { getKeys: async () => Object.keys(await read(null)) });
}

Object.assign(fakeBrowser.i18n, extra.i18n);
Object.assign(fakeBrowser.action, extra.action);
Object.assign(fakeBrowser.permissions, extra.permissions);
Object.assign(fakeBrowser.scripting, extra.scripting);

/** Clears every fake's state between tests. */
export function resetFakeBrowser(): void {
  fakeBrowser.reset();
  badges.clear();
  grantedOrigins.clear();
  grantedPermissions.clear();
  permissionPrompt.allow = true;
  permissionEvents.onAdded.clear();
  permissionEvents.onRemoved.clear();
  registeredScripts.clear();
  injectedScripts.length = 0;
  tabMessages.length = 0;
}

export { fakeBrowser };
export default fakeBrowser;
