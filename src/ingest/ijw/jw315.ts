// JW315 verzoek om toewijzing: one request per requested product. Gives the request date (waiting times) and the
// referrer, which JW301 lacks; an allocation that arrived earlier with referrer "unknown" is linked here.
import { CLIENT_COLUMNS, ensureProducts, ensureProviders, ensureReferrers, referrerIdSql, upsertClients } from './entities.ts';
import { STAGE_FILE, countPerFile, headed, type MessageModule } from './module.ts';
import { birthDate } from './walk.ts';
import { VERWIJZER_ONBEKEND } from './codes.ts';
import { ident, sql } from '../../store/index.ts';

interface Requested {
  reference: string | null;
  category: string | null;
  code: string | null;
  start: string | null;
  end: string | null;
  referrerType: string | null;
  referrerAgb: string | null;
}

const v = (name: string) => ({ name, type: 'VARCHAR' as const });

export const jw315: MessageModule<Requested> = {
  kind: 'JW315',
  columns: [
    v('provider_reference'),
    v('product_category'),
    v('product_code'),
    v('requested_start'),
    v('requested_end'),
    v('referrer_type'),
    v('referrer_agb'),
    ...CLIENT_COLUMNS,
  ],
  parser: {
    recordElement: 'AangevraagdProduct',
    newRecord: () => ({
      reference: null,
      category: null,
      code: null,
      start: null,
      end: null,
      referrerType: null,
      referrerAgb: null,
    }),
    leaf(r, name, parent, text) {
      if (parent === 'AangevraagdProduct') {
        if (name === 'ReferentieAanbieder') r.reference = text;
        else if (name === 'ToewijzingIngangsdatum') r.start = text;
        else if (name === 'ToewijzingEinddatum') r.end = text;
      } else if (parent === 'Product') {
        if (name === 'Categorie') r.category = text;
        else if (name === 'Code') r.code = text;
      } else if (parent === 'Verwijzer') {
        if (name === 'Type') r.referrerType = text;
        else if (name === 'ZorgverlenerCode') r.referrerAgb = text;
        // Naam (of the referrer) is deliberately not read.
      }
    },
    row: (r, c) => [
      r.reference,
      r.category,
      r.code,
      r.start,
      r.end,
      r.referrerType ?? VERWIJZER_ONBEKEND,
      r.referrerAgb,
      birthDate(c),
      c.sex,
    ],
  },

  key: (h, own, clientId) => `${h.afzender}|${h.ontvanger}|${own[0]}|${clientId}`,

  async merge(store, stage) {
    await ensureProviders(store, stage, 'sender');
    await ensureProducts(store, stage);
    await upsertClients(store, stage, 'receiver', false);
    await ensureReferrers(store, stage);
    // The last request per (reference, client) in the file; a request replaces an older one of the same key.
    const latest = sql`SELECT * FROM (${headed(stage)})
      QUALIFY row_number() OVER (PARTITION BY file_idx, provider_reference, client_id ORDER BY rec_no DESC) = 1`;
    const changed = await countPerFile(
      store,
      sql`SELECT n.file_idx FROM (${latest}) n LEFT JOIN request r ON r.provider_agb = n.sender AND r.municipality = n.receiver
         AND r.provider_reference = n.provider_reference AND r.client_id = n.client_id
       WHERE r.client_id IS NULL OR r.request_date <= CAST(n.message_date AS DATE)`,
    );
    await store.run(
      sql`INSERT INTO request SELECT sender, provider_reference, receiver, client_id, CAST(message_date AS DATE), product_category,
         product_code, CAST(requested_start AS DATE), CAST(requested_end AS DATE), referrer_type, referrer_agb, file_id FROM (${latest})
       ON CONFLICT DO UPDATE SET request_date = excluded.request_date, product_category = excluded.product_category,
         product_code = excluded.product_code, requested_start = excluded.requested_start, requested_end = excluded.requested_end,
         referrer_type = excluded.referrer_type, referrer_agb = excluded.referrer_agb, file_id = excluded.file_id
       WHERE excluded.request_date >= request.request_date`,
    );
    // Allocations that arrived before their request get its referrer now (never overriding a known one).
    await store.run(
      sql`UPDATE allocation SET referrer_id = ${referrerIdSql(sql`r.referrer_type`, sql`r.referrer_agb`)}
         FROM request r WHERE r.file_id IN (SELECT file_id FROM ${ident(STAGE_FILE)}) AND allocation.referrer_id = '00:'
          AND allocation.municipality = r.municipality AND allocation.provider_agb = r.provider_agb
          AND allocation.client_id = r.client_id AND allocation.provider_reference = r.provider_reference`,
    );
    return changed;
  },
};
