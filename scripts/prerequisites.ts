/**
 * What the test suite needs from the system: a Chromium that loads extensions, and PHP + MariaDB
 * (+ Debian's WordPress with its classic theme) for the native WordPress backend. Installs them with
 * apt-get where we run as root on Debian, saying so; otherwise stops with the exact command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.ts';
import { findFirefox } from './firefox-browser.ts';
import { findNativeTools } from './wp/native.ts';
import { hasDebianWordPress } from './wp/wp-files.ts';

const installer = 'scripts/install-system-deps.sh';

const manualInstructions = {
  chromium: 'Install Chromium and set CHROME_PATH to its binary.',
  firefox:
    'Install Firefox (ESR 153 or later: the Firefox build needs Firefox 142) and set FIREFOX_PATH to its binary.',
  wordpress: 'Install PHP 8 (with mysqli, mbstring, xml) and MariaDB or MySQL.',
};

function canInstall(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

function install(what: 'chromium' | 'firefox' | 'wordpress', reason: string): void {
  if (!canInstall()) {
    const command = existsSync('/etc/debian_version') ? `sudo bash ${installer} ${what}` : null;
    throw new Error(`${reason}\n${command ? `Run:  ${command}` : manualInstructions[what]}`);
  }
  console.log(`${reason} Installing it with apt-get (running as root on Debian).`);
  const result = spawnSync('bash', [installer, what], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${installer} ${what} failed`);
}

export function ensurePrerequisites(): void {
  if (!findChromium()) {
    if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
    install('chromium', 'No Chromium found (CHROME_PATH, /usr/bin/chromium, …): the e2e tests need one.');
  }
  if (!findFirefox()) {
    if (process.env.FIREFOX_PATH) throw new Error(`FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist.`);
    install('firefox', 'No Firefox found (FIREFOX_PATH, /usr/bin/firefox-esr, …): the Firefox e2e tests need one.');
  }
  const { tools, missing } = findNativeTools();
  if (!tools || !hasDebianWordPress()) {
    const what = tools ? "Debian's wordpress package (classic theme)" : missing.join(', ');
    install('wordpress', `The test suite runs WordPress natively and needs: ${what}.`);
  }
  const chromium = findChromium();
  const after = findNativeTools();
  if (!chromium || !after.tools) throw new Error('Prerequisites still missing after installing them.');
  console.log(`prerequisites: ${chromium}; ${findFirefox()}; ${after.tools.php}; ${after.tools.mariadbd}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensurePrerequisites();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
