// Saved views: stored per user, listed only to their owner, opened by link by anyone but narrowed to the opener's
// scope (never widened), refused when they are only about what the opener may not see, bad input a Dutch 400, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture, type Client } from '../auth/testing.ts';
import { type Store, sql } from '../../store/index.ts';

let store: Store;
let app: Hono<AuthEnv>;
/** anna: administrator (region); bert: analyst of 0150; bea: analyst of 0150 and 1708; dirk: provider 11111111. */
let anna: Client;
let bert: Client;
let bea: Client;
let dirk: Client;

beforeAll(async () => {
  ({ store, app } = await secureFixture());
  [anna, bert, bea, dirk] = await Promise.all(['anna', 'bert', 'bea', 'dirk'].map((n) => loginAs(app, n)));
});
afterAll(() => store.close());

const json = { 'content-type': 'application/json' };
const save = async (who: Client, body: unknown) => {
  const res = await who.request('/api/views', { method: 'POST', headers: json, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
};
const open = async (who: Client, id: string) => {
  const res = await who.request(`/api/views/${id}`);
  return { status: res.status, body: await res.json() };
};
const names = async (who: Client) =>
  ((await (await who.request('/api/views')).json()).views as { name: string }[]).map((v) => v.name);

const regional = {
  name: 'Kosten per gemeente 2018',
  page: 'kosten',
  filters: { municipality: ['0150', '1708'], care_type: ['ambulant'] },
  from: 2018,
  to: 2018,
  split: ['municipality', 'year'],
  view: 'costs',
  params: { top: '10' },
};

describe('saved views', () => {
  let regionalId: string;

  it('saves a named view (page, filters, period, split, parameters) for its owner, as stored', async () => {
    const res = await save(anna, regional);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Kosten per gemeente 2018',
      page: 'kosten',
      owner: 'anna',
      state: {
        filters: { municipality: ['0150', '1708'], care_type: ['ambulant'] },
        from: 2018,
        to: 2018,
        split: ['municipality', 'year'],
        view: 'costs',
        params: { top: '10' },
      },
    });
    expect(res.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(res.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    regionalId = res.body.id;
    expect(await open(anna, regionalId)).toMatchObject({ status: 200, body: { ...res.body, narrowed: null } });
  });

  it("lists a user's own views by name, never another user's", async () => {
    await save(bert, { name: 'mijn overzicht', page: 'overzicht' });
    await save(bert, { name: 'Aanbieders', page: 'aanbieders', filters: { municipality: ['0150'] } });
    expect(await names(bert)).toEqual(['Aanbieders', 'mijn overzicht']);
    expect(await names(anna)).toEqual(['Kosten per gemeente 2018']);
    expect(await names(bea)).toEqual([]);
  });

  it("opens another user's view from its link, narrowed to the opener's municipalities, never widened", async () => {
    const forBert = await open(bert, regionalId);
    expect(forBert.status).toBe(200);
    expect(forBert.body.state.filters).toEqual({ municipality: ['0150'], care_type: ['ambulant'] });
    expect(forBert.body.narrowed).toBe('Deze weergave is beperkt tot wat u mag zien: gemeente 1708 is weggelaten.');
    // The rest of the view is the same view.
    expect(forBert.body.state).toMatchObject({ from: 2018, to: 2018, split: ['municipality', 'year'], view: 'costs' });
    // Within the opener's scope nothing changes.
    const forBea = await open(bea, regionalId);
    expect(forBea.body.state.filters.municipality).toEqual(['0150', '1708']);
    expect(forBea.body.narrowed).toBeNull();
    // A view that leaves the municipality open stays open: every question it asks is scoped to the opener again.
    const { body: all } = await save(anna, { name: 'Alles', page: 'kosten' });
    const costs = await bert.request('/api/metrics/costs?split=municipality');
    expect((await open(bert, all.id)).body.state.filters).toEqual({});
    expect((await costs.json()).rows.map((r: { municipality: string }) => r.municipality)).toEqual(['0150']);
  });

  it('refuses a link to a view only about what the opener may not see, and says nothing of its contents', async () => {
    const { body: only1708 } = await save(bea, {
      name: 'Steenwijkerland geheim',
      page: 'kosten',
      filters: { municipality: ['1708'] },
    });
    const res = await open(bert, only1708.id);
    expect(res).toEqual({
      status: 403,
      body: { error: { message: 'Deze weergave gaat over een gemeente waar u geen toegang toe heeft.', param: 'municipality' } },
    });
    const { body: otherProvider } = await save(anna, {
      name: 'Aanbieder 2',
      page: 'kosten',
      filters: { provider: ['22222222'] },
    });
    expect((await open(dirk, otherProvider.id)).status).toBe(403);
  });

  it('answers an unknown or malformed id with the same 404', async () => {
    const gone = { status: 404, body: { error: { message: 'Deze weergave bestaat niet (meer).', param: 'id' } } };
    expect(await open(bert, 'AAAAAAAAAAAAAAAAAAAAAA')).toEqual(gone);
    expect(await open(bert, '1%20OR%201=1')).toEqual(gone);
  });

  it('keeps a quarter, a month or year-to-date as the period picker names it', async () => {
    for (const period of ['2018-Q2', '2018-05', 'ytd']) {
      const res = await save(bert, { name: `Periode ${period}`, page: 'kosten', period });
      expect(res.status).toBe(201);
      expect((await open(bert, res.body.id)).body.state).toEqual({ filters: {}, period, params: {} });
    }
  });

  it('lets only the owner delete a view', async () => {
    const { body } = await save(bert, { name: 'weg ermee', page: 'kosten' });
    expect((await anna.request(`/api/views/${body.id}/delete`, { method: 'POST' })).status).toBe(404);
    expect((await bert.request(`/api/views/${body.id}/delete`, { method: 'POST' })).status).toBe(200);
    expect(await names(bert)).not.toContain('weg ermee');
    expect((await open(bert, body.id)).status).toBe(404);
  });

  it('needs a login to read and the CSRF token to write', async () => {
    expect((await app.request('/api/views')).status).toBe(401);
    expect((await app.request(`/api/views/${regionalId}`)).status).toBe(401);
    const res = await app.request('/api/views', {
      method: 'POST',
      headers: { ...json, cookie: bert.cookie },
      body: JSON.stringify({ name: 'x', page: 'kosten' }),
    });
    expect(res.status).toBe(403);
  });

  it('records saving and opening in the audit log, refusals too', async () => {
    const rows = await store.all<{ actor: string; action: string; outcome: string }>(
      sql`SELECT actor, action, outcome FROM audit_log WHERE action IN ('view_save', 'view_open', 'views_read', 'view_delete')`,
    );
    expect(rows).toContainEqual({ actor: 'anna', action: 'view_save', outcome: 'ok' });
    expect(rows).toContainEqual({ actor: 'bert', action: 'view_open', outcome: 'ok' });
    expect(rows).toContainEqual({ actor: 'bert', action: 'view_open', outcome: 'geweigerd' });
    expect(rows).toContainEqual({ actor: 'bert', action: 'views_read', outcome: 'ok' });
    expect(rows).toContainEqual({ actor: 'anna', action: 'view_delete', outcome: 'geweigerd' });
  });

  const valid = { name: 'x', page: 'kosten' };
  it.each([
    [{ ...valid, name: '  ' }, 'name', "'name' moet een niet-lege naam zijn"],
    [{ ...valid, name: 'x'.repeat(101) }, 'name', "'name' is te lang: hoogstens 100 tekens"],
    [{ ...valid, name: 'a\u0007b' }, 'name', "'name' bevat een ongeldig teken"],
    [{ ...valid, page: '../admin' }, 'page', "'page' is geen geldige pagina (kleine letters, bijv. 'kosten')"],
    [{ ...valid, page: undefined }, 'page', "'page' is geen geldige pagina (kleine letters, bijv. 'kosten')"],
    [{ ...valid, filters: { gemeente: ['0150'] } }, 'filters.gemeente', "Onbekende filter 'gemeente' (toegestaan: "],
    [{ ...valid, filters: { municipality: '0150' } }, 'filters.municipality', "'municipality' moet een lijst van hoogstens"],
    [{ ...valid, filters: { municipality: ['<b>'] } }, 'filters.municipality', "'filters.municipality' is geen geldige waarde"],
    [{ ...valid, from: '2018' }, 'from', "'from' moet een jaartal zijn (bijv. 2024)"],
    [{ ...valid, from: 2019, to: 2018 }, 'to', "'to' (2018) ligt vóór 'from' (2019)"],
    [{ ...valid, period: '2018-Q5' }, 'period', "'period' moet een kwartaal (2024-Q2), een maand (2024-05) of 'ytd' zijn"],
    [{ ...valid, split: 'year' }, 'split', "'split' moet een lijst van hoogstens 4 dimensies zijn"],
    [{ ...valid, params: [] }, 'params', "'params' moet een object zijn"],
    [{ ...valid, owner: 'anna' }, 'owner', "Onbekend veld 'owner' (toegestaan: name, page, filters, from, to, split, view, "],
  ])('refuses %j with a Dutch 400', async (body, param, message) => {
    const res = await save(bert, body);
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe(param);
    expect(res.body.error.message.startsWith(message)).toBe(true);
  });

  it('refuses a body that is not JSON, and a 101st view', async () => {
    const res = await bert.request('/api/views', { method: 'POST', headers: json, body: '{naam' });
    expect(await res.json()).toEqual({ error: { message: 'De inhoud van het verzoek is geen geldige JSON.', param: null } });
    for (let i = 0; i < 100; i++) {
      await store.run(
        sql`INSERT INTO saved_view VALUES (${`v${i}`}, 'bea', 'v', 'kosten', '{"filters":{},"params":{}}', current_timestamp)`,
      );
    }
    expect((await save(bea, valid)).body).toEqual({
      error: { message: 'U heeft al 100 weergaven bewaard; verwijder er eerst een.', param: null },
    });
  });
});
