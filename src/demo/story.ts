// The stories the demo region's figures tell, so the dashboard has something to find: in January 2018 a small practice
// starts intensive specialist youth mental-health care (GGZ zwaar) in Steenwijkerland, and two GP practices there refer
// many youths to it. Steenwijkerland's 2018 cost rise is then driven by that provider, by GP referrals and by dearer
// care-days — the question the dashboard must answer in a few clicks ("why did costs rise in 2018, and who drove it?").
// From 2020 a practice nurse for youth (employed by the youth team) works at those two practices and refers the youths
// the story sends to the practice herself, on behalf of the youth team: the monitoring panel of the example measure
// (src/demo/measures.ts) then has a real drop in GP referrals to specialist mental-health care to show. Costs stay as
// they were: only the referrer on the allocations changes, and no random draw is added or left out.
import { PRODUCTS, type CareType, type Product } from './catalogue.ts';
import { day, monthEnd, monthStart, type Day } from './dates.ts';
import type { Client } from './model.ts';
import type { Provider, Referrer, Referrers } from './parties.ts';
import type { Rng } from '../random.ts';
import { youths, type Municipality } from './region.ts';
import type { Episode } from './trajectories.ts';

export const STORY_MUNICIPALITY = '1708';
const START_YEAR = 2018;
/** Extra referrals per month per 10,000 youths: a burst in the first year, then a steady flow. */
const RATE = { first: 7.5, later: 2.5 };
const INTENSIVE = PRODUCTS.find((p) => p.code === '54G12')!;
const SPECIALIST = PRODUCTS.find((p) => p.code === '54G11')!;
/** The year the practice nurse for youth starts at the story's two GP practices (1 January). */
export const PRACTICE_NURSE_YEAR = 2020;
const PRACTICE_NURSE_START = day(PRACTICE_NURSE_YEAR, 1, 1);

/** The practice of the story: the largest small provider (outside the top 20) that offers GGZ zwaar. */
export function storyProvider(providers: Provider[]): Provider {
  return (
    providers.slice(20).find((p) => p.careTypes.includes('GGZ zwaar')) ??
    providers.find((p) => p.careTypes.includes('GGZ zwaar'))!
  );
}

/** The two GP practices of the story (the first two of the municipality). */
export function storyReferrers(refs: Referrers, municipality: string): Referrer[] {
  return refs.gps
    .get(municipality)!
    .slice(0, 2)
    .map((agb) => ({ type: '02' as const, agb }));
}

interface SimParts {
  scale: number;
  providers: Provider[];
  referrers: Referrers;
}

/**
 * The extra episodes of `m`'s story (none for other municipalities): each a new client whose first episode is GGZ zwaar
 * at the story's practice, referred by one of its two GPs (from PRACTICE_NURSE_YEAR by the practice nurse, for the youth
 * team: referrer type 01 with the client's team, as any youth-team referral), followed by whatever care comes after.
 */
export function storyEpisodes(
  m: Municipality,
  ctx: SimParts,
  rng: Rng,
  newClient: (start: Day, type: CareType) => Client,
  runSpell: (client: Client, start: Day, type: CareType) => Episode[],
): { client: Client; eps: Episode[] }[] {
  if (m.code !== STORY_MUNICIPALITY) return [];
  const provider = storyProvider(ctx.providers);
  const gps = storyReferrers(ctx.referrers, m.code);
  const out: { client: Client; eps: Episode[] }[] = [];
  for (let year = START_YEAR; year <= 2024; year++) {
    const perMonth = (youths(m, year, ctx.scale) / 10_000) * (year === START_YEAR ? RATE.first : RATE.later);
    for (let month = 0; month < 12; month++) {
      const mi = year * 12 + month;
      for (let n = rng.poisson(perMonth); n > 0; n--) {
        const start = monthStart(mi) + rng.int(0, monthEnd(mi) - monthStart(mi));
        const client = newClient(start, 'GGZ zwaar');
        const eps = runSpell(client, start, 'GGZ zwaar');
        if (!eps.length) continue;
        const product: Product = rng.chance(0.75) ? INTENSIVE : SPECIALIST;
        // The GP is drawn also after the practice nurse started, so the stream (and every figure) stays as it was.
        const gp = rng.pick(gps);
        const referrer: Referrer = start >= PRACTICE_NURSE_START ? { type: '01', name: client.team } : gp;
        eps[0].fixed = { provider, product, referrer };
        out.push({ client, eps });
      }
    }
  }
  return out;
}
