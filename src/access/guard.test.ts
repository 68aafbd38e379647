import { describe, expect, it } from 'vitest';
import type { Dimension, MetricRequest, Value } from '../metrics/types.ts';
import { Store } from '../store/index.ts';
import { readAudit } from './audit.ts';
import { AccessError } from './errors.ts';
import { perturb } from './disclosure.ts';
import { guardedCompute } from './guard.ts';
import { RIGHTS } from './roles.ts';
import { verifyResult } from './verify.ts';
import { allUsers, fakeCatalogue, leakyMetric, users } from './testing.ts';

const costs = fakeCatalogue[0];
const ask = (r: Partial<MetricRequest> = {}): MetricRequest => ({ filters: {}, split: [], ...r });
const KEY = Buffer.alloc(32, 9);
/** What a suppressed role sees of exact rows: suppression, then the perturbation of disclosure.ts. */
const seen = (key: Dimension, rows: Record<string, Value>[]) =>
  perturb(
    {
      metric: 'costs',
      title: 'Kosten',
      split: [key],
      filters: {},
      rows,
      columns: [
        { name: key, label: key, unit: 'text' },
        { name: 'clients', label: 'Cliënten', unit: 'count', clientCount: true },
        { name: 'cost', label: 'Kosten', unit: 'eur' },
      ],
    },
    KEY,
    10,
  ).rows;

describe('guardedCompute', () => {
  it("gives an analyst exactly the own municipality's figures and logs the view with the applied scope", async () => {
    const store = await Store.open(':memory:');
    const out = await guardedCompute(store, users.analyst, costs, ask({ split: ['municipality'] }), {
      kind: 'view',
      ip: '10.1.1.1',
      cellKey: KEY,
    });
    expect(out.rows).toEqual([{ municipality: '0150', clients: 55, cost: 1_381_000_00 }]);
    const [entry] = await readAudit(store, users.admin);
    expect([entry.actor, entry.action, entry.target, entry.row_count, entry.outcome, entry.ip]).toEqual([
      'bert',
      'view',
      'costs',
      1,
      'ok',
      '10.1.1.1',
    ]);
    expect(JSON.parse(entry.detail!)).toEqual({
      filters: { municipality: ['0150'] },
      split: ['municipality'],
      params: {},
      scope: { municipality: ['0150'] },
    });
    store.close();
  });

  it('gives a provider only its own AGB, perturbed as every aggregate-only answer is', async () => {
    const store = await Store.open(':memory:');
    const out = await guardedCompute(store, users.provider, costs, ask({ split: ['municipality'] }), {
      kind: 'export',
      format: 'csv',
      cellKey: KEY,
    });
    expect(out.rows).toEqual(
      seen('municipality', [
        { municipality: '0150', clients: 40, cost: 400_000_00 },
        { municipality: '1708', clients: 25, cost: 250_000_00 },
      ]),
    );
    expect(out.rows).not.toEqual([
      { municipality: '0150', clients: 40, cost: 400_000_00 },
      { municipality: '1708', clients: 25, cost: 250_000_00 },
    ]);
    expect(out.filters.provider).toEqual(['11111111']);
    store.close();
  });

  it('suppresses for a reader: crisis (3 clients) and the next-smallest row are hidden', async () => {
    const store = await Store.open(':memory:');
    const out = await guardedCompute(store, users.reader, costs, ask({ split: ['care_type'] }), { kind: 'view', cellKey: KEY });
    expect(out.rows.slice(1)).toEqual([
      { care_type: 'verblijf', clients: null, cost: null },
      { care_type: 'crisis', clients: '<10', cost: null },
    ]);
    expect(out.rows[0]).toEqual(seen('care_type', [{ care_type: 'ambulant', clients: 40, cost: 400_000_00 }])[0]);
    store.close();
  });

  it('refuses and logs a question an aggregate-only role may not ask (a filter that could isolate a hidden cell)', async () => {
    const store = await Store.open(':memory:');
    await expect(
      guardedCompute(store, users.reader, costs, ask({ filters: { care_type: ['ambulant'] } }), { kind: 'view', cellKey: KEY }),
    ).rejects.toThrow(AccessError);
    const [entry] = await readAudit(store, users.admin);
    expect([entry.action, entry.outcome, JSON.parse(entry.detail!).reason]).toEqual([
      'view',
      'geweigerd',
      "Met de rol lezer kunt u niet filteren op 'care_type': splits de tabel daarop, dan blijven kleine aantallen afgeschermd.",
    ]);
    store.close();
  });

  it('refuses and logs an attempt to read another municipality', async () => {
    const store = await Store.open(':memory:');
    await expect(
      guardedCompute(store, users.analyst, costs, ask({ filters: { municipality: ['1708'] } }), { kind: 'view', cellKey: KEY }),
    ).rejects.toThrow(AccessError);
    const [entry] = await readAudit(store, users.admin);
    expect([entry.action, entry.outcome, JSON.parse(entry.detail!).reason]).toEqual([
      'view',
      'geweigerd',
      'U heeft geen toegang tot gemeente 1708; uw account is beperkt tot 0150.',
    ]);
    store.close();
  });

  it('refuses the answer of a metric that ignored the forced filters, for every scoped user', async () => {
    const store = await Store.open(':memory:');
    for (const user of allUsers) {
      const scoped = user.role !== 'admin' && user.name !== 'frits';
      const run = guardedCompute(store, user, leakyMetric, ask({ split: ['care_type'] }), { kind: 'view', cellKey: KEY });
      if (scoped) await expect(run, user.name).rejects.toThrow(/kon niet binnen uw toegang worden beantwoord/);
      else await expect(run, user.name).resolves.toBeTruthy();
    }
    store.close();
  });
});

describe('verifyResult', () => {
  const base = { metric: 'm', title: 'M', rows: [], filters: { municipality: ['0150'] }, split: [] };
  it('refuses pseudonym columns to roles without client rows, and BSN columns to everyone', () => {
    const withClient = { ...base, columns: [{ name: 'client_id', label: 'Cliënt', unit: 'text' as const }] };
    for (const u of allUsers) {
      const run = () =>
        verifyResult(u, {
          ...withClient,
          filters: {
            municipality: u.municipalities.length ? u.municipalities : ['0150'],
            provider: u.provider ? [u.provider] : undefined,
            team: u.team ? [u.team] : undefined,
          },
        });
      if (RIGHTS[u.role].clientRows) expect(run).not.toThrow();
      else expect(run).toThrow(AccessError);
      expect(() => verifyResult(u, { ...base, columns: [{ name: 'bsn', label: 'BSN', unit: 'text' }] })).toThrow(AccessError);
    }
  });

  it('refuses rows of another municipality even when the filter was echoed', () => {
    const result = {
      ...base,
      columns: [{ name: 'municipality', label: 'Gemeente', unit: 'text' as const }],
      rows: [{ municipality: '0150' }, { municipality: '1708' }],
    };
    expect(() => verifyResult(users.analyst, result)).toThrow(
      "'M' kon niet binnen uw toegang worden beantwoord (een rij hoort bij een andere gemeente).",
    );
    expect(() => verifyResult(users.analyst2, result)).not.toThrow();
  });

  it("checks a provider's rows by their AGB column too", () => {
    const scorecard = {
      ...base,
      filters: { provider: ['11111111'] },
      columns: [{ name: 'agb', label: 'AGB-code', unit: 'text' as const }],
    };
    expect(() => verifyResult(users.provider, { ...scorecard, rows: [{ agb: '11111111' }] })).not.toThrow();
    expect(() => verifyResult(users.provider, { ...scorecard, rows: [{ agb: '11111111' }, { agb: '22222222' }] })).toThrow(
      "'M' kon niet binnen uw toegang worden beantwoord (een rij hoort bij een andere aanbieder).",
    );
  });
});
