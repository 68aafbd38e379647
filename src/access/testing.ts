// Test fixtures for the access layer: one user per role and a small fake catalogue whose metrics honour (or, for the
// leak tests, deliberately ignore) the filters; audit entries as Roer wrote them before the chain had a key. Used only
// by tests; the real catalogue is tested the same way.
import { createHash } from 'node:crypto';
import { sql, type Store } from '../store/index.ts';
import type { AuditRow } from './audit.ts';
import type { Dimension, Metric, MetricRequest, MetricResult } from '../metrics/types.ts';
import type { User } from './roles.ts';

export const users = {
  admin: { name: 'anna', role: 'admin', municipalities: [], provider: null, team: null },
  analyst: { name: 'bert', role: 'analyst', municipalities: ['0150'], provider: null, team: null },
  analyst2: { name: 'bea', role: 'analyst', municipalities: ['0150', '1708'], provider: null, team: null },
  teamLead: { name: 'cor', role: 'team_lead', municipalities: ['0150'], provider: null, team: 'T1' },
  provider: { name: 'dirk', role: 'provider', municipalities: [], provider: '11111111', team: null },
  reader: { name: 'els', role: 'reader', municipalities: ['0150'], provider: null, team: null },
  readerRegion: { name: 'frits', role: 'reader', municipalities: [], provider: null, team: null },
} satisfies Record<string, User>;

export const allUsers: User[] = Object.values(users);

/** One invoice-like fact per municipality × provider × team × care type. */
export const facts = [
  { municipality: '0150', provider: '11111111', team: 'T1', care_type: 'ambulant', clients: 40, cost: 400_000_00 },
  { municipality: '0150', provider: '22222222', team: 'T1', care_type: 'verblijf', clients: 12, cost: 900_000_00 },
  { municipality: '0150', provider: '22222222', team: 'T2', care_type: 'crisis', clients: 3, cost: 81_000_00 },
  { municipality: '1708', provider: '11111111', team: 'T3', care_type: 'ambulant', clients: 25, cost: 250_000_00 },
  { municipality: '1708', provider: '33333333', team: 'T3', care_type: 'verblijf', clients: 7, cost: 500_000_00 },
  { municipality: '0166', provider: '33333333', team: 'T4', care_type: 'ambulant', clients: 30, cost: 300_000_00 },
];
type Fact = (typeof facts)[number];
const FACT_DIMS = ['municipality', 'provider', 'team', 'care_type'] as const;

/** Sums `facts` honouring the request's filters and split, like a real metric would in SQL. */
function computeFacts(id: string, request: MetricRequest, honour = true): MetricResult {
  const keep = (f: Fact) => !honour || FACT_DIMS.every((d) => !request.filters[d]?.length || request.filters[d]!.includes(f[d]));
  const split = request.split.filter((d): d is (typeof FACT_DIMS)[number] => (FACT_DIMS as readonly string[]).includes(d));
  const groups = new Map<string, Record<string, string | number>>();
  let total = { clients: 0, cost: 0 };
  for (const f of facts.filter(keep)) {
    const key = JSON.stringify(split.map((d) => f[d]));
    const g = groups.get(key) ?? Object.fromEntries([...split.map((d) => [d, f[d]]), ['clients', 0], ['cost', 0]]);
    (g.clients as number) += f.clients;
    (g.cost as number) += f.cost;
    groups.set(key, g);
    total = { clients: total.clients + f.clients, cost: total.cost + f.cost };
  }
  return {
    metric: id,
    title: `Test ${id}`,
    columns: [
      ...split.map((d) => ({ name: d, label: d, unit: 'text' as const })),
      { name: 'clients', label: 'Cliënten', unit: 'count', clientCount: true },
      { name: 'cost', label: 'Kosten', unit: 'eur' },
    ],
    rows: [...groups.values()],
    totals: total,
    filters: honour ? request.filters : {},
    split: request.split,
  };
}

const SPLITS: readonly Dimension[] = ['year', 'municipality', 'provider', 'team', 'care_type'];

function fake(id: string, extra: Partial<Metric> = {}, honour = true): Metric {
  return {
    id,
    title: `Test ${id}`,
    definition: 'test',
    splits: SPLITS,
    compute: async (_s, r) => computeFacts(id, r, honour),
    ...extra,
  };
}

/** A catalogue stand-in: an aggregate metric, a client-row metric, one with a top-N parameter. */
export const fakeCatalogue: Metric[] = [
  fake('costs'),
  fake('intensive_list', { clientRows: true }),
  fake('top_share', { params: [{ name: 'top', label: 'Aantal', type: 'number', default: 10 }] }),
];

/** A broken metric that ignores every filter: the guard must refuse its answers to scoped users. */
export const leakyMetric = fake('leaky', {}, false);

/** A seeded generator (mulberry32): the same seed gives the same test data on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the unkeyed version of Roer wrote, and what anyone can compute: SHA-256 over the predecessor and the fields. */
export function sha256Entry(prev: string, r: AuditRow): string {
  const fields = [r.logged_at, r.actor, r.role, r.action, r.target, r.detail, r.row_count, r.outcome, r.ip];
  return createHash('sha256').update(prev).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** Entries as the version before the key wrote them (anna, 2026-12-01 at 09:00, 09:01, …). */
export async function writeUnkeyed(store: Store, actions: string[]): Promise<void> {
  let prev = '';
  for (const [i, action] of actions.entries()) {
    const r = {
      logged_at: `2026-12-01T09:0${i}:00`,
      actor: 'anna',
      role: 'admin',
      action,
      target: null,
      detail: null,
      row_count: null,
      outcome: 'ok',
      ip: '10.0.0.1',
    } as AuditRow;
    const hash = sha256Entry(prev, r);
    await store.run(
      sql`INSERT INTO audit_log (logged_at, actor, role, action, target, detail, row_count, outcome, ip, prev_hash, hash)
       VALUES (${r.logged_at}::TIMESTAMP, ${r.actor}, ${r.role}, ${r.action}, ${r.target}, ${r.detail}, ${r.row_count}, ${r.outcome}, ${r.ip}, ${prev}, ${hash})`,
    );
    prev = hash;
  }
}
