// JW323 declaratie: one invoice line per Prestatie, identified by provider (Afzender) + ReferentieNummer; the municipality
// is the Ontvanger. A credit (DebetCredit C) is stored negative (amount and volume) with its VorigReferentieNummer; the
// new debit that corrects it is a line of its own. Both count, in the period of the care.
import { ident, sql } from '../../store/index.ts';
import { CREDIT } from './codes.ts';
import { ensureProducts, ensureProviders, upsertClients } from './entities.ts';
import { STAGE_FILE, countPerFile, headed, integer, type MessageModule } from './module.ts';

interface Prestatie {
  reference: string | null;
  previous: string | null;
  no: string | null;
  category: string | null;
  code: string | null;
  start: string | null;
  end: string | null;
  volume: string | null;
  unit: string | null;
  tariff: string | null;
  amount: string | null;
  dc: string | null;
}

const v = (name: string) => ({ name, type: 'VARCHAR' as const });
const b = (name: string) => ({ name, type: 'BIGINT' as const });

export const jw323: MessageModule<Prestatie> = {
  kind: 'JW323',
  columns: [
    v('reference'),
    v('previous_reference'),
    v('allocation_no'),
    v('invoice_no'),
    v('invoice_date'),
    v('product_category'),
    v('product_code'),
    v('period_start'),
    v('period_end'),
    b('volume'),
    v('unit'),
    b('tariff_cents'),
    b('amount_cents'),
    v('debit_credit'),
  ],
  parser: {
    recordElement: 'Prestatie',
    newRecord: () => ({
      reference: null,
      previous: null,
      no: null,
      category: null,
      code: null,
      start: null,
      end: null,
      volume: null,
      unit: null,
      tariff: null,
      amount: null,
      dc: null,
    }),
    leaf(r, name, parent, text) {
      switch (parent) {
        case 'Prestatie':
          switch (name) {
            case 'ToewijzingNummer':
              r.no = text;
              break;
            case 'ProductCategorie':
              r.category = text;
              break;
            case 'ProductCode':
              r.code = text;
              break;
            case 'GeleverdVolume':
              r.volume = text;
              break;
            case 'Eenheid':
              r.unit = text;
              break;
            case 'ProductTarief':
              r.tariff = text;
              break;
          }
          break;
        case 'ProductReferentie':
          if (name === 'ReferentieNummer') r.reference = text;
          else if (name === 'VorigReferentieNummer') r.previous = text;
          break;
        case 'ProductPeriode':
          if (name === 'Begindatum') r.start = text;
          else if (name === 'Einddatum') r.end = text;
          break;
        case 'IngediendBedrag':
          if (name === 'Bedrag') r.amount = text;
          else if (name === 'DebetCredit') r.dc = text;
          break;
      }
    },
    docLeaf(doc, name, parent, text) {
      if (parent === 'Declaratie' && (name === 'DeclaratieNummer' || name === 'DeclaratieDagtekening')) doc[name] = text;
    },
    row(r, _c, _h, doc) {
      const sign = r.dc === CREDIT ? -1 : 1;
      const amount = integer(r.amount);
      const volume = integer(r.volume);
      return [
        r.reference,
        r.previous,
        r.no,
        doc.DeclaratieNummer ?? null,
        doc.DeclaratieDagtekening ?? null,
        r.category,
        r.code,
        r.start,
        r.end,
        volume === null ? null : sign * volume,
        r.unit,
        integer(r.tariff),
        amount === null ? null : sign * amount,
        r.dc,
      ];
    },
  },

  key: (h, own) => `${h.afzender}|${own[0]}`,

  async check(store, stage) {
    const s = ident(stage);
    // A reference is unique per provider: a second use in this message, or a different line already stored, is an error.
    await store.run(
      sql`UPDATE ${s} SET q_line = line_no, q_field = 'ReferentieNummer',
         q_reason = 'ReferentieNummer ' || ${s}.reference || ' komt in dit bericht al eerder voor'
        FROM (SELECT file_idx AS fi, rec_no AS rn FROM ${s} WHERE q_reason IS NULL
          QUALIFY row_number() OVER (PARTITION BY file_idx, reference ORDER BY rec_no) > 1) d
        WHERE ${s}.q_reason IS NULL AND ${s}.file_idx = d.fi AND ${s}.rec_no = d.rn`,
    );
    await store.run(
      sql`UPDATE ${s} SET q_line = line_no, q_field = 'ReferentieNummer',
         q_reason = 'ReferentieNummer ' || ${s}.reference || ' is al gebruikt voor een andere prestatie van deze aanbieder'
        FROM invoice_line i, ${ident(STAGE_FILE)} f WHERE ${s}.q_reason IS NULL AND f.file_idx = ${s}.file_idx
         AND i.provider_agb = f.sender AND i.reference = ${s}.reference
         AND (i.amount_cents, i.period_start, i.period_end, i.client_id) IS DISTINCT FROM
             (${s}.amount_cents, CAST(${s}.period_start AS DATE), CAST(${s}.period_end AS DATE), ${s}.client_id)`,
    );
  },

  async merge(store, stage) {
    await ensureProviders(store, stage, 'sender');
    await ensureProducts(store, stage);
    await upsertClients(store, stage, 'receiver', false, false);
    const fresh = sql`SELECT * FROM (${headed(stage)}) n
      WHERE NOT EXISTS (SELECT 1 FROM invoice_line i WHERE i.provider_agb = n.sender AND i.reference = n.reference)`;
    const changed = await countPerFile(store, fresh);
    await store.run(
      sql`INSERT INTO invoice_line (provider_agb, reference, previous_reference, municipality, client_id, allocation_no, invoice_no,
         invoice_date, product_category, product_code, period_start, period_end, volume, unit, tariff_cents, amount_cents,
         debit_credit, message_kind, file_id)
       SELECT sender, reference, previous_reference, receiver, client_id, allocation_no, invoice_no, CAST(invoice_date AS DATE),
         product_category, product_code, CAST(period_start AS DATE), CAST(period_end AS DATE), volume, unit, tariff_cents,
         amount_cents, debit_credit, 'JW323', file_id FROM (${fresh})`,
    );
    return changed;
  },
};
