/** Both catalogues carry every message, with the same placeholders; every key the code uses exists. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Catalogue;
const en = read('en');
const de = read('de');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('German has exactly the English keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message uses the placeholders it declares, in both languages', () => {
    for (const [key, entry] of Object.entries({ ...en })) {
      for (const catalogue of [en, de]) {
        const message = catalogue[key];
        const used = new Set(
          [...(message?.message.matchAll(/\$([A-Za-z_]+)\$/g) ?? [])].map((m) => m[1]?.toLowerCase()),
        );
        expect(used, `${key}`).toEqual(new Set(Object.keys(entry.placeholders ?? {})));
      }
    }
  });

  it('the manifest and the code use only keys that exist', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    const used = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    for (const file of sourceFiles('src')) {
      const source = readFileSync(file, 'utf8');
      used.push(...[...source.matchAll(/\bt\('(\w+)'/g)].map((m) => m[1]));
    }
    expect(used.length).toBeGreaterThan(10);
    for (const key of used) expect(en, `missing message ${key}`).toHaveProperty(key as string);
  });
});
