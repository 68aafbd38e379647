// Without chromium the user is told in Dutch which Debian package to install, never a raw launcher error.
import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, launchChromium } from './chromium.ts';

describe('launchChromium', () => {
  it('names the Debian package and ROER_CHROMIUM when chromium is missing', async () => {
    const failure = launchChromium('/geen/chromium');
    await expect(failure).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(failure).rejects.toThrow(
      'Chromium ontbreekt (/geen/chromium): installeer het Debian-pakket chromium met `sudo apt-get install -y chromium fonts-dejavu-core`',
    );
  });
});
