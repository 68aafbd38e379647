// Notes in the secured app: the notes page's list and filters, a direct link to one note, and a shared view's link
// never show a 0150 analyst the notes of 1708 or of the whole region; the period stored is exactly the one sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Store } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture, type Client } from '../auth/testing.ts';

let store: Store;
let app: Hono<AuthEnv>;
/** anna: administrator; bert: analyst of 0150; bea: analyst of 0150 and 1708; dirk: provider (may not read notes). */
let anna: Client;
let bert: Client;
let bea: Client;
let dirk: Client;
const ids: Record<string, number> = {};

const json = { 'content-type': 'application/json' };
const write = async (who: Client, note: Record<string, unknown>) => {
  const res = await who.request('/api/notes', { method: 'POST', headers: json, body: JSON.stringify(note) });
  return { status: res.status, body: await res.json() };
};
const texts = async (who: Client, qs = '') => {
  const res = await who.request(`/api/notes${qs}`);
  if (res.status !== 200) return res.status;
  return ((await res.json()).notes as { text: string }[]).map((n) => n.text);
};

beforeAll(async () => {
  ({ store, app } = await secureFixture());
  [anna, bert, bea, dirk] = await Promise.all(['anna', 'bert', 'bea', 'dirk'].map((n) => loginAs(app, n)));
  for (const [key, who, note] of [
    [
      'deventer2018',
      bert,
      { metric: 'costs', municipality: '0150', from: '2018-01-01', to: '2018-12-31', text: 'Deventer 2018' },
    ],
    [
      'deventerQ3',
      bea,
      { metric: 'top_share', municipality: '0150', from: '2019-07-01', to: '2019-09-30', text: 'Deventer Q3 2019' },
    ],
    ['steenwijk', bea, { metric: 'costs', municipality: '1708', from: '2018-01-01', to: '2018-12-31', text: 'Steenwijk 2018' }],
    ['regio', anna, { metric: 'costs', municipality: null, from: '2017-01-01', to: '2017-12-31', text: 'Regio 2017' }],
  ] as const) {
    const res = await write(who, note);
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  }
});
afterAll(() => store.close());

describe('notes page: every note in scope, filtered by metric, municipality and period', () => {
  it('lists all notes in the scope, oldest period first', async () => {
    expect(await texts(anna)).toEqual(['Regio 2017', 'Deventer 2018', 'Steenwijk 2018', 'Deventer Q3 2019']);
    expect(await texts(bea)).toEqual(['Deventer 2018', 'Steenwijk 2018', 'Deventer Q3 2019']);
    expect(await texts(bert)).toEqual(['Deventer 2018', 'Deventer Q3 2019']);
  });

  it('filters by metric, municipality and overlapping period, alone and together', async () => {
    expect(await texts(anna, '?metric=top_share')).toEqual(['Deventer Q3 2019']);
    expect(await texts(anna, '?municipality=1708')).toEqual(['Steenwijk 2018']);
    expect(await texts(anna, '?from=2018-12-31&to=2019-07-01')).toEqual(['Deventer 2018', 'Steenwijk 2018', 'Deventer Q3 2019']);
    expect(await texts(anna, '?from=2019-10-01')).toEqual([]);
    expect(await texts(bea, '?metric=costs&municipality=0150,1708&from=2018-06-01&to=2018-06-30')).toEqual([
      'Deventer 2018',
      'Steenwijk 2018',
    ]);
  });

  it("never shows a 0150 analyst the notes of 1708: not by filter, not by id, not through a shared view's link", async () => {
    expect(await texts(bert, '?municipality=1708')).toBe(403);
    expect(await texts(bert, '?municipality=0150,1708')).toBe(403);
    expect(await texts(bert, '?metric=costs&from=2018-01-01&to=2018-12-31')).toEqual(['Deventer 2018']);
    const hidden = { error: { message: 'Deze notitie bestaat niet, of u mag haar niet lezen.', param: 'id' } };
    for (const id of [ids.steenwijk, ids.regio, 99999]) {
      const res = await bert.request(`/api/notes/${id}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(hidden);
    }
    expect(await (await bert.request(`/api/notes/${ids.deventer2018}`)).json()).toMatchObject({ text: 'Deventer 2018' });
    expect((await bea.request(`/api/notes/${ids.steenwijk}`)).status).toBe(200);
    expect((await dirk.request(`/api/notes/${ids.deventer2018}`)).status).toBe(403);
    // A view bea saved about 1708 (as the notes page's filters) does not open for bert.
    const shared = await bea.request('/api/views', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Notities Steenwijk', page: 'notities', filters: { municipality: ['1708'] } }),
    });
    expect((await bert.request(`/api/views/${(await shared.json()).id}`)).status).toBe(403);
  });

  it('stores exactly the period sent: a note on 2018 is about 2018-01-01 to 2018-12-31, not 2017', async () => {
    const one = await (await anna.request(`/api/notes/${ids.deventer2018}`)).json();
    expect([one.period_from, one.period_to]).toEqual(['2018-01-01', '2018-12-31']);
    // So it is not shown beside 2017, and the region's 2017 note is not shown beside 2018.
    expect(await texts(anna, '?metric=costs&municipality=0150&from=2017-01-01&to=2017-12-31')).toEqual([]);
    expect(await texts(anna, '?metric=costs&from=2018-01-01&to=2018-12-31')).toEqual(['Deventer 2018', 'Steenwijk 2018']);
  });
});
