// JW307 stop zorg: the actual end of care and its reason (RedenBeeindiging, JZ588) per allocation.
// StatusAanlevering 1 and 2 set end date and reason (and the start, when JW305 was missed); 3 clears them; 9 nothing.
import { STATUS_AANLEVERING as S } from './codes.ts';
import { CLIENT_COLUMNS, ensureProducts, ensureProviders, upsertClients } from './entities.ts';
import { countPerFile, latestPerAllocation, mergedFiles, requireAllocationNo, type MessageModule } from './module.ts';
import { birthDate } from './walk.ts';
import { sql } from '../../store/index.ts';

interface Stopped {
  no: string | null;
  category: string | null;
  code: string | null;
  start: string | null;
  end: string | null;
  reason: string | null;
  status: string | null;
}

const v = (name: string) => ({ name, type: 'VARCHAR' as const });

export const jw307: MessageModule<Stopped> = {
  kind: 'JW307',
  columns: [
    v('allocation_no'),
    v('product_category'),
    v('product_code'),
    v('start_date'),
    v('end_date'),
    v('end_reason'),
    v('status'),
    ...CLIENT_COLUMNS,
  ],
  parser: {
    recordElement: 'StopProduct',
    newRecord: () => ({ no: null, category: null, code: null, start: null, end: null, reason: null, status: null }),
    leaf(r, name, parent, text) {
      if (parent === 'StopProduct') {
        switch (name) {
          case 'ToewijzingNummer':
            r.no = text;
            break;
          case 'Begindatum':
            r.start = text;
            break;
          case 'Einddatum':
            r.end = text;
            break;
          case 'RedenBeeindiging':
            r.reason = text;
            break;
          case 'StatusAanlevering':
            r.status = text;
            break;
        }
      } else if (parent === 'Product') {
        if (name === 'Categorie') r.category = text;
        else if (name === 'Code') r.code = text;
      }
    },
    row: (r, c) => [r.no, r.category, r.code, r.start, r.end, r.reason, r.status, birthDate(c), c.sex],
  },

  key: (h, own) => `${h.ontvanger}|${own[0]}`,

  check: (store, stage) => requireAllocationNo(store, stage),

  async merge(store, stage) {
    await ensureProviders(store, stage, 'sender');
    await ensureProducts(store, stage);
    await upsertClients(store, stage, 'receiver', false);
    const latest = latestPerAllocation(stage);
    const changed = await countPerFile(
      store,
      sql`SELECT n.file_idx FROM (${latest}) n LEFT JOIN care_period c ON c.municipality = n.receiver AND c.allocation_no = n.allocation_no
        WHERE CASE WHEN n.status = ${S.verwijderen} THEN c.end_date IS NOT NULL
                   ELSE c.end_date IS DISTINCT FROM CAST(n.end_date AS DATE) OR c.end_reason IS DISTINCT FROM n.end_reason END`,
    );
    await store.run(
      sql`INSERT INTO care_period (municipality, allocation_no, provider_agb, client_id, start_date, end_date, end_reason, stop_file_id)
       SELECT receiver, allocation_no, sender, client_id, CAST(start_date AS DATE), CAST(end_date AS DATE), end_reason, file_id
         FROM (${latest}) WHERE status <> ${S.verwijderen}
       ON CONFLICT (municipality, allocation_no) DO UPDATE SET end_date = excluded.end_date, end_reason = excluded.end_reason,
         stop_file_id = excluded.stop_file_id, start_date = coalesce(care_period.start_date, excluded.start_date)
       WHERE care_period.end_date IS DISTINCT FROM excluded.end_date OR care_period.end_reason IS DISTINCT FROM excluded.end_reason`,
    );
    await store.run(
      sql`UPDATE care_period SET end_date = NULL, end_reason = NULL, stop_file_id = n.file_id
        FROM (${latest}) n WHERE n.status = ${S.verwijderen} AND care_period.municipality = n.receiver
         AND care_period.allocation_no = n.allocation_no AND care_period.end_date IS NOT NULL`,
    );
    await store.run(sql`DELETE FROM care_period WHERE municipality IN (SELECT receiver FROM (${mergedFiles(stage)}))
      AND start_date IS NULL AND end_date IS NULL`);
    return changed;
  },
};
