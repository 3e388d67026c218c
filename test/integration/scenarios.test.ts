/**
 * The scenario switch itself (scripts/wp/scenarios.ts): a scenario changes what the real WordPress
 * does while it is active and nothing once it is switched off; options take effect at once.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { scenarioNames, setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };

async function authentication(): Promise<Record<string, unknown>> {
  const index = (await (await fetch(`${wp.url}/wp-json/`)).json()) as { authentication: Record<string, unknown> };
  return index.authentication;
}

describe('test scenarios', () => {
  afterAll(async () => {
    await setScenarios(site, []);
    await setOptions(site, { blogdescription: null });
  });

  it('switches a scenario on and off again', async () => {
    expect(await authentication()).toHaveProperty('application-passwords');
    await setScenarios(site, ['no-application-passwords']);
    expect(await authentication()).not.toHaveProperty('application-passwords');
    await setScenarios(site, []);
    expect(await authentication()).toHaveProperty('application-passwords');
  });

  it('refuses a scenario that does not exist', async () => {
    expect(scenarioNames()).toContain('no-application-passwords');
    await expect(setScenarios(site, ['no-such-thing'])).rejects.toThrow(/No such scenario/);
  });

  it('sets an option', async () => {
    await setOptions(site, { blogdescription: 'Szenario' });
    const index = (await (await fetch(`${wp.url}/wp-json/`)).json()) as { description: string };
    expect(index.description).toBe('Szenario');
  });
});
