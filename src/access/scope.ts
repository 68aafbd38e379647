// Forces the caller's scope into every metric question before it reaches SQL, and refuses what the role may not see.
// Invariant: the returned request never asks for data outside the user's municipalities / provider / team; asking for
// it explicitly is an error (never silently someone else's data, never silently narrowed without saying so).
import type { Filters, Metric, MetricRequest } from '../metrics/types.ts';
import { denied } from './errors.ts';
import { RIGHTS, teamMunicipality, type User } from './roles.ts';

/** What of a metric the scope rules need to know. */
export type MetricShape = Pick<Metric, 'id' | 'title' | 'splits' | 'clientRows'>;

/** The dimensions a user is pinned to, with the codes allowed; absent = not restricted on that dimension. */
export interface Scope {
  municipality?: string[];
  provider?: string[];
  team?: string[];
}

/**
 * The user's fixed scope. Admins have none; everyone else may be pinned to municipalities, a provider or a team.
 * A team lead without --gemeente is pinned to the team's municipality (part of the team id), so notes and lists that
 * are scoped by municipality only stay within it.
 */
export function scopeOf(user: User): Scope {
  if (user.role === 'admin') return {};
  const s: Scope = {};
  const teamIn = user.role === 'team_lead' && user.team ? teamMunicipality(user.team) : null;
  if (user.municipalities.length > 0) s.municipality = [...user.municipalities];
  else if (teamIn) s.municipality = [teamIn];
  if (user.role === 'provider') s.provider = user.provider ? [user.provider] : [];
  if (user.role === 'team_lead') s.team = user.team ? [user.team] : [];
  return s;
}

/** Dutch names of the scoped dimensions, for messages. */
export const WHAT: Record<keyof Scope, string> = { municipality: 'gemeente', provider: 'aanbieder', team: 'team' };

/** Parameters that pick the N largest: a small N would single out individual clients for suppressed roles. */
const TOP_PARAMS = ['top', 'n', 'top_n'];

/** The threshold below which counts are suppressed (configurable per installation; default 10). */
export const DEFAULT_THRESHOLD = 10;

/**
 * Returns `request` with the caller's scope forced into its filters, or throws an AccessError (403) naming the parameter.
 * @example scopeRequest(analyst0150, costs, { filters: {}, split: ['year'] }).filters.municipality // ['0150']
 */
export function scopeRequest(
  user: User,
  metric: MetricShape,
  request: MetricRequest,
  threshold = DEFAULT_THRESHOLD,
): MetricRequest {
  const rights = RIGHTS[user.role];
  if (metric.clientRows && !rights.clientRows) {
    throw denied(`'${metric.title}' toont gegevens per cliënt; met de rol ${rights.label} mag u die niet inzien.`, 'metric');
  }
  const filters: Filters = { ...request.filters };
  const scope = scopeOf(user);
  for (const dim of Object.keys(scope) as (keyof Scope)[]) {
    const allowed = scope[dim]!;
    if (allowed.length === 0)
      throw denied(`Uw account heeft geen ${WHAT[dim]} toegewezen; vraag de beheerder dit te regelen.`, dim);
    const asked = filters[dim];
    if (asked !== undefined && !Array.isArray(asked)) throw denied(`Filter '${dim}' moet een lijst zijn.`, dim);
    const outside = (asked ?? []).filter((v) => !allowed.includes(v));
    if (outside.length > 0) {
      throw denied(
        `U heeft geen toegang tot ${WHAT[dim]} ${outside.slice(0, 3).join(', ')}; uw account is beperkt tot ${allowed.join(', ')}.`,
        dim,
      );
    }
    // Absent or empty both mean "everything I may see": never let an empty list reach SQL as "no filter".
    filters[dim] = asked && asked.length > 0 ? [...new Set(asked)] : [...allowed];
  }
  if (rights.suppressed) {
    for (const [name, value] of Object.entries(request.params ?? {})) {
      if (TOP_PARAMS.includes(name.toLowerCase()) && !(Number(value) >= threshold)) {
        throw denied(
          `Met de rol ${rights.label} moet '${name}' minstens ${threshold} zijn, zodat geen enkele cliënt herkenbaar wordt.`,
          `p.${name}`,
        );
      }
    }
  }
  return { ...request, filters, split: [...request.split] };
}

/** Throws unless the user's role has `right`. @example assertRight(user, 'administer', 'het auditlog inzien') */
export function assertRight(
  user: User,
  right: 'administer' | 'writeNotes' | 'readNotes' | 'importStatus' | 'upload',
  doing: string,
): void {
  if (!RIGHTS[user.role][right]) throw denied(`Met de rol ${RIGHTS[user.role].label} mag u ${doing} niet.`);
}

/**
 * Scopes a notes query: the municipalities asked for must be the user's own; absent means all of the user's own.
 * Returns the municipality filter to apply (undefined = all, for unrestricted users).
 */
export function scopeNotes(user: User, asked: string[] | undefined): string[] | undefined {
  assertRight(user, 'readNotes', 'notities lezen');
  return forceMunicipalities(user, asked);
}

/** Throws unless the user may write a note about `municipality` (or about the whole region, when null). */
export function assertNoteWrite(user: User, municipality: string | null): void {
  assertRight(user, 'writeNotes', 'notities schrijven');
  const own = scopeOf(user).municipality;
  if (own && (municipality === null || !own.includes(municipality))) {
    throw denied(
      `U mag alleen notities schrijven bij uw eigen gemeente${own.length > 1 ? 'n' : ''} (${own.join(', ')}).`,
      'municipality',
    );
  }
}

/**
 * Throws unless the user may read or write the introduction and conclusions of a report on `municipality` (null: the
 * region). Like notes they are free text: only within the own municipalities, and the region's only for a user
 * pinned to none (its text may speak of every municipality).
 */
export function assertReportText(user: User, municipality: string | null, write: boolean): void {
  if (write) assertRight(user, 'writeNotes', 'rapportteksten schrijven');
  else assertRight(user, 'readNotes', 'rapportteksten lezen');
  const scope = scopeOf(user);
  const own = scope.municipality;
  if (!own && Object.keys(scope).length > 0)
    throw denied('Uw account heeft geen gemeente toegewezen; vraag de beheerder dit te regelen.', 'gemeente');
  if (own && (municipality === null || !own.includes(municipality))) {
    throw denied(
      `U mag alleen rapportteksten ${write ? 'schrijven' : 'lezen'} bij uw eigen gemeente${own.length > 1 ? 'n' : ''} (${own.join(', ')}).`,
      'gemeente',
    );
  }
}

/** Throws unless a report on `municipality` (null: the region, narrowed to the own municipalities) is in the scope. */
export function assertReportPlace(user: User, municipality: string | null): void {
  const own = scopeOf(user).municipality;
  if (own && municipality !== null && !own.includes(municipality)) {
    throw denied(`U heeft geen toegang tot gemeente ${municipality}; uw account is beperkt tot ${own.join(', ')}.`, 'gemeente');
  }
}

/**
 * The municipalities a year-end forecast of `municipality` (null: the region) sums, or a refusal. Its rows are euro
 * totals without a client count: like suppress.ts, which refuses such a table to a role that sees only suppressed
 * figures, readers and providers are refused; so is an account pinned to a team, whose forecast would hold other teams.
 */
export function forecastMunicipalities(user: User, municipality: string | null): string[] | null {
  if (RIGHTS[user.role].suppressed || scopeOf(user).team)
    throw denied(
      `Het verwachte jaareinde bestaat alleen uit bedragen zonder aantal cliënten; met de rol ${RIGHTS[user.role].label} kunt u het niet inzien.`,
      'gemeente',
    );
  assertReportPlace(user, municipality);
  const own = scopeOf(user).municipality;
  return municipality !== null ? [municipality] : (own ?? null);
}

function forceMunicipalities(user: User, asked: string[] | undefined): string[] | undefined {
  const scope = scopeOf(user);
  const own = scope.municipality;
  // Only a user without any pin (administrator, region-wide reader) reads every municipality's and the region's notes;
  // one pinned to a team or provider but to no municipality reads none rather than all.
  if (!own && Object.keys(scope).length > 0)
    throw denied('Uw account heeft geen gemeente toegewezen; vraag de beheerder dit te regelen.', 'municipality');
  if (!own) return asked && asked.length > 0 ? asked : undefined;
  const outside = (asked ?? []).filter((m) => !own.includes(m));
  if (outside.length) throw denied(`U heeft geen toegang tot gemeente ${outside.join(', ')}.`, 'municipality');
  return asked && asked.length > 0 ? asked : own;
}

/** Narrows the lists of a dimensions answer (municipalities, providers, teams) to what the user may filter on. */
export function scopeDimensions<T extends Record<string, unknown>>(user: User, dims: T): T {
  const scope = scopeOf(user);
  const out: Record<string, unknown> = { ...dims };
  for (const dim of Object.keys(scope) as (keyof Scope)[]) {
    const list = out[dim];
    if (Array.isArray(list)) out[dim] = list.filter((d: { value?: unknown }) => scope[dim]!.includes(String(d?.value)));
  }
  return out as T;
}

/**
 * A saved view's filters as `user` may open them: codes outside the user's scope are dropped (never widened), and a view
 * that names only codes outside it is refused. Dimensions the view leaves open stay open: every question the opened view
 * asks is scoped again by scopeRequest. Returns the filters and, when something was dropped, a Dutch sentence saying so.
 * @example narrowFilters(analyst0150, { municipality: ['0150', '1708'] }) // { filters: { municipality: ['0150'] }, narrowed: '…' }
 */
export function narrowFilters(
  user: User,
  filters: Record<string, string[]>,
): { filters: Record<string, string[]>; narrowed: string | null } {
  const scope = scopeOf(user);
  const out = { ...filters };
  const dropped: string[] = [];
  for (const dim of Object.keys(scope) as (keyof Scope)[]) {
    const allowed = scope[dim]!;
    const asked = filters[dim];
    if (!asked?.length) continue;
    const kept = asked.filter((v) => allowed.includes(v));
    if (kept.length === 0) throw denied(`Deze weergave gaat over een ${WHAT[dim]} waar u geen toegang toe heeft.`, dim);
    if (kept.length < asked.length) dropped.push(`${WHAT[dim]} ${asked.filter((v) => !allowed.includes(v)).join(', ')}`);
    out[dim] = kept;
  }
  const narrowed = dropped.length
    ? `Deze weergave is beperkt tot wat u mag zien: ${dropped.join('; ')} ${dropped.length > 1 ? 'zijn' : 'is'} weggelaten.`
    : null;
  return { filters: out, narrowed };
}

/**
 * Throws unless the user may read or (`write`) edit the measures register of `municipality` (null: the region). Like
 * notes it is free text, so it needs the notes rights, and a municipality's register only within the own ones; the
 * region's register (the regional plan, shared by its municipalities) may be read by all who read notes, but edited
 * only by a user pinned to no municipality.
 */
export function assertMeasures(user: User, municipality: string | null, write: boolean): void {
  if (write) assertRight(user, 'writeNotes', 'maatregelen bewerken');
  else assertRight(user, 'readNotes', 'maatregelen inzien');
  const scope = scopeOf(user);
  const own = scope.municipality;
  if (!own && Object.keys(scope).length > 0)
    throw denied('Uw account heeft geen gemeente toegewezen; vraag de beheerder dit te regelen.', 'gemeente');
  if (own && municipality !== null && !own.includes(municipality))
    throw denied(`U heeft geen toegang tot de maatregelen van gemeente ${municipality}.`, 'gemeente');
  if (own && municipality === null && write)
    throw denied('Alleen wie niet aan een gemeente gebonden is, mag de maatregelen van de regio bewerken.', 'gemeente');
}

/**
 * Saved reference groups of a municipality: read within the own municipalities (everyone), saved or deleted by those
 * who may write notes. CBS's figures are public; the groups are a municipality's own working choice.
 */
export function assertReferenceGroups(user: User, municipality: string, write: boolean): void {
  if (write) assertRight(user, 'writeNotes', 'referentiegroepen bewaren');
  const own = scopeOf(user).municipality;
  if (own && !own.includes(municipality))
    throw denied(`U heeft geen toegang tot de referentiegroepen van gemeente ${municipality}.`, 'gemeente');
}
