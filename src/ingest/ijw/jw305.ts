// JW305 start zorg: the actual start of care per allocation (municipality = Ontvanger + ToewijzingNummer).
// StatusAanlevering 1 (first) and 2 (correction) set the start date; 3 (delete) clears it; 9 changes nothing.
import { STATUS_AANLEVERING as S } from './codes.ts';
import { CLIENT_COLUMNS, ensureProducts, ensureProviders, upsertClients } from './entities.ts';
import { countPerFile, latestPerAllocation, mergedFiles, requireAllocationNo, type MessageModule } from './module.ts';
import { birthDate } from './walk.ts';
import { sql } from '../../store/index.ts';

interface Started {
  no: string | null;
  category: string | null;
  code: string | null;
  start: string | null;
  status: string | null;
}

const v = (name: string) => ({ name, type: 'VARCHAR' as const });

export const jw305: MessageModule<Started> = {
  kind: 'JW305',
  columns: [v('allocation_no'), v('product_category'), v('product_code'), v('start_date'), v('status'), ...CLIENT_COLUMNS],
  parser: {
    recordElement: 'StartProduct',
    newRecord: () => ({ no: null, category: null, code: null, start: null, status: null }),
    leaf(r, name, parent, text) {
      if (parent === 'StartProduct') {
        if (name === 'ToewijzingNummer') r.no = text;
        else if (name === 'Begindatum') r.start = text;
        else if (name === 'StatusAanlevering') r.status = text;
      } else if (parent === 'Product') {
        if (name === 'Categorie') r.category = text;
        else if (name === 'Code') r.code = text;
      }
    },
    row: (r, c) => [r.no, r.category, r.code, r.start, r.status, birthDate(c), c.sex],
  },

  key: (h, own) => `${h.ontvanger}|${own[0]}`,

  check: (store, stage) => requireAllocationNo(store, stage),

  async merge(store, stage) {
    await ensureProviders(store, stage, 'sender');
    await ensureProducts(store, stage);
    await upsertClients(store, stage, 'receiver', false);
    // Per allocation the last StartProduct of the message is the one that holds.
    const latest = latestPerAllocation(stage);
    const changed = await countPerFile(
      store,
      sql`SELECT n.file_idx FROM (${latest}) n LEFT JOIN care_period c ON c.municipality = n.receiver AND c.allocation_no = n.allocation_no
        WHERE CASE WHEN n.status = ${S.verwijderen} THEN c.start_date IS NOT NULL
                   ELSE c.start_date IS DISTINCT FROM CAST(n.start_date AS DATE) END`,
    );
    await store.run(
      sql`INSERT INTO care_period (municipality, allocation_no, provider_agb, client_id, start_date, start_file_id)
       SELECT receiver, allocation_no, sender, client_id, CAST(start_date AS DATE), file_id FROM (${latest}) WHERE status <> ${S.verwijderen}
       ON CONFLICT (municipality, allocation_no) DO UPDATE SET start_date = excluded.start_date,
         start_file_id = excluded.start_file_id, provider_agb = excluded.provider_agb, client_id = excluded.client_id
       WHERE care_period.start_date IS DISTINCT FROM excluded.start_date`,
    );
    await store.run(
      sql`UPDATE care_period SET start_date = NULL, start_file_id = n.file_id
        FROM (${latest}) n WHERE n.status = ${S.verwijderen} AND care_period.municipality = n.receiver
         AND care_period.allocation_no = n.allocation_no AND care_period.start_date IS NOT NULL`,
    );
    await store.run(sql`DELETE FROM care_period WHERE municipality IN (SELECT receiver FROM (${mergedFiles(stage)}))
      AND start_date IS NULL AND end_date IS NULL`);
    return changed;
  },
};
