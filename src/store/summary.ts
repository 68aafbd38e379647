// What is in the store: record counts, the import log (refused files with their reason) and the open quarantine, for
// `roer status` and the API.
import type { Store } from './store.ts';
import { formatProblem, type Problem } from '../errors.ts';
import { ident, join, sql } from './sql.ts';

export interface StoreSummary {
  counts: Record<string, number>;
  files: {
    file_name: string;
    kind: string;
    imported_at: string;
    records_ok: number;
    records_quarantined: number;
    status: string;
    note: string | null;
  }[];
  quarantine: Problem[];
  quarantineTotal: number;
}

const TABLES = [
  'municipality',
  'client',
  'provider',
  'product',
  'referrer',
  'referrer_agb',
  'team',
  'request',
  'allocation',
  'care_period',
  'invoice_line',
  'invoice_rejection',
  'budget',
  'pgb_cost',
  'cost_line',
  'import_file',
  'message',
] as const;

/** Dutch labels for the record counts. */
export const TABLE_LABELS: Record<(typeof TABLES)[number], string> = {
  municipality: 'gemeenten',
  client: 'cliënten',
  provider: 'aanbieders',
  product: 'producten',
  referrer: 'verwijzers',
  referrer_agb: 'verwijzers in de AGB-lijst',
  team: 'teams',
  request: 'verzoeken om toewijzing (JW315)',
  allocation: 'toewijzingen',
  care_period: 'start/stop zorg',
  invoice_line: 'declaratieregels',
  invoice_rejection: 'afgewezen declaratieregels',
  budget: 'budgetregels',
  pgb_cost: 'pgb-kostenregels',
  cost_line: 'kostenregels buiten declaraties',
  import_file: 'ingelezen bestanden',
  message: 'iJw-berichten',
};

export async function summarise(store: Store, quarantineLimit = 50): Promise<StoreSummary> {
  const counts: Record<string, number> = {};
  const row = await store.one<Record<string, number>>(
    sql`SELECT ${join(TABLES.map((t) => sql`(SELECT count(*) FROM ${ident(t)}) AS ${ident(t)}`))}`,
  );
  for (const t of TABLES) counts[t] = row?.[t] ?? 0;
  const files = await store.all<StoreSummary['files'][number]>(
    sql`SELECT file_name, kind, strftime(imported_at, '%d-%m-%Y %H:%M') AS imported_at, records_ok, records_quarantined, status, note
       FROM import_file ORDER BY imported_at DESC, file_name LIMIT 200`,
  );
  const quarantine = await store.all<Problem>(
    sql`SELECT file_name AS file, record_no AS record, field, reason FROM quarantine WHERE NOT resolved
      ORDER BY quarantined_at, file_name, record_no LIMIT ${quarantineLimit}`,
  );
  const total = await store.one<{ n: number }>(sql`SELECT count(*) AS n FROM quarantine WHERE NOT resolved`);
  return { counts, files, quarantine, quarantineTotal: total?.n ?? 0 };
}

export function formatSummary(s: StoreSummary): string {
  const lines: string[] = ['Inhoud:'];
  for (const [t, label] of Object.entries(TABLE_LABELS)) {
    lines.push(`  ${label.padEnd(34)} ${s.counts[t]!.toLocaleString('nl-NL').padStart(12)}`);
  }
  // A refused file stays in the log; once a file of the same name is read (newer rows come first) it is no longer open.
  const read = new Set<string>();
  const refused = s.files.filter((f) => {
    if (f.status === 'ingelezen') read.add(f.file_name);
    return f.status === 'geweigerd' && !read.has(f.file_name);
  });
  if (refused.length > 0) {
    lines.push('', `Geweigerde bestanden: ${refused.length.toLocaleString('nl-NL')} (er is niets uit opgeslagen)`);
    for (const f of refused) lines.push(`  ${f.imported_at}  ${f.file_name}: ${f.note ?? ''}`);
  }
  lines.push('', `In quarantaine: ${s.quarantineTotal.toLocaleString('nl-NL')} record(s)`);
  for (const p of s.quarantine) lines.push(`  ${formatProblem(p)}`);
  if (s.quarantineTotal > s.quarantine.length) lines.push(`  … en ${s.quarantineTotal - s.quarantine.length} meer`);
  return `${lines.join('\n')}\n`;
}
