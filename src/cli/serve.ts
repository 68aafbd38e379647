// `roer serve`: the API and the dashboard on http://127.0.0.1:3000. This process owns the database file while it runs;
// it stops cleanly on Ctrl+C or SIGTERM (closing the store, so the file is free again).
import { dirname } from 'node:path';
import { cellKeyFrom } from '../access/disclosure.ts';
import { flushLoginFloods } from '../access/flood.ts';
import { createSecureApp, ensureAdmin } from '../api/auth/index.ts';
import { startServer } from '../api/server.ts';
import { RoerError } from '../errors.ts';
import { loadOrCreateSecret } from '../ingest/pseudonym.ts';
import { Store, dbPath, secretPath } from '../store/index.ts';
import { checkAuditAtStart } from './audit.ts';
import type { Command } from './command.ts';

/** Parses --port: a whole number 0–65535 (0 = any free port). */
export function parsePort(value: unknown): number {
  if (value === undefined) return 3000;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > 65535) {
    throw new RoerError(`--port moet een getal van 0 tot en met 65535 zijn, niet '${String(value)}'.`);
  }
  return n;
}

/** Resolves on the first SIGINT or SIGTERM. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serve: Command = {
  name: 'serve',
  summary: 'start de webserver: het dashboard en de API (standaard op http://127.0.0.1:3000)',
  usage: `Gebruik: roer serve [--port 3000] [--host 127.0.0.1] [--db <bestand>]

Start Roer als webserver: het dashboard in de browser en de JSON-API onder /api/
(beschrijving: /api/openapi.json). Zolang de server draait, gebruikt hij de database;
andere roer-opdrachten op dezelfde database wachten tot de server is gestopt.
Stoppen: Ctrl+C.

Opties:
  --port <nummer>  de poort (standaard 3000; 0 = een vrije poort)
  --host <adres>   het adres waarop de server luistert (standaard 127.0.0.1: alleen deze
                   computer; 0.0.0.0 maakt Roer bereikbaar vanaf het netwerk)
  --tls            de verbinding loopt via HTTPS (sessiecookies krijgen de vlag Secure)
  --proxy          achter één reverse proxy: het adres van de gebruiker is de laatste (meest rechtse)
                   waarde in X-Forwarded-For, HTTPS volgt uit X-Forwarded-Proto. Zonder --proxy
                   worden beide kopregels genegeerd (de browser kan ze zelf invullen)
  --db <bestand>   de database (standaard ./data/roer.duckdb, of $ROER_DB)

Bij het starten wordt het auditlog nagerekend (zoals 'roer audit verify'). Is het beschadigd, dan
volgt een waarschuwing en een item in het auditlog; de server start toch.

Inloggen is verplicht. Bij de eerste start wordt de gebruiker 'beheerder' aangemaakt en
zijn wachtwoord één keer getoond; meer gebruikers: 'roer user add' (zie 'roer user --help').`,
  options: { port: { type: 'string' }, host: { type: 'string' }, tls: { type: 'boolean' }, proxy: { type: 'boolean' } },
  async run(values) {
    const port = parsePort(values.port);
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const path = dbPath(values.db as string | undefined);
    const store = await Store.open(path);
    try {
      const stopped = stopSignal();
      await checkAuditAtStart(store); // before anything of this start is logged
      const password = await ensureAdmin(store);
      if (password)
        process.stdout.write(
          `Eerste beheerder aangemaakt: gebruiker 'beheerder', wachtwoord ${password}\n(dit wachtwoord wordt niet opnieuw getoond)\n`,
        );
      const secret = loadOrCreateSecret(secretPath(path));
      const app = createSecureApp({
        store,
        tls: Boolean(values.tls),
        trustProxy: Boolean(values.proxy),
        cellKey: cellKeyFrom(secret),
        // Uploads are written beside the database (and deleted once read), saved column mappings too.
        upload: { secret, dataDir: dirname(path) },
      });
      const server = await startServer({ store, port, host, app: app as never });
      process.stdout.write(`Roer draait op ${server.url}  (database ${path})\nStoppen: Ctrl+C\n`);
      await stopped;
      process.stdout.write('Roer stopt…\n');
      await server.close();
      await flushLoginFloods(store); // counted failed logins of the last minute still in memory
      return 0;
    } finally {
      store.close();
    }
  },
};
