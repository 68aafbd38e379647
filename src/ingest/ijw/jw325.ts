// JW325 declaratie-antwoord: lists only the rejected prestaties, each with its return codes (LDT_RetourCode), so that
// accepted = claimed − rejected. Provider = Ontvanger; a later answer for the same line replaces an earlier one.
import { CREDIT, RETOUR_GEEN_OPMERKING } from './codes.ts';
import { countPerFile, headed, integer, type MessageModule } from './module.ts';
import { sql } from '../../store/index.ts';

interface Rejected {
  reference: string | null;
  amount: string | null;
  dc: string | null;
  codes: string[];
}

export const jw325: MessageModule<Rejected> = {
  kind: 'JW325',
  columns: [
    { name: 'reference', type: 'VARCHAR' },
    { name: 'return_codes', type: 'VARCHAR' },
    { name: 'amount_cents', type: 'BIGINT' },
  ],
  parser: {
    recordElement: 'Prestatie',
    newRecord: () => ({ reference: null, amount: null, dc: null, codes: [] }),
    leaf(r, name, parent, text) {
      if (parent === 'ProductReferentie' && name === 'ReferentieNummer') r.reference = text;
      else if (parent === 'IngediendBedrag') {
        if (name === 'Bedrag') r.amount = text;
        else if (name === 'DebetCredit') r.dc = text;
      } else if (parent === 'RetourCodes' && name === 'RetourCode') r.codes.push(text);
    },
    row(r) {
      const amount = integer(r.amount);
      return [r.reference, r.codes.join(','), amount === null ? null : r.dc === CREDIT ? -amount : amount];
    },
  },

  key: (h, own) => `${h.ontvanger}|${own[0]}`,

  async merge(store, stage) {
    // A line whose only code is 0200 ("geen opmerking") is not a rejection.
    const rejected = sql`SELECT * FROM (${headed(stage)}) WHERE list_filter(string_split(return_codes, ','), x -> x <> ${RETOUR_GEEN_OPMERKING}) <> []
      QUALIFY row_number() OVER (PARTITION BY file_idx, reference ORDER BY rec_no DESC) = 1`;
    const changed = await countPerFile(
      store,
      sql`SELECT n.file_idx FROM (${rejected}) n LEFT JOIN invoice_rejection r ON r.provider_agb = n.receiver AND r.reference = n.reference
        WHERE r.reference IS NULL OR (r.answered_on <= CAST(n.message_date AS DATE)
          AND (r.return_codes, r.amount_cents) IS DISTINCT FROM (n.return_codes, n.amount_cents))`,
    );
    await store.run(
      sql`INSERT INTO invoice_rejection SELECT receiver, reference, return_codes, amount_cents, CAST(message_date AS DATE), file_id
         FROM (${rejected})
       ON CONFLICT (provider_agb, reference) DO UPDATE SET return_codes = excluded.return_codes,
         amount_cents = excluded.amount_cents, answered_on = excluded.answered_on, file_id = excluded.file_id
       WHERE excluded.answered_on >= invoice_rejection.answered_on`,
    );
    return changed;
  },
};
