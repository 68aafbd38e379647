// Notes: stored in the store, plain text returned as JSON (never HTML), validated metric, municipality, period and length.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Store } from '../../store/index.ts';
import { createApp } from '../app.ts';
import { fixtureEngine, fixtureStore } from '../fixture.ts';
import type { ApiEnv } from '../route.ts';

let store: Store;
let app: Hono<ApiEnv>;
beforeAll(async () => {
  store = await fixtureStore();
  app = createApp({ store, engine: fixtureEngine, webDist: '/nonexistent' });
});
afterAll(() => store.close());

const post = async (body: unknown) => {
  const res = await app.request('/api/notes', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    nosniff: res.headers.get('x-content-type-options'),
    body: await res.json(),
  };
};
const list = async (qs: string) => (await (await app.request(`/api/notes${qs}`)).json()).notes;

describe('notes', () => {
  it('stores a note and returns it as stored, with script tags as literal text in JSON', async () => {
    const text = 'Stijging door sluiting <script>alert(1)</script> van aanbieder X';
    const res = await post({ metric: 'fixture_cost', municipality: '1708', from: '2018-01-01', to: '2018-12-31', text });
    expect(res.status).toBe(201);
    expect(res.type).toBe('application/json; charset=utf-8');
    expect(res.nosniff).toBe('nosniff');
    expect(res.body).toMatchObject({
      id: 1,
      metric: 'fixture_cost',
      municipality: '1708',
      period_from: '2018-01-01',
      period_to: '2018-12-31',
      author: 'onbekend',
      text,
    });
    expect(res.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(await list('?metric=fixture_cost&municipality=1708')).toEqual([res.body]);
  });

  it('finds notes by metric, municipality and overlapping period', async () => {
    await post({ metric: 'fixture_cost', from: '2017-01-01', to: '2017-12-31', text: 'Regio: nieuwe inkoop' });
    await post({ metric: 'fixture_bigint', municipality: '0150', from: '2018-07-01', to: '2018-09-30', text: 'Deventer Q3' });
    const texts = async (qs: string) => (await list(qs)).map((n: { text: string }) => n.text);
    expect(await texts('')).toHaveLength(3);
    expect(await texts('?metric=fixture_cost&from=2017-06-01&to=2017-06-30')).toEqual(['Regio: nieuwe inkoop']);
    expect(await texts('?from=2018-09-30')).toEqual([
      'Stijging door sluiting <script>alert(1)</script> van aanbieder X',
      'Deventer Q3',
    ]);
    expect(await texts('?municipality=0150,1708&to=2018-06-30')).toEqual([
      'Stijging door sluiting <script>alert(1)</script> van aanbieder X',
    ]);
    expect((await list('?municipality=0150'))[0]).toMatchObject({ municipality: '0150', period_from: '2018-07-01' });
  });

  it('keeps line breaks, trims, and accepts exactly 2,000 characters', async () => {
    expect(
      (await post({ metric: 'fixture_cost', from: '2018-01-01', to: '2018-01-31', text: '  regel 1\r\nregel 2 ' })).body.text,
    ).toBe('regel 1\nregel 2');
    const longest = 'é'.repeat(2000);
    expect((await post({ metric: 'fixture_cost', from: '2018-01-01', to: '2018-01-31', text: longest })).body.text).toBe(longest);
  });

  const valid = { metric: 'fixture_cost', municipality: '0150', from: '2018-01-01', to: '2018-12-31', text: 'x' };
  it.each([
    [{ ...valid, text: 'x'.repeat(2001) }, 400, 'text', "'text' is te lang: hoogstens 2.000 tekens"],
    [{ ...valid, text: '   ' }, 400, 'text', "'text' moet een niet-lege tekst zijn"],
    [{ ...valid, text: 'a\u0000b' }, 400, 'text', "'text' bevat een ongeldig teken"],
    [{ ...valid, metric: 'bestaatniet' }, 404, 'metric', "Onbekende analyse 'bestaatniet'. Zie /api/metrics voor de lijst."],
    [{ ...valid, metric: undefined }, 400, 'metric', "'metric' ontbreekt"],
    [{ ...valid, municipality: '9999' }, 400, 'municipality', "Gemeente '9999' komt niet voor in de database"],
    [{ ...valid, municipality: '0150,1708' }, 400, 'municipality', 'Een notitie hoort bij één gemeente (of bij de hele regio)'],
    [{ ...valid, from: '2018-02-30' }, 400, 'from', "'from' is geen geldige datum (jjjj-mm-dd)"],
    [{ ...valid, to: '2017-12-31' }, 400, 'to', "'to' (2017-12-31) ligt vóór 'from' (2018-01-01)"],
    [
      { ...valid, author: 'iemand anders' },
      400,
      'author',
      "Onbekend veld 'author' (toegestaan: metric, municipality, from, to, text)",
    ],
  ])('refuses %j', async (body, status, param, message) => {
    expect(await post(body)).toMatchObject({ status, body: { error: { param, message } } });
  });

  it('refuses unknown filters when listing', async () => {
    const res = await app.request('/api/notes?gemeente=0150');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { message: "Onbekende filter 'gemeente' (toegestaan: metric, municipality, from, to)", param: 'gemeente' },
    });
  });
});
