// Municipal mergers (herindelingen) for trend series: the figures of municipalities that merged are summed onto today's
// municipality, so a series of Eemsdelta runs back before 2021 as Appingedam + Delfzijl + Loppersum.
import { readFileSync } from 'node:fs';
import { RoerError } from '../errors.ts';
import { MERGERS_TABLE } from '../reference.ts';
import { readCsv } from './cbs/csv.ts';
import type { MissingReason } from './cbs/types.ts';

/** From 1 January `year`, municipality `from` is part of `into` (four-digit codes). */
export interface Merger {
  year: number;
  into: string;
  from: string;
}

/** Reads the merger list (reference/gemeenten/herindelingen.csv). */
export function readMergers(path = MERGERS_TABLE): Merger[] {
  const { header, rows } = readCsv(readFileSync(path, 'utf8'));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new RoerError(`${path}: kolom '${name}' ontbreekt`);
    return i;
  };
  const [year, into, from] = [col('jaar'), col('nieuwe_code'), col('oude_code')];
  return rows.map((r) => ({ year: Number(r.cells[year]), into: r.cells[into]!.trim(), from: r.cells[from]!.trim() }));
}

/** Today's code of a municipality: follows mergers to the end (a merged municipality may merge again). */
export function todayCode(code: string, mergers: readonly Merger[]): string {
  let current = code;
  for (let guard = 0; guard < 20; guard++) {
    const next = mergers.find((m) => m.from === current);
    if (!next) return current;
    current = next.into;
  }
  throw new RoerError(`De herindelingen rond gemeente ${code} vormen een kring`);
}

/** A figure of one municipality in one period: a value, or why there is none. */
export interface SeriesPoint {
  municipality: string;
  period: string;
  value: number | null;
  missing: MissingReason | 'deel ontbreekt' | null;
}

/**
 * Sums counts and amounts onto today's municipalities. Rules: (1) when today's municipality has its own figure for a
 * period (CBS often republishes history in today's boundaries), that figure stands and the old parts are not added, so
 * nothing is counted twice; (2) when any part of a sum is missing, the sum is missing ('deel ontbreekt'), never a partial
 * total. Ratios (percentages, per inhabitant) must not be summed: sum their numerator and denominator and divide again.
 */
export function sumOntoToday(points: readonly SeriesPoint[], mergers: readonly Merger[]): SeriesPoint[] {
  const own = new Map<string, SeriesPoint>();
  const parts = new Map<string, SeriesPoint[]>();
  for (const p of points) {
    const today = todayCode(p.municipality, mergers);
    const key = `${today}|${p.period}`;
    if (today === p.municipality) own.set(key, p);
    else parts.set(key, [...(parts.get(key) ?? []), p]);
  }
  const out = [...own.values()];
  for (const [key, list] of parts) {
    if (own.has(key)) continue;
    const [municipality, period] = key.split('|') as [string, string];
    const complete = list.every((p) => p.value !== null);
    out.push(
      complete
        ? { municipality, period, value: list.reduce((t, p) => t + p.value!, 0), missing: null }
        : { municipality, period, value: null, missing: 'deel ontbreekt' },
    );
  }
  return out.sort((a, b) => a.municipality.localeCompare(b.municipality) || a.period.localeCompare(b.period));
}
