// `roer audit verify`: recomputes the keyed chain of the audit log and names the first entry that does not fit; and
// the same check at server start, which warns loudly and logs it but lets Roer start (the log is evidence, not a lock).
import { existsSync } from 'node:fs';
import { audit, verifyAuditChain, type AuditRow, type ChainCheck } from '../access/audit.ts';
import { RoerError } from '../errors.ts';
import { dbPath, secretPath, sql, Store } from '../store/index.ts';
import type { Command } from './command.ts';

const n = (x: number) => x.toLocaleString('nl-NL');

/** The Dutch account of a broken chain, naming the entry. */
async function describeBroken(store: Store, check: Extract<ChainCheck, { ok: false }>): Promise<string> {
  const r = await store.one<AuditRow>(sql`SELECT * FROM audit_log WHERE id = ${check.brokenAt}`);
  const what = r ? ` (${r.logged_at}, ${r.action}${r.target ? ` ${r.target}` : ''} door ${r.actor})` : '';
  return (
    `Het auditlog is beschadigd: item ${check.brokenAt}${what} past niet in de keten. ` +
    'Dat item is aangepast, een item ervoor is verwijderd of ingevoegd, of de sleutel (roer.secret) is een andere.'
  );
}

/** The Dutch account of an intact chain: how many entries, and where the keyed chain begins. */
function describeIntact(check: Extract<ChainCheck, { ok: true }>): string {
  if (check.entries === 0) return 'Het auditlog is leeg.';
  const lines = [`Het auditlog is in orde: ${n(check.entries)} items, de keten klopt.`];
  if (check.keyedFrom === null) {
    lines.push(
      `Geen item is met de sleutel geketend: alle ${n(check.unkeyed)} items komen van een oudere Roer-versie ` +
        '(alleen SHA-256) of zijn helemaal opnieuw berekend. Het volgende item zet de sleutelketen in.',
    );
  } else if (check.unkeyed > 0) {
    lines.push(
      `De sleutelketen begint bij item ${check.keyedFrom}; de ${n(check.unkeyed)} oudere items (van vóór de sleutel, ` +
        `alleen SHA-256) zijn daarmee verzegeld.`,
    );
  } else {
    lines.push('Alle items zijn geketend met de sleutel uit roer.secret.');
  }
  return lines.join('\n');
}

/** At server start: a broken chain is written to stderr and logged as an entry; Roer starts anyway. */
export async function checkAuditAtStart(store: Store): Promise<void> {
  const check = await verifyAuditChain(store);
  if (check.ok) return;
  process.stderr.write(
    `\n*** WAARSCHUWING ***\n${await describeBroken(store, check)}\n` +
      "Roer start toch. Zoek uit wie bij het databasebestand kon; 'roer audit verify' toont dit opnieuw.\n\n",
  );
  await audit(
    store,
    { name: 'systeem', role: 'system' },
    {
      action: 'chain_broken',
      target: String(check.brokenAt),
      detail: { brokenAt: check.brokenAt, entries: check.entries },
    },
  );
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'controleer het auditlog: is er een item aangepast of verwijderd?',
  usage: `Gebruik: roer audit verify [--db <bestand>]

Rekent de keten van het auditlog na. Elk item draagt een HMAC over zijn voorganger, met een sleutel
die is afgeleid van roer.secret naast de database (niet in de database). Wie het databasebestand
aanpast zonder dat sleutelbestand, valt op. Items van een Roer-versie van vóór de sleutel (alleen
SHA-256) worden ook nagerekend; het item 'chain_keyed' waar de sleutelketen begint, verzegelt ze.
Verandert niets aan de database.

Afsluitcode: 0 als de keten klopt, 1 als een item niet past (het eerste wordt genoemd).

Opties:
  --db <bestand>   de database (standaard ./data/roer.duckdb, of $ROER_DB)`,
  options: {},
  async run(values, positionals) {
    const [action, ...extra] = positionals;
    if (action !== 'verify') throw new RoerError(`Onbekende actie '${action ?? ''}'.`, "Kies verify; zie 'roer audit --help'.");
    if (extra.length > 0) throw new RoerError(`Onverwacht argument '${extra[0]}'.`);
    const path = dbPath(values.db as string | undefined);
    if (!existsSync(path))
      throw new RoerError(`Er is nog geen database op ${path}.`, "Start Roer eerst met 'roer start' of 'roer demo'.");
    // Without the secret a fresh one would be made, and every keyed entry would seem broken.
    if (!existsSync(secretPath(path)))
      throw new RoerError(
        `Het sleutelbestand ${secretPath(path)} ontbreekt.`,
        'Zonder dat bestand is de keten niet na te rekenen; zet het terug uit de back-up.',
      );
    const store = await Store.open(path);
    try {
      const check = await verifyAuditChain(store);
      if (!check.ok) {
        process.stderr.write(`${await describeBroken(store, check)}\n`);
        return 1;
      }
      process.stdout.write(`${describeIntact(check)}\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};
