// JW301 toewijzing: one allocation per ToegewezenProduct, identified by municipality (Afzender) + ToewijzingNummer.
// A later Toewijzingsdatum+tijd replaces an earlier version; RedenWijziging 13 marks it deleted (the row is kept).
// All variants: specific (Omvang: volume, unit, frequency), aspecific with Budget, generic (Budget without product).
import { REDEN_WIJZIGING_VERWIJDERD } from './codes.ts';
import {
  CLIENT_COLUMNS,
  ensureProducts,
  ensureProviders,
  ensureUnknownReferrer,
  referrerIdSql,
  upsertClients,
} from './entities.ts';
import { countPerFile, headed, integer, type MessageModule } from './module.ts';
import { birthDate } from './walk.ts';
import { sql } from '../../store/index.ts';

interface Allocated {
  no: string | null;
  reference: string | null;
  category: string | null;
  code: string | null;
  date: string | null;
  time: string | null;
  start: string | null;
  end: string | null;
  volume: string | null;
  unit: string | null;
  frequency: string | null;
  budget: string | null;
  reason: string | null;
}

const v = (name: string) => ({ name, type: 'VARCHAR' as const });
const b = (name: string) => ({ name, type: 'BIGINT' as const });

export const jw301: MessageModule<Allocated> = {
  kind: 'JW301',
  columns: [
    v('allocation_no'),
    v('provider_reference'),
    v('product_category'),
    v('product_code'),
    v('allocated_at'),
    v('start_date'),
    v('end_date'),
    b('volume'),
    v('unit'),
    v('frequency'),
    b('budget_cents'),
    v('change_reason'),
    ...CLIENT_COLUMNS,
  ],
  parser: {
    recordElement: 'ToegewezenProduct',
    newRecord: () => ({
      no: null,
      reference: null,
      category: null,
      code: null,
      date: null,
      time: null,
      start: null,
      end: null,
      volume: null,
      unit: null,
      frequency: null,
      budget: null,
      reason: null,
    }),
    leaf(r, name, parent, text) {
      if (parent === 'ToegewezenProduct') {
        switch (name) {
          case 'ToewijzingNummer':
            r.no = text;
            break;
          case 'ReferentieAanbieder':
            r.reference = text;
            break;
          case 'Toewijzingsdatum':
            r.date = text;
            break;
          case 'Toewijzingstijd':
            r.time = text;
            break;
          case 'Ingangsdatum':
            r.start = text;
            break;
          case 'Einddatum':
            r.end = text;
            break;
          case 'RedenWijziging':
            r.reason = text;
            break;
          case 'Budget':
            r.budget = text;
            break;
          // Commentaar is free text and deliberately not read.
        }
      } else if (parent === 'Product') {
        if (name === 'Categorie') r.category = text;
        else if (name === 'Code') r.code = text;
      } else if (parent === 'Omvang') {
        if (name === 'Volume') r.volume = text;
        else if (name === 'Eenheid') r.unit = text;
        else if (name === 'Frequentie') r.frequency = text;
      }
    },
    row: (r, c) => [
      r.no,
      r.reference,
      r.category,
      r.code,
      r.date && r.time ? `${r.date} ${r.time.slice(0, 8)}` : r.date,
      r.start,
      r.end,
      integer(r.volume),
      r.unit,
      r.frequency,
      integer(r.budget),
      r.reason,
      birthDate(c),
      c.sex,
    ],
  },

  key: (h, own) => `${h.afzender}|${own[0]}`,

  async merge(store, stage) {
    await ensureProviders(store, stage, 'receiver');
    await ensureUnknownReferrer(store, stage);
    await ensureProducts(store, stage);
    await upsertClients(store, stage, 'sender', true);
    // Within one file the latest version of an allocation counts; against the store, only a strictly later one.
    const latest = sql`SELECT * FROM (${headed(stage)})
      QUALIFY row_number() OVER (PARTITION BY file_idx, allocation_no ORDER BY CAST(allocated_at AS TIMESTAMP) DESC, rec_no DESC) = 1`;
    const changed = await countPerFile(
      store,
      sql`SELECT n.file_idx FROM (${latest}) n LEFT JOIN allocation a ON a.municipality = n.sender AND a.allocation_no = n.allocation_no
        WHERE a.allocation_no IS NULL OR CAST(n.allocated_at AS TIMESTAMP) > a.allocated_at`,
    );
    await store.run(
      sql`INSERT INTO allocation (municipality, allocation_no, client_id, provider_agb, provider_reference, product_category,
         product_code, allocated_at, start_date, end_date, volume, unit, frequency, budget_cents, change_reason, deleted,
         referrer_id, file_id)
       SELECT n.sender, n.allocation_no, n.client_id, n.receiver, n.provider_reference, n.product_category, n.product_code,
         CAST(n.allocated_at AS TIMESTAMP), CAST(n.start_date AS DATE), CAST(n.end_date AS DATE), n.volume, n.unit, n.frequency,
         n.budget_cents, n.change_reason, coalesce(n.change_reason = ${REDEN_WIJZIGING_VERWIJDERD}, false),
         coalesce(${referrerIdSql(sql`r.referrer_type`, sql`r.referrer_agb`)}, '00:'), n.file_id
         FROM (${latest}) n LEFT JOIN request r ON r.provider_agb = n.receiver AND r.municipality = n.sender AND r.client_id = n.client_id
          AND r.provider_reference = n.provider_reference
       ON CONFLICT (municipality, allocation_no) DO UPDATE SET client_id = excluded.client_id, provider_agb = excluded.provider_agb,
         provider_reference = excluded.provider_reference, product_category = excluded.product_category,
         product_code = excluded.product_code, allocated_at = excluded.allocated_at, start_date = excluded.start_date,
         end_date = excluded.end_date, volume = excluded.volume, unit = excluded.unit, frequency = excluded.frequency,
         budget_cents = excluded.budget_cents, change_reason = excluded.change_reason, deleted = excluded.deleted,
         referrer_id = CASE WHEN excluded.referrer_id = '00:' THEN allocation.referrer_id ELSE excluded.referrer_id END,
         file_id = excluded.file_id
       WHERE excluded.allocated_at > allocation.allocated_at`,
    );
    return changed;
  },
};
