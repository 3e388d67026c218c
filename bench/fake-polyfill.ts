/** webextension-polyfill outside an extension, for benchmarks in a plain page: English strings only. */
import catalogue from '../public/_locales/en/messages.json' with { type: 'json' };

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (catalogue as Record<string, Entry>)[key];
  if (!entry) return '';
  const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return values[Number(content.slice(1)) - 1] ?? '';
  });
}

export const browser = {
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: { sendMessage: async () => undefined, onMessage: { addListener() {}, removeListener() {} } },
};
export default browser;
