// Reference groups: the municipalities a municipality is compared with — its youth-care region, its size class, or a
// list of neighbours the user chose — and the group's figure, pooled (sum of counts over sum of bases), never an
// average of the members' percentages, so a large member weighs as much as its youths do.
import { type SizeClass, SIZE_CLASSES, sizeClass } from './context.ts';

export type ReferenceGroup =
  | { kind: 'regio'; region: string }
  | { kind: 'grootteklasse'; sizeClass: SizeClass['key'] }
  | { kind: 'buren'; municipalities: readonly string[] };

/** What a group is chosen from: each municipality's code, youth-care region and population (null when unknown). */
export interface MunicipalityFacts {
  code: string;
  name: string;
  region: string | null;
  population: number | null;
}

/** The group's Dutch name for a table header or a legend. */
export function groupLabel(group: ReferenceGroup): string {
  if (group.kind === 'regio') return `jeugdzorgregio ${group.region}`;
  if (group.kind === 'grootteklasse') return `gemeenten met ${SIZE_CLASSES.find((c) => c.key === group.sizeClass)!.label}`;
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
  const usable = members.filter((m) => m.count !== null && m.base !== null);
  const base = usable.reduce((t, m) => t + m.base!, 0);
  const count = usable.reduce((t, m) => t + m.count!, 0);
  return {
    percent: base > 0 ? (count / base) * 100 : null,
    used: usable.map((m) => m.code),
    leftOut: members.filter((m) => !usable.includes(m)).map((m) => m.code),
  };
}
