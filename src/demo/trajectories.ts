// Youths entering and moving through care in one municipality: inflow per month, spells of episodes (escalation and
// step-down, stacking, re-entry, extended care 18+) and the allocations that cover them, 2013 warm-up to 2024.
import { COURSE, CARE_TYPES, PRODUCTS_BY_TYPE, REFERRER_TYPES, type CareType, type Product } from './catalogue.ts';
import { addMonths, day, monthStart, monthEnd, yearOf, type Day } from './dates.ts';
import type { Allocation, Client } from './model.ts';
import { referrerFor, type Provider, type Referrer, type Referrers } from './parties.ts';
import { youths, type Municipality } from './region.ts';
import type { Rng } from '../random.ts';
import type { BsnSequence } from './bsn.ts';
import { storyEpisodes } from './story.ts';

export const DATA_START = day(2015, 1, 1);
export const DATA_END = day(2024, 12, 31);
const WARM_UP_YEAR = 2009;

/** Share of youths 0–17 with youth care per year, and the inflow that produces it (calibrated on the simulation). */
const CARE_RATE: Record<number, number> = {
  2015: 0.09,
  2016: 0.093,
  2017: 0.097,
  2018: 0.1,
  2019: 0.102,
  2020: 0.102,
  2021: 0.104,
  2022: 0.106,
  2023: 0.108,
  2024: 0.11,
};
const INFLOW_PER_RATE = 0.48;
/** Chance that the first allocation of an episode is never used (care never starts there). */
const P_UNUSED = 0.3;
const P_REENTRY = 0.2;
const EARLY_REASONS = ['32', '33', '34', '35', '38'];

export interface SimContext {
  rng: Rng;
  scale: number;
  providers: Provider[];
  referrers: Referrers;
  bsns: BsnSequence;
}

export interface Episode {
  type: CareType;
  start: Day;
  end: Day;
  /** Ended because the youth turned 18 (outflow to another domain). */
  adult: boolean;
  stacked: boolean;
  sameProviderAs?: Episode;
  provider?: Provider;
  /** Set by a story (see story.ts): this provider, product and referrer instead of drawn ones. */
  fixed?: { provider: Provider; product: Product; referrer: Referrer };
}

const ENTRY_WEIGHTS = CARE_TYPES.map((t) => COURSE[t].entry);
const AGE_WEIGHTS = [2, 2, 3, 3, 4, 5, 6, 7, 8, 8, 9, 9, 10, 11, 12, 12, 11, 8];

function pickWeighted<K extends string>(rng: Rng, table: Partial<Record<K, number>>): K {
  const keys = Object.keys(table) as K[];
  return rng.weighted(
    keys,
    keys.map((k) => table[k] as number),
  );
}

function ageAt(c: Client, d: Day): number {
  return Math.floor((d - c.birth) / 365.25);
}

function birthday(c: Client, years: number): Day {
  return c.birth + Math.round(years * 365.25);
}

/** Simulates one municipality: its clients and all allocations that touch 2015–2024. */
export function simulateMunicipality(m: Municipality, ctx: SimContext): { clients: Client[]; allocations: Allocation[] } {
  const { rng } = ctx;
  const clients: Client[] = [];
  const episodes: { client: Client; eps: Episode[] }[] = [];

  const newClient = (entry: Day, type: CareType, rng = ctx.rng): Client => {
    const age =
      type === 'jeugdreclassering'
        ? rng.int(12, 17)
        : type === 'jeugdbescherming' || type === 'pleegzorg'
          ? rng.int(0, 17)
          : rng.weighted(
              AGE_WEIGHTS.map((_, i) => i),
              AGE_WEIGHTS,
            );
    const district = rng.pick(m.districts);
    const c: Client = {
      bsn: ctx.bsns.next(),
      birth: entry - Math.round(age * 365.25) - rng.int(0, 364),
      sex: rng.chance(0.56) ? '1' : '2',
      municipality: m.code,
      district: district.name,
      postcode4: rng.pick(district.postcodes),
      team: district.team,
    };
    clients.push(c);
    return c;
  };

  const runSpell = (client: Client, start: Day, first: CareType, rng = ctx.rng): Episode[] => {
    const eps: Episode[] = [];
    let type = first;
    let t = start;
    for (;;) {
      if (t > DATA_END || ageAt(client, t) >= 18) break;
      const course = COURSE[type];
      const len = Math.max(type === 'crisis' ? 7 : 21, Math.round(rng.logNormal(course.months, course.sigma) * 30.44));
      let end = t + len;
      let adult = false;
      const eighteen = birthday(client, 18);
      if (end >= eighteen) {
        if (course.extendable && rng.chance(0.5)) end = Math.min(end, birthday(client, 21) - 1);
        else end = eighteen - 1;
        adult = true;
      }
      const ep: Episode = { type, start: t, end, adult, stacked: false };
      eps.push(ep);
      if (rng.chance(course.stack)) {
        const st = pickWeighted(rng, course.stackWith);
        const sStart = rng.chance(0.5) ? t : t + rng.int(0, Math.floor((end - t) / 2));
        const sLen = Math.max(21, Math.round(rng.logNormal(COURSE[st].months, COURSE[st].sigma) * 30.44));
        eps.push({
          type: st,
          start: sStart,
          end: Math.min(end, sStart + sLen),
          adult: false,
          stacked: true,
          sameProviderAs: sStart === t ? ep : undefined,
        });
      }
      if (adult) break;
      const next = pickWeighted(rng, course.next);
      if (next === 'einde') break;
      type = next;
      t = end + 1 + rng.int(0, 30);
    }
    return eps;
  };

  for (let year = WARM_UP_YEAR; year <= 2024; year++) {
    const rate = CARE_RATE[Math.max(2015, year)] * INFLOW_PER_RATE * m.usage;
    for (let month = 0; month < 12; month++) {
      const mi = year * 12 + month;
      const n = rng.poisson((youths(m, Math.max(2015, year), ctx.scale) * rate) / 12);
      for (let i = 0; i < n; i++) {
        const first = rng.weighted(CARE_TYPES, ENTRY_WEIGHTS);
        let start = monthStart(mi) + rng.int(0, monthEnd(mi) - monthStart(mi));
        const client = newClient(start, first);
        const eps = runSpell(client, start, first);
        // Re-entry after a gap: a new spell, typically a year or more later.
        let last = eps.length ? Math.max(...eps.map((e) => e.end)) : start;
        while (eps.length && rng.chance(P_REENTRY) && ageAt(client, last) < 17) {
          start = last + Math.round(rng.logNormal(14, 0.7) * 30.44);
          let again = rng.weighted(CARE_TYPES, ENTRY_WEIGHTS);
          if (again === 'jeugdreclassering' && ageAt(client, start) < 12) again = 'ambulant';
          const more = runSpell(client, start, again);
          if (!more.length) break;
          eps.push(...more);
          last = Math.max(...more.map((e) => e.end));
        }
        episodes.push({ client, eps });
      }
    }
  }

  // The municipality's story (if any) draws from its own stream, so the rest of the simulation stays as it was.
  const storyRng = rng.fork('verhaal');
  episodes.push(
    ...storyEpisodes(
      m,
      ctx,
      storyRng,
      (start, type) => newClient(start, type, storyRng),
      (client, start, type) => runSpell(client, start, type, storyRng),
    ),
  );

  const drafts: Allocation[] = [];
  for (const { client, eps } of episodes) {
    let spellReferrer: Referrer | null = null;
    const story = eps.some((ep) => ep.fixed);
    for (const ep of eps) {
      if (story) {
        const referrer: Referrer =
          ep.fixed?.referrer ?? spellReferrer ?? referrerFor(storyRng, '02', ctx.referrers, m, client.team);
        spellReferrer ??= referrer;
        allocateEpisode({ ...ctx, rng: storyRng }, m, client, ep, referrer, drafts);
        continue;
      }
      const weights = COURSE[ep.type].referrers;
      const referrer: Referrer =
        !ep.stacked && spellReferrer && rng.chance(0.5)
          ? spellReferrer
          : referrerFor(rng, rng.weighted(REFERRER_TYPES, weights), ctx.referrers, m, client.team);
      if (!ep.stacked) spellReferrer = referrer;
      allocateEpisode(ctx, m, client, ep, referrer, drafts);
    }
  }
  const used = new Set<Client>();
  const allocations = drafts.filter(
    (a) => (a.end === null || a.end >= DATA_START) && a.start <= DATA_END && a.allocatedOn <= DATA_END,
  );
  for (const a of allocations) {
    used.add(a.client);
    if (a.start < DATA_START) {
      // Transition law of 2015: care running on 1 January 2015 was allocated anew from that date.
      a.start = DATA_START;
      if (a.careStart !== null && a.careStart < DATA_START) a.careStart = DATA_START;
      a.allocatedOn = DATA_START - rng.int(10, 40);
      a.requestDate = a.allocatedOn - rng.int(3, 10);
    }
  }
  // Number allocations in the order they were made (a stable sort keeps generation order for ties).
  allocations.sort((x, y) => x.allocatedOn - y.allocatedOn);
  allocations.forEach((a, i) => {
    a.no = 100_001 + i;
    a.providerRef = `VA${m.code}-${a.no}`;
  });
  return { clients: clients.filter((c) => used.has(c)), allocations };
}

function chooseProvider(rng: Rng, providers: Provider[], type: CareType, not?: Provider): Provider {
  let offering = providers.filter((p) => p.careTypes.includes(type) && p !== not);
  if (!offering.length) offering = providers.filter((p) => p.careTypes.includes(type));
  return rng.weighted(
    offering,
    offering.map((p) => p.weight),
  );
}

function clock(rng: Rng): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(rng.int(8, 17))}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}`;
}

/** Turns an episode into allocations: maybe an unused one first, then consecutive re-indications until its end. */
function allocateEpisode(
  ctx: SimContext,
  m: Municipality,
  client: Client,
  ep: Episode,
  referrer: Referrer,
  out: Allocation[],
): void {
  const { rng } = ctx;
  const course = COURSE[ep.type];
  const product =
    ep.fixed?.product ??
    rng.weighted(
      PRODUCTS_BY_TYPE[ep.type],
      PRODUCTS_BY_TYPE[ep.type].map((p) => p.weight),
    );
  const [lo, hi] = product.volume;
  const monthlyVolume = rng.int(lo, hi);
  const same = ep.sameProviderAs?.provider;
  let provider =
    ep.fixed?.provider ??
    (same?.careTypes.includes(ep.type) && rng.chance(0.5) ? same : chooseProvider(rng, ctx.providers, ep.type));
  let start = ep.start;
  const wait = Math.max(1, Math.round(rng.logNormal(18, 0.6)));
  const draft = (
    start: Day,
    end: Day | null,
    careStart: Day | null,
    careEnd: Day | null,
    endReason: string | null,
    reindication: boolean,
    requestDate: Day,
    allocatedOn: Day,
  ) =>
    out.push({
      municipality: m.code,
      no: 0,
      client,
      provider,
      product,
      providerRef: '',
      requestDate,
      allocatedOn,
      allocatedTime: clock(rng),
      start,
      end,
      monthlyVolume,
      referrer,
      team: client.team,
      careStart,
      careEnd,
      endReason,
      reindication,
    });

  if (!ep.stacked && rng.chance(P_UNUSED)) {
    // Allocated but never used: the youth went elsewhere (another provider, a little later) or care never started.
    draft(
      start,
      addMonths(start, course.allocationMonths) - 1,
      null,
      null,
      null,
      false,
      start - wait,
      start - Math.min(wait, rng.int(1, 10)),
    );
    const mandatory = ep.type === 'jeugdbescherming' || ep.type === 'jeugdreclassering';
    if (!mandatory && !rng.chance(0.6)) return;
    provider = chooseProvider(rng, ctx.providers, ep.type, provider);
    start += rng.int(14, 56);
    if (start >= ep.end - 7) return;
  }
  ep.provider = provider;
  const early = ep.type !== 'crisis' && rng.chance(0.3);
  const openEnded = (ep.type === 'pleegzorg' || ep.type === 'gezinshuis' || ep.type === 'jeugdbescherming') && rng.chance(0.3);
  const careEndOf = (d: Day) => (d > DATA_END ? null : d);
  let s = start;
  let first = true;
  for (;;) {
    const planned = addMonths(s, course.allocationMonths) - 1;
    const request = first ? s - wait : s - rng.int(14, 35);
    const allocatedOn = first ? request + Math.min(wait, rng.int(1, 10)) : s - rng.int(1, 13);
    if (openEnded || planned >= ep.end) {
      const end = openEnded ? null : early ? ep.end + rng.int(30, 150) : ep.end;
      const careEnd = careEndOf(ep.end);
      const reason = careEnd === null ? null : ep.adult ? '39' : early ? rng.pick(EARLY_REASONS) : '31';
      draft(s, end, s, careEnd, reason, !first, request, allocatedOn);
      return;
    }
    draft(s, planned, s, careEndOf(planned), planned > DATA_END ? null : '31', !first, request, allocatedOn);
    if (planned >= DATA_END || yearOf(planned) > 2024) return;
    s = planned + 1;
    first = false;
  }
}
