// Debian's chromium, driven by playwright-core: the one launcher for the report's PDF and the browser tests. Never a
// downloaded browser build; ROER_CHROMIUM points elsewhere when chromium is not at /usr/bin/chromium.
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.ROER_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium is missing (or not executable): the Dutch message says which Debian package to install. */
export class ChromiumMissingError extends Error {
  constructor(readonly path: string) {
    super(
      `Chromium ontbreekt (${path}): installeer het Debian-pakket chromium met ` +
        '`sudo apt-get install -y chromium fonts-dejavu-core`, of wijs met ROER_CHROMIUM een andere chromium aan.',
    );
  }
}

/** A headless Debian chromium; throws ChromiumMissingError when it is not installed. */
export async function launchChromium(path = CHROMIUM): Promise<Browser> {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ChromiumMissingError(path);
  }
  return chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
}
