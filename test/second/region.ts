// A small iJw 3.2 region made to hold every situation that has misled figures before (issue 12): two municipalities,
// three providers, 2022–2024, hand-written edge cases plus seeded ordinary clients. Output: message files and a product
// list, exactly as a municipality would import them. Deterministic for a seed.
import { BsnSequence } from '../../src/demo/bsn.ts';
import { Rng } from '../../src/random.ts';
import { jw301, jw305, jw307, jw315, jw323, jw325, type Allocated, type Prestatie } from '../ingest/ijw-messages.ts';

export const MUNICIPALITIES = ['0150', '1708'] as const;
export const YEARS = [2022, 2023, 2024] as const;
const PROVIDERS = ['12345678', '87654321', '11112222'] as const;

/** Product list: code, category, care type, unit, frequency the allocations use, tariff in cents per year. */
export const PRODUCTS = [
  { code: '45A01', cat: '45', careType: 'ambulant', unit: '04', freq: '2', tariff: { 2022: 80_00, 2023: 84_50, 2024: 88_25 } },
  { code: '43A01', cat: '43', careType: 'verblijf', unit: '14', freq: '1', tariff: { 2022: 250_00, 2023: 262_10, 2024: 275_35 } },
  {
    code: '44A01',
    cat: '44',
    careType: 'dagbehandeling',
    unit: '16',
    freq: '4',
    tariff: { 2022: 60_00, 2023: 63_00, 2024: 66_10 },
  },
  { code: '45A02', cat: '45', careType: 'ambulant', unit: '04', freq: '6', tariff: { 2022: 90_00, 2023: 95_00, 2024: 99_99 } },
] as const;
type Product = (typeof PRODUCTS)[number];

/** A product list as a regional product-list export (CSV) and the mapping that reads it. */
export function productList(): { csv: string; mapping: unknown } {
  const rows = PRODUCTS.flatMap((p) =>
    YEARS.map((y) =>
      [p.code, p.cat, p.careType, `Product ${p.code}`, y, Number(p.unit), (p.tariff[y] / 100).toFixed(2)].join(','),
    ),
  );
  return {
    csv: `${['Productcode,Categorie,Zorgsoort,Omschrijving,Jaar,Eenheid,Tarief', ...rows].join('\n')}\n`,
    mapping: {
      source: 'Regionale productlijst',
      tables: [
        {
          kind: 'products',
          files: 'producten*.csv',
          delimiter: ',',
          decimal: '.',
          columns: {
            product_code: 'Productcode',
            product_category: 'Categorie',
            care_type: 'Zorgsoort',
            description: 'Omschrijving',
            year: 'Jaar',
            unit: 'Eenheid',
            tariff: 'Tarief',
          },
        },
      ],
    },
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (s: string, n: number) => iso(new Date(day(s).getTime() + n * 86_400_000));
const monthEnd = (y: number, m: number) => iso(new Date(Date.UTC(y, m, 0)));

interface Line {
  provider: string;
  municipality: string;
  bsn: string;
  p: Prestatie;
  sendMonth: string;
}
interface Rejection {
  provider: string;
  municipality: string;
  bsn: string;
  p: Prestatie;
  codes: string[];
  sendMonth: string;
}

/** Builds the region's messages; `files` maps a file name to its XML (or the product list CSV and mapping). */
export class RegionBuilder {
  readonly files: Record<string, string> = {};
  private lines: Line[] = [];
  private rejections: Rejection[] = [];
  private ids = new Map<string, number>();
  private refs = new Map<string, number>();
  private bsns = new BsnSequence(3_000_000);

  bsn(): string {
    return this.bsns.next();
  }

  private id(sender: string): string {
    const n = (this.ids.get(sender) ?? 0) + 1;
    this.ids.set(sender, n);
    return `M${n}`;
  }

  /** A fresh reference, unique for the sender only (the same text is used by other providers too). */
  ref(provider: string): string {
    const n = (this.refs.get(provider) ?? 0) + 1;
    this.refs.set(provider, n);
    return `R${n}`;
  }

  /** JW301: municipality → provider, one or more allocation versions for one client. */
  allocate(municipality: string, provider: string, bsn: string, items: Allocated[], birth?: string): void {
    const id = this.id(municipality);
    let xml = jw301({ afzender: municipality, ontvanger: provider, id, date: items[0].date }, bsn, items);
    if (birth) xml = xml.replace('<ijw:Datum>2010-02-14</ijw:Datum>', `<ijw:Datum>${birth}</ijw:Datum>`);
    this.files[`jw301_${municipality}_${id}.xml`] = xml;
  }

  request(
    provider: string,
    municipality: string,
    bsn: string,
    ref: string,
    p: Product,
    start: string,
    end: string,
    referrer: string,
  ): void {
    const id = this.id(provider);
    this.files[`jw315_${provider}_${id}.xml`] = jw315({ afzender: provider, ontvanger: municipality, id, date: start }, bsn, [
      {
        ref,
        cat: p.cat,
        code: p.code,
        start,
        end,
        referrer: { type: referrer, agb: referrer === '02' ? '01598930' : undefined },
      },
    ]);
  }

  startCare(provider: string, municipality: string, bsn: string, no: string, p: Product, start: string): void {
    const id = this.id(provider);
    this.files[`jw305_${provider}_${id}.xml`] = jw305({ afzender: provider, ontvanger: municipality, id, date: start }, bsn, [
      { no, cat: p.cat, code: p.code, start, status: '1' },
    ]);
  }

  stopCare(provider: string, municipality: string, bsn: string, no: string, p: Product, start: string, end: string): void {
    const id = this.id(provider);
    this.files[`jw307_${provider}_${id}.xml`] = jw307({ afzender: provider, ontvanger: municipality, id, date: end }, bsn, [
      { no, cat: p.cat, code: p.code, start, end, reason: '31', status: '1' },
    ]);
  }

  /** One invoice line, sent in the JW323 of `sendMonth` (YYYY-MM, default the month after the care). */
  invoice(provider: string, municipality: string, bsn: string, p: Prestatie, sendMonth?: string): Prestatie {
    const [y, m] = p.to.split('-').map(Number);
    this.lines.push({
      provider,
      municipality,
      bsn,
      p,
      sendMonth: sendMonth ?? (m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`),
    });
    return p;
  }

  /** A JW325 answer rejecting `p` with `codes`, sent in `sendMonth`. */
  reject(provider: string, municipality: string, bsn: string, p: Prestatie, codes: string[], sendMonth: string): void {
    this.rejections.push({ provider, municipality, bsn, p, codes, sendMonth });
  }

  /** Writes the JW323s (one per provider × municipality × send month) and JW325s; returns the JW323 file names. */
  finish(): string[] {
    const names: string[] = [];
    const groups = new Map<string, Line[]>();
    for (const l of this.lines) {
      const k = `${l.provider}|${l.municipality}|${l.sendMonth}`;
      groups.set(k, [...(groups.get(k) ?? []), l]);
    }
    for (const [k, ls] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const [provider, municipality, month] = k.split('|');
      const id = this.id(provider);
      const byClient = new Map<string, Prestatie[]>();
      for (const l of ls) byClient.set(l.bsn, [...(byClient.get(l.bsn) ?? []), l.p]);
      const name = `jw323_${provider}_${municipality}_${month}_${id}.xml`;
      this.files[name] = jw323({ afzender: provider, ontvanger: municipality, id, date: `${month}-05` }, [...byClient]);
      names.push(name);
    }
    for (const r of this.rejections) {
      const id = this.id(r.municipality);
      this.files[`jw325_${r.municipality}_${id}.xml`] = jw325(
        { afzender: r.municipality, ontvanger: r.provider, id, date: `${r.sendMonth}-20` },
        [[r.bsn, [{ ...r.p, codes: r.codes }]]],
      );
    }
    return names;
  }
}

/** Monthly lines for `no` over [from, to] (care period), `volume` units a month at the tariff of the care's year. */
function monthly(
  b: RegionBuilder,
  provider: string,
  municipality: string,
  bsn: string,
  no: string,
  p: Product,
  from: string,
  to: string,
  volume: number,
  skip = (_: string) => false,
): Prestatie[] {
  const out: Prestatie[] = [];
  for (let s = from; s <= to; ) {
    const [y, m] = s.split('-').map(Number);
    const end = monthEnd(y, m) < to ? monthEnd(y, m) : to;
    if (!skip(s)) {
      const tariff = p.tariff[y as 2022] ?? p.tariff[2024];
      out.push(
        b.invoice(provider, municipality, bsn, {
          ref: b.ref(provider),
          no,
          cat: p.cat,
          code: p.code,
          from: s,
          to: end,
          volume,
          unit: p.unit,
          tariff,
          amount: volume * tariff,
          dc: 'D',
        }),
      );
    }
    s = addDays(end, 1);
  }
  return out;
}

const omvang = (p: Product, v: number): [number, string, string] => [v, p.unit, p.freq];
const [AMB, VERBLIJF, DAG, TOTAAL] = PRODUCTS;
const [P1, P2, P3] = PROVIDERS;
const [DEV, STW] = MUNICIPALITIES;
const T = '09:00:00';

/** The whole region: edge cases first, then `ordinary` seeded clients. */
export function buildRegion(seed = 7, ordinary = 60): Record<string, string> {
  const b = new RegionBuilder();
  const random = new Rng(seed);
  const r = () => random.next();

  // 1. An allocation across New Year, per week (weeks touched count in both years), used.
  let c = b.bsn();
  b.allocate(DEV, P1, c, [
    {
      no: '1001',
      cat: AMB.cat,
      code: AMB.code,
      date: '2022-11-10',
      time: T,
      start: '2022-11-16',
      end: '2023-02-10',
      omvang: omvang(AMB, 3),
    },
  ]);
  monthly(b, P1, DEV, c, '1001', AMB, '2022-11-16', '2023-02-10', 10);

  // 2. Care ending 31 December with its December line sent in January; and a March line sent late, in May.
  c = b.bsn();
  b.allocate(STW, P2, c, [
    {
      no: '2001',
      cat: VERBLIJF.cat,
      code: VERBLIJF.code,
      date: '2023-02-20',
      time: T,
      start: '2023-03-01',
      end: '2023-12-31',
      omvang: omvang(VERBLIJF, 1),
    },
  ]);
  monthly(b, P2, STW, c, '2001', VERBLIJF, '2023-03-01', '2023-12-31', 28, (s) => s.startsWith('2023-03'));
  b.invoice(
    P2,
    STW,
    c,
    {
      ref: b.ref(P2),
      no: '2001',
      cat: VERBLIJF.cat,
      code: VERBLIJF.code,
      from: '2023-03-01',
      to: '2023-03-31',
      volume: 31,
      unit: '14',
      tariff: 262_10,
      amount: 31 * 262_10,
      dc: 'D',
    },
    '2023-05',
  );

  // 3. A client moving from Deventer to Steenwijkerland mid-2022 (same allocation number in both municipalities).
  c = b.bsn();
  b.allocate(DEV, P1, c, [
    {
      no: '3001',
      cat: AMB.cat,
      code: AMB.code,
      date: '2021-12-20',
      time: T,
      start: '2022-01-01',
      end: '2022-06-30',
      omvang: omvang(AMB, 2),
    },
  ]);
  monthly(b, P1, DEV, c, '3001', AMB, '2022-01-01', '2022-06-30', 8);
  b.allocate(STW, P1, c, [
    {
      no: '3001',
      cat: AMB.cat,
      code: AMB.code,
      date: '2022-06-25',
      time: T,
      start: '2022-07-01',
      end: '2023-03-31',
      omvang: omvang(AMB, 2),
    },
  ]);
  monthly(b, P1, STW, c, '3001', AMB, '2022-07-01', '2023-03-31', 7);

  // 4. Stacked, overlapping allocations of one category (two ambulant products at once).
  c = b.bsn();
  b.allocate(DEV, P2, c, [
    {
      no: '4001',
      cat: AMB.cat,
      code: AMB.code,
      date: '2023-01-05',
      time: T,
      start: '2023-01-09',
      end: '2023-09-30',
      omvang: omvang(AMB, 2),
    },
    {
      no: '4002',
      cat: TOTAAL.cat,
      code: TOTAAL.code,
      date: '2023-01-05',
      time: T,
      start: '2023-04-01',
      end: '2024-03-31',
      omvang: omvang(TOTAAL, 120),
    },
  ]);
  monthly(b, P2, DEV, c, '4001', AMB, '2023-01-09', '2023-09-30', 9);
  monthly(b, P2, DEV, c, '4002', TOTAAL, '2023-04-01', '2024-03-31', 10);

  // 5. Allocations never used; a request without an allocation; an allocation without a request.
  c = b.bsn();
  b.allocate(STW, P3, c, [
    {
      no: '5001',
      cat: DAG.cat,
      code: DAG.code,
      date: '2024-01-15',
      time: T,
      start: '2024-02-01',
      end: '2024-07-31',
      omvang: omvang(DAG, 6),
    },
  ]);
  b.request(P3, STW, b.bsn(), 'AV-1', DAG, '2024-03-01', '2024-08-31', '02');
  // A product the product list does not know: no tariff, so no known allocated amount (left out of utilisation).
  b.allocate(DEV, P3, b.bsn(), [
    {
      no: '5002',
      cat: '45',
      code: '45Z99',
      date: '2023-06-01',
      time: T,
      start: '2023-06-01',
      end: '2024-01-31',
      omvang: [2, '04', '2'],
    },
  ]);

  // 6. Credit and re-debit in the same year and across years.
  c = b.bsn();
  b.request(P1, DEV, c, 'AV-6', AMB, '2023-05-01', '2024-04-30', '02');
  b.allocate(DEV, P1, c, [
    {
      no: '6001',
      ref: 'AV-6',
      cat: AMB.cat,
      code: AMB.code,
      date: '2023-04-20',
      time: T,
      start: '2023-05-01',
      end: '2024-04-30',
      omvang: omvang(AMB, 2),
    },
  ]);
  const six = monthly(b, P1, DEV, c, '6001', AMB, '2023-05-01', '2024-04-30', 8);
  for (const [orig, month] of [
    [six[1], '2023-08'],
    [six[7], '2024-03'],
  ] as const) {
    b.invoice(P1, DEV, c, { ...orig, ref: b.ref(P1), prev: orig.ref, dc: 'C' }, month);
    b.invoice(
      P1,
      DEV,
      c,
      { ...orig, ref: b.ref(P1), volume: orig.volume - 2, amount: (orig.volume - 2) * orig.tariff!, dc: 'D' },
      month,
    );
  }

  // 7. Rejected lines: one re-sent with a new reference and accepted, one not re-sent; two return codes on one.
  c = b.bsn();
  b.allocate(STW, P2, c, [
    {
      no: '7001',
      cat: AMB.cat,
      code: AMB.code,
      date: '2022-03-01',
      time: T,
      start: '2022-03-07',
      end: '2022-12-31',
      omvang: omvang(AMB, 4),
    },
  ]);
  const seven = monthly(b, P2, STW, c, '7001', AMB, '2022-03-07', '2022-12-31', 16);
  b.reject(P2, STW, c, seven[2], ['8001'], '2022-07');
  b.invoice(P2, STW, c, { ...seven[2], ref: b.ref(P2) }, '2022-08');
  b.reject(P2, STW, c, seven[5], ['8001', '0233'], '2022-10');

  // 8. An 18th birthday during care (verlengde jeugdhulp from the birthday on).
  c = b.bsn();
  b.allocate(
    DEV,
    P3,
    c,
    [
      {
        no: '8001',
        cat: VERBLIJF.cat,
        code: VERBLIJF.code,
        date: '2023-05-25',
        time: T,
        start: '2023-06-01',
        end: '2024-05-31',
        omvang: omvang(VERBLIJF, 1),
      },
    ],
    '2005-11-17',
  );
  monthly(b, P3, DEV, c, '8001', VERBLIJF, '2023-06-01', '2024-05-31', 30);

  // 9. Aspecific (category only) and generic (no product) allocations with a Budget.
  c = b.bsn();
  b.allocate(STW, P1, c, [
    { no: '9001', cat: '54', date: '2022-08-01', time: T, start: '2022-08-01', end: '2023-07-31', budget: 1_250_000 },
    { no: '9002', date: '2022-08-01', time: T, start: '2022-09-15', end: '2022-12-31', budget: 333_333 },
  ]);
  for (const [no, from, to, eur] of [
    ['9001', '2022-08-01', '2022-08-31', 900_00],
    ['9001', '2023-02-01', '2023-02-28', 1_100_00],
    ['9002', '2022-10-01', '2022-10-31', 1_500_00],
  ] as const) {
    b.invoice(P1, STW, c, {
      ref: b.ref(P1),
      no,
      cat: no === '9001' ? '54' : '45',
      code: no === '9001' ? '54001' : '45A01',
      from,
      to,
      volume: eur / 100,
      unit: '83',
      tariff: 100,
      amount: eur,
      dc: 'D',
    });
  }

  // 10. Extension, shortening and deletion (RedenWijziging 04, 05, 13); a JW301 repeating all current allocations.
  c = b.bsn();
  const a10 = { no: '1101', cat: AMB.cat, code: AMB.code, time: T, start: '2022-02-01', omvang: omvang(AMB, 2) };
  const b10 = { no: '1102', cat: DAG.cat, code: DAG.code, time: T, start: '2022-02-01', omvang: omvang(DAG, 4) };
  b.allocate(DEV, P2, c, [
    { ...a10, date: '2022-01-20', end: '2022-07-31' },
    { ...b10, date: '2022-01-20', end: '2022-12-31' },
  ]);
  b.allocate(DEV, P2, c, [
    { ...a10, date: '2022-07-15', end: '2023-01-31', reden: '04' },
    { ...b10, date: '2022-01-20', end: '2022-12-31' },
  ]);
  b.allocate(DEV, P2, c, [
    { ...a10, date: '2022-07-15', end: '2023-01-31', reden: '04' },
    { ...b10, date: '2022-09-01', end: '2022-09-30', reden: '05' },
  ]);
  monthly(b, P2, DEV, c, '1101', AMB, '2022-02-01', '2023-01-31', 7);
  monthly(b, P2, DEV, c, '1102', DAG, '2022-02-01', '2022-09-30', 3);
  const d10 = {
    no: '1103',
    cat: AMB.cat,
    code: AMB.code,
    time: T,
    start: '2023-03-01',
    end: '2023-08-31',
    omvang: omvang(AMB, 1),
  };
  b.allocate(DEV, P2, c, [{ ...d10, date: '2023-02-10' }]);
  b.allocate(DEV, P2, c, [{ ...d10, date: '2023-02-17', reden: '13' }]);

  // 11. An allocation that started before the first year, and the same message delivered twice under another name.
  c = b.bsn();
  b.allocate(STW, P3, c, [
    {
      no: '1201',
      cat: AMB.cat,
      code: AMB.code,
      date: '2020-09-20',
      time: T,
      start: '2020-10-01',
      end: '2022-03-31',
      omvang: omvang(AMB, 1),
    },
  ]);
  monthly(b, P3, STW, c, '1201', AMB, '2022-01-01', '2022-03-31', 4);
  b.startCare(P3, STW, c, '1201', AMB, '2020-10-12');
  b.stopCare(P3, STW, c, '1201', AMB, '2020-10-12', '2022-03-31');

  // Ordinary clients: random products, periods, usage; some care starts later than the allocation (JW305).
  for (let i = 0; i < ordinary; i++) {
    const bsn = b.bsn();
    const mun = MUNICIPALITIES[Math.floor(r() * 2)];
    const prov = PROVIDERS[Math.floor(r() * 3)];
    const prod = PRODUCTS[Math.floor(r() * PRODUCTS.length)];
    const start = addDays('2021-09-01', Math.floor(r() * 1100));
    const end = addDays(start, 30 + Math.floor(r() * 420));
    const lastDay = end > '2024-12-31' ? '2024-12-31' : end;
    if (start > '2024-12-31') continue;
    const no = `${mun === DEV ? 7 : 8}${2000 + i}`;
    const volume = prod.freq === '6' ? 50 + Math.floor(r() * 100) : 1 + Math.floor(r() * 5);
    b.allocate(mun, prov, bsn, [
      { no, cat: prod.cat, code: prod.code, date: addDays(start, -7), time: T, start, end, omvang: omvang(prod, volume) },
    ]);
    if (r() < 0.85) {
      const careStart = r() < 0.3 ? addDays(start, 10 + Math.floor(r() * 40)) : start;
      if (careStart <= lastDay) {
        if (careStart !== start) b.startCare(prov, mun, bsn, no, prod, careStart);
        monthly(b, prov, mun, bsn, no, prod, careStart, lastDay, 1 + Math.floor(r() * 12), () => r() < 0.1);
      }
    }
  }

  const jw323s = b.finish();
  // The same message delivered twice: a copy of the first JW323 under another file name.
  b.files[`kopie_van_${jw323s[0]}`] = b.files[jw323s[0]];
  const { csv } = productList();
  b.files['producten-regio.csv'] = csv;
  return b.files;
}
