// Reference groups: the municipalities a municipality is compared with — its youth-care region, its size class, a
// list of neighbours the user chose, or those with similar context deciles (within ±1) — and the group's figure, pooled (sum of counts over sum of bases), never an
// average of the members' percentages, so a large member weighs as much as its youths do.
import { type SizeClass, SIZE_CLASSES, sizeClass } from './context.ts';
import { DECILE_KINDS, type DecileKind } from './deciles.ts';

export type ReferenceGroup =
  | { kind: 'regio'; region: string }
  | { kind: 'grootteklasse'; sizeClass: SizeClass['key'] }
  | { kind: 'buren'; municipalities: readonly string[] }
  | ContextGroup;

/**
 * Municipalities whose deciles in `year` each lie within ±1 of the given ones (decile 4 → 3 to 5), and, when
 * `sizeClass` is given, of that size class too.
 */
export interface ContextGroup {
  kind: 'context';
  year: number;
  deciles: Partial<Record<DecileKind, number>>;
  sizeClass?: SizeClass['key'];
}

/** How far a member's decile may lie from the group's: one decile either way. */
export const DECILE_WIDTH = 1;

/** What a group is chosen from: each municipality's code, youth-care region and population (null when unknown). */
export interface MunicipalityFacts {
  code: string;
  name: string;
  region: string | null;
  population: number | null;
  /** Its context deciles in the year a context group is about (absent or missing: not imported). */
  deciles?: Partial<Record<DecileKind, number>>;
}

const span = (d: number) => [Math.max(1, d - DECILE_WIDTH), Math.min(10, d + DECILE_WIDTH)] as const;

/** The group's Dutch name for a table header or a legend. */
export function groupLabel(group: ReferenceGroup): string {
  if (group.kind === 'regio') return `jeugdzorgregio ${group.region}`;
  if (group.kind === 'grootteklasse') return `gemeenten met ${SIZE_CLASSES.find((c) => c.key === group.sizeClass)!.label}`;
  if (group.kind === 'context') {
    const parts = Object.entries(group.deciles).map(([k, d]) => {
      const [lo, hi] = span(d);
      return `${DECILE_KINDS[k as DecileKind].label} ${lo}–${hi}`;
    });
    const size = group.sizeClass ? ` en ${SIZE_CLASSES.find((c) => c.key === group.sizeClass)!.label}` : '';
    return `gemeenten met ${parts.join(' en ')}${size} (${group.year})`;
  }
  return `gekozen buurgemeenten (${group.municipalities.length})`;
}

/**
 * The members of a group other than `self`, by code; `unknown` lists those whose membership cannot be decided (a size
 * class needs a population), so a view can say who is left out instead of silently dropping them.
 */
export function groupMembers(
  group: ReferenceGroup,
  all: readonly MunicipalityFacts[],
  self: string,
): { members: string[]; unknown: string[] } {
  const others = all.filter((m) => m.code !== self);
  if (group.kind === 'buren') {
    const known = new Set(all.map((m) => m.code));
    return {
      members: group.municipalities.filter((c) => c !== self && known.has(c)),
      unknown: group.municipalities.filter((c) => !known.has(c)),
    };
  }
  if (group.kind === 'regio') return { members: others.filter((m) => m.region === group.region).map((m) => m.code), unknown: [] };
  if (group.kind === 'context') {
    const wanted = Object.entries(group.deciles) as [DecileKind, number][];
    const undecided = (m: MunicipalityFacts) =>
      wanted.some(([k]) => m.deciles?.[k] === undefined) || (group.sizeClass !== undefined && m.population === null);
    const near = (m: MunicipalityFacts) =>
      wanted.every(([k, d]) => Math.abs(m.deciles![k]! - d) <= DECILE_WIDTH) &&
      (group.sizeClass === undefined || sizeClass(m.population!).key === group.sizeClass);
    return {
      members: others.filter((m) => !undecided(m) && near(m)).map((m) => m.code),
      unknown: others.filter(undecided).map((m) => m.code),
    };
  }
  return {
    members: others.filter((m) => m.population !== null && sizeClass(m.population).key === group.sizeClass).map((m) => m.code),
    unknown: others.filter((m) => m.population === null).map((m) => m.code),
  };
}

/**
 * A group's rate: the members' counts summed over their bases summed, × 100. Members with either figure missing are
 * left out and named, so the rate is over the members it says it is over.
 * @example pooledRate([{ code: 'a', count: 10, base: 100 }, { code: 'b', count: 30, base: 100 }]).percent // → 20
 */
export function pooledRate(members: readonly { code: string; count: number | null; base: number | null }[]): {
  percent: number | null;
  used: string[];
  leftOut: string[];
} {
  const { ratio, ...rest } = pooledRatio(members);
  return { percent: ratio === null ? null : ratio * 100, ...rest };
}

/**
 * The same pooling as a plain ratio (a cost per inhabitant: the members' costs summed over their inhabitants summed).
 * @example pooledRatio([{ code: 'a', count: 2_000, base: 10 }, { code: 'b', count: 1_000, base: 20 }]).ratio // → 100
 */
export function pooledRatio(members: readonly { code: string; count: number | null; base: number | null }[]): {
  ratio: number | null;
  used: string[];
  leftOut: string[];
} {
  const usable = members.filter((m) => m.count !== null && m.base !== null);
  const base = usable.reduce((t, m) => t + m.base!, 0);
  const count = usable.reduce((t, m) => t + m.count!, 0);
  return {
    ratio: base > 0 ? count / base : null,
    used: usable.map((m) => m.code),
    leftOut: members.filter((m) => !usable.includes(m)).map((m) => m.code),
  };
}
