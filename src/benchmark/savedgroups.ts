// Saved reference groups: per municipality, named groups (region, size class, chosen neighbours, similar context
// deciles) kept in the store's
// reference_group table. A definition is parsed into a ReferenceGroup in one place, with every problem in Dutch.
import { RoerError, type RequestProblem as Problem } from '../errors.ts';
import { sql, type Store } from '../store/index.ts';
import { SIZE_CLASSES } from './context.ts';
import { DECILE_KIND_KEYS, type DecileKind } from './deciles.ts';
import type { ContextGroup, ReferenceGroup } from './groups.ts';

const CODE = /^\d{4}$/;

/** Parses a group definition (from a request or the store); returns the group or every problem with its path. */
export function parseReferenceGroup(input: unknown): { ok: true; group: ReferenceGroup } | { ok: false; problems: Problem[] } {
  const fail = (path: string, message: string) => ({ ok: false as const, problems: [{ path, message }] });
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return fail('', 'een referentiegroep is een object');
  const o = input as Record<string, unknown>;
  if (o.kind === 'regio') {
    if (typeof o.region !== 'string' || !o.region.trim()) return fail('region', 'geef de jeugdzorgregio');
    return { ok: true, group: { kind: 'regio', region: o.region.trim() } };
  }
  if (o.kind === 'grootteklasse') {
    const known = SIZE_CLASSES.map((c) => c.key);
    if (!known.includes(o.sizeClass as never))
      return fail('sizeClass', `onbekende grootteklasse ${JSON.stringify(o.sizeClass)}; kies uit ${known.join(', ')}`);
    return { ok: true, group: { kind: 'grootteklasse', sizeClass: o.sizeClass as (typeof known)[number] } };
  }
  if (o.kind === 'buren') {
    if (!Array.isArray(o.municipalities) || o.municipalities.length === 0)
      return fail('municipalities', 'geef een of meer gemeentecodes');
    const problems = o.municipalities.flatMap((c, i) =>
      typeof c === 'string' && CODE.test(c)
        ? []
        : [{ path: `municipalities[${i}]`, message: `${JSON.stringify(c)} is geen gemeentecode van vier cijfers` }],
    );
    if (problems.length) return { ok: false, problems };
    return { ok: true, group: { kind: 'buren', municipalities: [...new Set(o.municipalities as string[])] } };
  }
  if (o.kind === 'context') return parseContextGroup(o);
  return fail('kind', `onbekende soort ${JSON.stringify(o.kind)}; kies uit regio, grootteklasse, buren, context`);
}

/** A context group: a year, one or more deciles (1–10) by kind, and optionally a size class. */
function parseContextGroup(o: Record<string, unknown>): { ok: true; group: ContextGroup } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (typeof o.year !== 'number' || !Number.isInteger(o.year) || o.year < 1990 || o.year > 2100)
    problems.push({ path: 'year', message: `${JSON.stringify(o.year)} is geen jaar` });
  const deciles: Partial<Record<DecileKind, number>> = {};
  if (o.deciles === null || typeof o.deciles !== 'object' || Array.isArray(o.deciles) || !Object.keys(o.deciles).length)
    problems.push({ path: 'deciles', message: `geef een of meer decielen, bijv. { "inkomen": 4 }` });
  else
    for (const [k, d] of Object.entries(o.deciles)) {
      if (!DECILE_KIND_KEYS.includes(k as DecileKind))
        problems.push({ path: `deciles.${k}`, message: `onbekend deciel '${k}'; kies uit ${DECILE_KIND_KEYS.join(', ')}` });
      else if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > 10)
        problems.push({ path: `deciles.${k}`, message: `${JSON.stringify(d)} is geen deciel (1 tot en met 10)` });
      else deciles[k as DecileKind] = d;
    }
  const known = SIZE_CLASSES.map((c) => c.key);
  if (o.sizeClass !== undefined && !known.includes(o.sizeClass as never))
    problems.push({
      path: 'sizeClass',
      message: `onbekende grootteklasse ${JSON.stringify(o.sizeClass)}; kies uit ${known.join(', ')}`,
    });
  if (problems.length) return { ok: false, problems };
  const sizeClass = o.sizeClass as ContextGroup['sizeClass'];
  return { ok: true, group: { kind: 'context', year: o.year as number, deciles, ...(sizeClass ? { sizeClass } : {}) } };
}

/** Saves (or replaces) the group `name` of `municipality`; region and neighbour codes must be known municipalities. */
export async function saveReferenceGroup(
  store: Store,
  municipality: string,
  name: string,
  group: ReferenceGroup,
  savedBy: string,
): Promise<void> {
  if (!name.trim()) throw new RoerError('Geef de referentiegroep een naam');
  const codes = [municipality, ...(group.kind === 'buren' ? group.municipalities : [])];
  const known = new Set((await store.all<{ code: string }>(sql`SELECT code FROM municipality`)).map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw new RoerError(`Onbekende gemeentecode(s): ${unknown.join(', ')}`);
  if (group.kind === 'regio' && !(await store.one(sql`SELECT 1 FROM municipality WHERE region = ${group.region}`)))
    throw new RoerError(`Onbekende jeugdzorgregio '${group.region}'`);
  await store.run(sql`INSERT OR REPLACE INTO reference_group
    VALUES (${municipality}, ${name.trim()}, ${JSON.stringify(group)}, ${savedBy}, current_timestamp)`);
}

/** The saved groups of `municipality`, by name. */
export async function listReferenceGroups(
  store: Store,
  municipality: string,
): Promise<{ name: string; group: ReferenceGroup }[]> {
  const rows = await store.all<{ name: string; definition: string }>(
    sql`SELECT name, definition FROM reference_group WHERE municipality = ${municipality} ORDER BY lower(name)`,
  );
  return rows.map((r) => {
    const parsed = parseReferenceGroup(JSON.parse(r.definition));
    if (!parsed.ok) throw new RoerError(`Referentiegroep '${r.name}' is beschadigd: ${parsed.problems[0]!.message}`);
    return { name: r.name, group: parsed.group };
  });
}

/** Deletes a saved group; returns whether it existed. */
export async function deleteReferenceGroup(store: Store, municipality: string, name: string): Promise<boolean> {
  return (await store.run(sql`DELETE FROM reference_group WHERE municipality = ${municipality} AND name = ${name}`)) > 0;
}
