// A FICTITIOUS set of context deciles (income and child poverty) for every municipality of the reference list and each
// demo year, in the form a user would import it (CSV: CBS code, name, year, deciles, and a 'Bron' column saying it is
// made up), so the benchmark's context reference group works out of the box. Seeded: the same seed, the same file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readCsv } from '../benchmark/cbs/csv.ts';
import { Rng } from '../random.ts';
import { municipalityList } from '../reference.ts';
import { FICTITIOUS } from './cbsnational.ts';
import { YEARS } from './region.ts';

/** Where the file lies under the demo folder: a folder of its own, so the demo's tabular import never reads it. */
export const CONTEXT_FILE = join('context', 'decielen-fictief.csv');

/** Ranks scores into deciles: the lowest tenth 1, the highest 10 (ties by code, so the order is stable). */
function deciles(scores: { code: string; score: number }[]): Map<string, number> {
  const sorted = [...scores].sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
  return new Map(sorted.map((s, i) => [s.code, Math.floor((i * 10) / sorted.length) + 1]));
}

/**
 * The decile file's text: per municipality a seeded income level that drifts a little each year, and a child-poverty
 * level that runs against it with noise (poorer places have more child poverty, not always).
 */
export function contextDecilesCsv(seed: string | number): string {
  // Read as CSV, not split on commas: "Nuenen, Gerwen en Nederwetten" is one name.
  const { header, rows } = readCsv(readFileSync(municipalityList(), 'utf8'));
  const [codeAt, nameAt] = [header.indexOf('gemeentecode'), header.indexOf('gemeentenaam')];
  const rng = new Rng(`${seed}:context`);
  const places = rows.map(({ cells }) => {
    const code = cells[codeAt]!.trim();
    const r = rng.fork(code);
    return { code, name: cells[nameAt]!.trim(), income: r.normal(), poverty: r.normal(), r };
  });
  const out = ['Gemeentecode;Gemeentenaam;Jaar;Inkomensdeciel;Kinderarmoededeciel;Bron'];
  for (const year of YEARS) {
    for (const p of places) {
      p.income += 0.1 * p.r.normal();
      p.poverty += 0.1 * p.r.normal();
    }
    const income = deciles(places.map((p) => ({ code: p.code, score: p.income })));
    const poverty = deciles(places.map((p) => ({ code: p.code, score: 0.3 * p.poverty - 0.7 * p.income })));
    for (const p of places) out.push(`GM${p.code};${p.name};${year};${income.get(p.code)};${poverty.get(p.code)};${FICTITIOUS}`);
  }
  return `${out.join('\n')}\n`;
}

/** Writes the file under `outDir`; returns its path. */
export function writeContextDeciles(outDir: string, seed: string | number): string {
  const path = join(outDir, CONTEXT_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contextDecilesCsv(seed));
  return path;
}
