/**
 * The second line behind DOMPurify: the built manifests give extension pages (popup, options, the
 * sign-in callback; and Chrome's service worker) a content security policy that loads scripts,
 * images, styles and fonts only from the extension itself. (npm test builds before it runs.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function policyOf(dir: string): Map<string, string[]> {
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as {
    content_security_policy?: { extension_pages?: string };
  };
  const policy = manifest.content_security_policy?.extension_pages ?? '';
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('content security policy of extension pages', () => {
  for (const dir of ['dist/chrome', 'dist/firefox', 'dist/chrome-test', 'dist/firefox-test']) {
    it(`${dir}: no remote scripts, images, styles or fonts, no plugins, no frames`, () => {
      const policy = policyOf(dir);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('font-src')).toEqual(["'self'"]);
      expect(policy.get('media-src')).toEqual(["'none'"]);
      expect(policy.get('frame-src')).toEqual(["'none'"]);
    });
  }
});
