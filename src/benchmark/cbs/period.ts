// CBS period keys (`2019JJ00`, `2020HJ01`, `2019KW01`, `2019MM03`: year, a two-letter kind, a two-digit index) into typed
// periods with Roer's own keys. A key of any other shape is refused with its reason (Dutch).
import type { CbsPeriod, PeriodKind } from './types.ts';

const KINDS: Record<string, { kind: PeriodKind; max: number }> = {
  JJ: { kind: 'jaar', max: 0 },
  HJ: { kind: 'halfjaar', max: 2 },
  KW: { kind: 'kwartaal', max: 4 },
  MM: { kind: 'maand', max: 12 },
};

/**
 * Parses a CBS period key; returns the period or a Dutch reason.
 * @example parsePeriod('2020HJ01') // → { ok: true, period: { cbs: '2020HJ01', key: '2020-H1', year: 2020, kind: 'halfjaar', index: 1, … } }
 */
export function parsePeriod(
  raw: string,
  meta: { title?: string | null; status?: string | null } = {},
): { ok: true; period: CbsPeriod } | { ok: false; reason: string } {
  const cbs = raw.trim();
  const m = /^(\d{4})([A-Z]{2})(\d{2})$/.exec(cbs);
  const spec = m ? KINDS[m[2]!] : undefined;
  if (!m || !spec)
    return { ok: false, reason: `'${cbs}' is geen CBS-periode (verwacht bijv. 2019JJ00, 2020HJ01, 2019KW01, 2019MM03)` };
  const year = Number(m[1]);
  const index = Number(m[3]);
  const valid = spec.max === 0 ? index === 0 : index >= 1 && index <= spec.max;
  if (!valid) return { ok: false, reason: `'${cbs}': volgnummer ${m[3]} past niet bij periodesoort ${m[2]}` };
  const key =
    spec.kind === 'jaar'
      ? String(year)
      : spec.kind === 'halfjaar'
        ? `${year}-H${index}`
        : spec.kind === 'kwartaal'
          ? `${year}-K${index}`
          : `${year}-${String(index).padStart(2, '0')}`;
  return { ok: true, period: { cbs, key, year, kind: spec.kind, index, title: meta.title ?? null, status: meta.status ?? null } };
}
