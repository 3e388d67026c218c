/**
 * Stands in for webextension-polyfill in unit and integration tests: an in-memory browser API
 * (storage, alarms, runtime events) from @webext-core/fake-browser, plus the few APIs it lacks.
 */
import { fakeBrowser } from '@webext-core/fake-browser';

type Fake = typeof fakeBrowser & Record<string, unknown>;
const browser = fakeBrowser as Fake;

export default browser;
