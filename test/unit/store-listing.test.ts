/**
 * What the store forms get (store/, docs/privacy.md) stays true to the extension: the name and
 * summary are the manifest's own and within the stores' limits, every permission the built
 * manifests ask for is justified in both languages (and no justification outlives its permission),
 * the pictures have the sizes the stores require, and the privacy policy names every table the
 * extension's database has.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FreigabeDb } from '../../src/shared/db/index.ts';
import { manifestFor } from '../../vite.config.ts';
import { pngSize } from '../support/png.ts';

const languages = ['en', 'de'] as const;
const read = (path: string) => readFileSync(path, 'utf8');
const messages = (lang: string) =>
  JSON.parse(read(`public/_locales/${lang}/messages.json`)) as Record<string, { message: string }>;

type Manifest = { permissions?: string[]; optional_permissions?: string[]; optional_host_permissions?: string[] };
const manifests = (['chrome', 'firefox'] as const).map(
  (target) => manifestFor(target, 'release') as unknown as Manifest,
);

/** `## heading` → the text under it */
function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    found.set(heading.trim(), body.join('\n').trim());
  }
  return found;
}

describe('the store listing', () => {
  for (const lang of languages) {
    it(`${lang}: name and summary are the manifest's, within both stores' limits`, () => {
      const catalogue = messages(lang);
      const name = read(`store/${lang}/name.txt`).trim();
      const summary = read(`store/${lang}/summary.txt`).trim();
      expect(name).toBe(catalogue.extensionName?.message);
      expect(summary).toBe(catalogue.extensionDescription?.message);
      // addons.mozilla.org: names up to 50 characters; Chrome: descriptions up to 132.
      expect(name.length).toBeLessThanOrEqual(50);
      expect(summary.length).toBeLessThanOrEqual(132);
    });

    it(`${lang}: a long description and the single purpose, within the fields' limits`, () => {
      const description = read(`store/${lang}/description.md`);
      expect(description.length).toBeGreaterThan(1000);
      expect(description.length).toBeLessThanOrEqual(16_000);
      const purpose = read(`store/${lang}/single-purpose.md`).trim();
      expect(purpose.length).toBeGreaterThan(100);
      expect(purpose.length).toBeLessThanOrEqual(1000);
    });

    it(`${lang}: every permission of the built manifests is justified, and only those`, () => {
      const justified = sections(read(`store/${lang}/permissions.md`));
      const asked = new Set(
        manifests.flatMap((manifest) => [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])]),
      );
      expect(asked.size).toBeGreaterThanOrEqual(4);
      const expected = [
        ...[...asked].map((permission) => `\`${permission}\``),
        'Host access',
        'Remote code',
        'Data usage',
      ];
      expect([...justified.keys()].map((heading) => heading.replace(/ \(.*\)$/, '')).sort()).toEqual(expected.sort());
      for (const [heading, text] of justified) {
        expect(text.length, heading).toBeGreaterThan(80);
        expect(text.length, heading).toBeLessThanOrEqual(1000);
      }
      const hosts = justified.get('Host access') ?? '';
      for (const pattern of manifests.flatMap((manifest) => manifest.optional_host_permissions ?? [])) {
        expect(hosts).toContain(pattern);
      }
    });

    it(`${lang}: five screenshots at 1280×800 and the promo tile at 440×280`, () => {
      const dir = `store/screenshots/${lang}`;
      const shots = readdirSync(dir).filter((name) => name.endsWith('.png'));
      expect(shots.sort()).toEqual([
        '01-queue.png',
        '02-cluster.png',
        '03-inline.png',
        '04-reactions.png',
        '05-options.png',
      ]);
      for (const shot of shots)
        expect(pngSize(readFileSync(join(dir, shot))), shot).toEqual({ width: 1280, height: 800 });
      expect(pngSize(readFileSync(`store/promo/tile-${lang}.png`))).toEqual({ width: 440, height: 280 });
    });
  }

  it("every language's manifest description fits Chrome's 132 characters", () => {
    for (const lang of readdirSync('public/_locales')) {
      expect(messages(lang).extensionDescription?.message.length, lang).toBeLessThanOrEqual(132);
    }
  });
});

describe('the privacy policy', () => {
  const policy = existsSync('docs/privacy.md') ? read('docs/privacy.md') : '';

  it("names every table of the extension's database, and the browser storage it uses", () => {
    const tables = new FreigabeDb('privacy-policy-tables').tables.map((table) => table.name);
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) expect(policy, table).toContain(`\`${table}\``);
    expect(policy).toContain('storage.session');
    expect(policy).toContain('storage.local');
  });

  it('says where data goes, that there are no analytics and no remote code, and how to erase everything', () => {
    for (const phrase of [
      'Only to the blog it belongs to',
      'No analytics',
      'No remote code',
      'Disconnect a blog',
      'Clear the cache',
      'Remove the extension',
    ]) {
      expect(policy).toContain(phrase);
    }
    // And in German.
    for (const phrase of ['Datenschutzerklärung', 'Keine Analyse', 'Blog trennen', 'Erweiterung entfernen']) {
      expect(policy).toContain(phrase);
    }
  });
});
