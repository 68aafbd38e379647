// The council report over HTTP in the secured app, tried as an attacker would: every bad parameter is a Dutch 400
// naming it, another municipality's report or texts are refused (403, audited), a region report of a municipal user
// holds only their municipality, a reader's report says its figures are protected, and texts are saved only by a
// role that writes notes, within the own municipality, with the CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { sql, type Store } from '../../store/index.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { loginAs, secureFixture, type Client } from '../auth/testing.ts';
import { metricsEngine } from '../engine.ts';
import { reportFileName } from './report.ts';

let store: Store;
let app: Hono<AuthEnv>;
/** anna: administrator; bert: analyst of 0150 (Deventer); els: reader of 0150; frits: region reader; dirk: provider. */
const who: Record<string, Client> = {};

const JSON_TYPE = { 'content-type': 'application/json' };
const status = async (c: Client, path: string) => (await c.request(path)).status;
const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string; param: string } }).error;
const saveText = (c: Client, body: unknown, headers: Record<string, string> = JSON_TYPE) =>
  c.request('/api/report/texts', { method: 'POST', headers, body: JSON.stringify(body) });
/** The report's HTML, its non-breaking spaces as plain ones. */
const html = async (c: Client, qs: string) => {
  const res = await c.request(`/api/report?${qs}`);
  expect(res.status).toBe(200);
  return (await res.text()).replace(/\u00a0/g, ' ');
};
const audits = (action: string) =>
  store.all<{ actor: string; target: string; outcome: string }>(
    sql`SELECT actor, target, outcome FROM audit_log WHERE action = ${action} ORDER BY id`,
  );

beforeAll(async () => {
  ({ store, app } = await secureFixture({ engine: metricsEngine }));
  for (const name of ['anna', 'bert', 'els', 'frits', 'dirk']) who[name] = await loginAs(app, name);
});
afterAll(() => store.close());

describe('GET /api/report: parameters', () => {
  it.each([
    ['', 'jaar', "'jaar' ontbreekt: voor welk jaar is het rapport?"],
    ['jaar=achttien', 'jaar', "'jaar' moet een jaartal zijn (bijv. 2018)"],
    ['jaar=2018.5', 'jaar', "'jaar' moet een jaartal zijn (bijv. 2018)"],
    ['jaar=2018&jaar=2019', 'jaar', "'jaar' mag maar één keer voorkomen"],
    [
      'jaar=2018&gemeente=%3Cscript%3E',
      'gemeente',
      "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708), of leeg voor de regio",
    ],
    [
      "jaar=2018&gemeente=0150'%20OR%201=1",
      'gemeente',
      "'gemeente' moet een CBS-gemeentecode van vier cijfers zijn (bijv. 1708), of leeg voor de regio",
    ],
    ['jaar=2018&vergelijk=2019', 'vergelijk', 'Het vergelijkingsjaar (2019) moet vóór het rapportjaar (2018) liggen.'],
    ['jaar=2018&vergelijk=x', 'vergelijk', "'vergelijk' moet een jaartal zijn (bijv. 2018)"],
    ['jaar=2018&tot=2018-02-30', 'tot', 'De einddatum (2018-02-30) moet een datum in 2018 zijn (jjjj-mm-dd).'],
    ['jaar=2018&tot=2017-06-30', 'tot', 'De einddatum (2017-06-30) moet een datum in 2018 zijn (jjjj-mm-dd).'],
    ['jaar=2018&formaat=docx', 'formaat', "'formaat' moet html of pdf zijn"],
    ['jaar=2018&split=client', 'split', "Onbekende parameter 'split' (toegestaan: gemeente, jaar, vergelijk, tot, formaat)"],
  ])('?%s → 400 on %s', async (qs, param, message) => {
    const res = await who.anna!.request(`/api/report?${qs}`);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ param, message });
  });

  it('answers junk in any parameter with a Dutch 4xx naming it, never a 500', async () => {
    const junk = [
      '',
      ' ',
      ',',
      '0150,1708',
      "' OR 1=1 --",
      '<script>',
      '%00',
      '\u202e',
      '😀',
      '1e309',
      '-1',
      '2018.0',
      '0000-00-00',
      '2018-13-01',
      '99999-01-01',
      '__proto__',
      '9'.repeat(400),
      '2018\r\nSet-Cookie: x=y',
    ];
    const base: Record<string, string> = {
      gemeente: '0150',
      jaar: '2018',
      vergelijk: '2017',
      tot: '2018-06-30',
      formaat: 'html',
    };
    for (const param of Object.keys(base)) {
      for (const value of junk) {
        const q = new URLSearchParams({ ...base, [param]: value });
        const res = await who.bert!.request(`/api/report?${q}`);
        if (res.status === 200) continue; // '' for gemeente (the region), tot or formaat (the defaults)
        expect(res.status, `${param}=${value}`).toBe(400);
        const error = await errorOf(res);
        expect(error.param, `${param}=${value}`).toBe(param);
        expect(error.message).not.toMatch(/Error|undefined|NaN|SELECT/);
      }
    }
  });

  it('answers 401 without a login and 404 for a municipality Roer does not know', async () => {
    expect((await app.request('/api/report?jaar=2018')).status).toBe(401);
    const res = await who.anna!.request('/api/report?jaar=2018&gemeente=9999');
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ param: 'gemeente', message: "Onbekende gemeente '9999'." });
  });
});

describe('GET /api/report: scope', () => {
  it("refuses a municipal analyst another municipality's report, naming neither its name nor its figures, and audits it", async () => {
    const res = await who.bert!.request('/api/report?gemeente=1708&jaar=2018');
    expect(res.status).toBe(403);
    const error = await errorOf(res);
    expect(error.param).toBe('gemeente');
    expect(error.message).toBe('U heeft geen toegang tot gemeente 1708; uw account is beperkt tot 0150.');
    expect(await audits('report')).toContainEqual({ actor: 'bert', target: '1708', outcome: 'geweigerd' });
  });

  it('gives the municipal analyst a region report over their own municipality only', async () => {
    // 2018: Deventer € 2.500,50, Steenwijkerland € 390 (€ 400 less a credit of € 10); 2017: Deventer € 1.000.
    const growth = (to: string) =>
      `De kosten stegen in 2018 met € ${to === '2.501' ? '1.501 (150,1 %)' : '1.891 (189,0 %)'} naar € ${to}.`;
    const own = await html(who.bert!, 'jaar=2018');
    expect(own).toContain(growth('2.501'));
    // Named for the municipality it covers, never as the whole region.
    expect(own).toContain('<title>Jeugdhulp in Deventer 2018</title>');
    expect(own).not.toContain('Regio IJsselland');
    expect(await html(who.anna!, 'jaar=2018')).toContain(growth('2.891'));
    expect(await audits('report')).toContainEqual({ actor: 'bert', target: 'regio', outcome: 'ok' });
  });

  it("gives a reader a report of protected figures, and says so; an analyst's says nothing of it", async () => {
    const protectedLine = 'Kleine aantallen zijn in dit rapport afgeschermd';
    expect(await html(who.els!, 'gemeente=0150&jaar=2018')).toContain(protectedLine);
    expect(await html(who.bert!, 'gemeente=0150&jaar=2018')).not.toContain(protectedLine);
  });

  it('serves the HTML under the policy that runs no inline script, uncached', async () => {
    const res = await who.bert!.request('/api/report?gemeente=0150&jaar=2018');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('report texts', () => {
  it('saves and reads the introduction and conclusions of the own municipality, and the report shows them', async () => {
    const res = await saveText(who.bert!, {
      gemeente: '0150',
      jaar: 2018,
      introduction: 'Deze brief <b>licht</b> toe.',
      conclusions: null,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ municipality: '0150', year: 2018, introduction: 'Deze brief <b>licht</b> toe.' });
    const read = await who.els!.request('/api/report/texts?gemeente=0150&jaar=2018');
    expect(await read.json()).toMatchObject({ introduction: 'Deze brief <b>licht</b> toe.', conclusions: null, author: 'bert' });
    const page = await html(who.bert!, 'gemeente=0150&jaar=2018');
    expect(page).toContain('Deze brief &lt;b&gt;licht&lt;/b&gt; toe.');
    expect(await audits('report_text_save')).toContainEqual({ actor: 'bert', target: '0150', outcome: 'ok' });
  });

  it('reads nothing written as empty texts without an author', async () => {
    const res = await who.anna!.request('/api/report/texts?gemeente=1708&jaar=2017');
    expect(await res.json()).toEqual({
      municipality: '1708',
      year: 2017,
      introduction: null,
      conclusions: null,
      author: null,
      saved_at: null,
    });
  });

  it("refuses another municipality's or the region's texts to a municipal user, and texts to a provider", async () => {
    await saveText(who.anna!, { gemeente: null, jaar: 2018, introduction: 'Regiotekst' });
    expect((await saveText(who.bert!, { gemeente: '1708', jaar: 2018, introduction: 'x' })).status).toBe(403);
    expect((await saveText(who.bert!, { gemeente: null, jaar: 2018, introduction: 'x' })).status).toBe(403);
    expect(await status(who.bert!, '/api/report/texts?gemeente=1708&jaar=2018')).toBe(403);
    expect(await status(who.bert!, '/api/report/texts?jaar=2018')).toBe(403);
    expect(await status(who.dirk!, '/api/report/texts?jaar=2018')).toBe(403);
    // The region's text is in the whole region's report, not in the municipal analyst's or the provider's.
    expect(await html(who.frits!, 'jaar=2018')).toContain('Regiotekst');
    expect(await html(who.bert!, 'jaar=2018')).not.toContain('Regiotekst');
    expect(await html(who.dirk!, 'jaar=2018')).not.toContain('Regiotekst');
    expect(await audits('report_text_save')).toContainEqual({ actor: 'bert', target: '1708', outcome: 'geweigerd' });
  });

  it('lets only roles that write notes save texts', async () => {
    const res = await saveText(who.els!, { gemeente: '0150', jaar: 2018, introduction: 'x' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe('Met de rol lezer mag u rapportteksten schrijven niet.');
  });

  it('refuses a save without the CSRF token, without JSON, or with junk fields', async () => {
    const body = { gemeente: '0150', jaar: 2018, introduction: 'x' };
    expect((await saveText(who.bert!, body, { ...JSON_TYPE, 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
    expect((await saveText(who.bert!, body, { 'content-type': 'text/plain' })).status).toBe(400);
    for (const [junk, param] of [
      [{ ...body, author: 'anna' }, 'author'],
      [{ ...body, jaar: '18' }, 'jaar'],
      [{ ...body, gemeente: ['0150'] }, 'gemeente'],
      [{ ...body, introduction: 42 }, 'introduction'],
      [{ ...body, conclusions: 'x'.repeat(10_001) }, 'conclusions'],
    ] as const) {
      const res = await saveText(who.bert!, junk);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).param).toBe(param);
    }
  });
});

describe('GET /api/report?formaat=pdf', () => {
  it('downloads the PDF as rapport-<place>-<year>.pdf; two asked at once are printed in turn, both delivered', async () => {
    const [deventer, region] = await Promise.all([
      who.bert!.request('/api/report?gemeente=0150&jaar=2018&formaat=pdf'),
      who.anna!.request('/api/report?jaar=2018&formaat=pdf'),
    ]);
    for (const [res, name] of [
      [deventer!, 'rapport-deventer-2018.pdf'],
      [region!, 'rapport-regio-ijsselland-2018.pdf'],
    ] as const) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      expect(Buffer.from(await res.arrayBuffer()).toString('latin1', 0, 5)).toBe('%PDF-');
    }
  });

  it('names the file by the place in letters and digits', () => {
    expect(reportFileName('Regio IJsselland', 2018)).toBe('rapport-regio-ijsselland-2018.pdf');
    expect(reportFileName('Súdwest-Fryslân', 2019)).toBe('rapport-sudwest-fryslan-2019.pdf');
  });
});
