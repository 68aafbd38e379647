// One chromium kept open between PDFs: starting it costs more than printing a short report, so the server reuses it and
// lets it go after a quiet minute (or when it dies, the next print starts a new one).
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium.ts';
import type { Report } from './model.ts';
import { renderPdf } from './pdf.ts';

export interface PrinterOptions {
  /** Close chromium after this long without a print (default one minute). */
  idleMs?: number;
  /** How chromium is started (default Debian's, see launchChromium). */
  launch?: () => Promise<Browser>;
}

export class Printer {
  readonly #idleMs: number;
  readonly #launch: () => Promise<Browser>;
  #browser: Promise<Browser> | null = null;
  #idle: NodeJS.Timeout | null = null;
  #printing = 0;

  constructor(options: PrinterOptions = {}) {
    this.#idleMs = options.idleMs ?? 60_000;
    this.#launch = options.launch ?? (() => launchChromium());
  }

  /** The PDF of a report's HTML (see renderPdf); throws ChromiumMissingError when chromium is not installed. */
  async print(html: string, report: Report): Promise<Uint8Array> {
    this.#printing++;
    if (this.#idle) clearTimeout(this.#idle);
    try {
      return await renderPdf(html, report, await this.#open());
    } finally {
      if (--this.#printing === 0) {
        this.#idle = setTimeout(() => void this.close(), this.#idleMs);
        // A waiting close must not keep a finished process (a CLI run, a test) alive.
        this.#idle.unref();
      }
    }
  }

  /** Closes chromium if it is open; the next print starts a new one. */
  async close(): Promise<void> {
    if (this.#idle) clearTimeout(this.#idle);
    const open = this.#browser;
    this.#browser = null;
    if (open) await open.then((b) => b.close()).catch(() => undefined);
  }

  #open(): Promise<Browser> {
    if (this.#browser) return this.#browser;
    const starting = this.#launch();
    this.#browser = starting;
    const forget = () => {
      if (this.#browser === starting) this.#browser = null;
    };
    // A failed start or a crashed chromium is not kept: the next print tries again.
    starting.then((b) => b.on('disconnected', forget), forget);
    return starting;
  }
}
