// The served OpenAPI document passes Redocly's recommended rules with no error and no warning. The linter runs from
// node_modules on a temporary file, offline (no remote refs, telemetry and update checks off).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.ts';
import { createApp } from './app.ts';
import { fixtureStore } from './fixture.ts';

const REDOCLY = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../redocly.yaml', import.meta.url));

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer?: string }[];
}

let store: Store;
const dir = mkdtempSync(join(tmpdir(), 'roer-openapi-'));
beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Redocly's problems with the document, one readable line each. */
function lint(doc: unknown): string[] {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const run = spawnSync(process.execPath, [REDOCLY, 'lint', file, '--config', CONFIG, '--format=json', '--max-problems=1000'], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly lint gave no report:\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout.slice(start)) as { problems: Problem[] };
  return report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
}

describe('the OpenAPI document under redocly lint (recommended rules)', () => {
  it('has no errors and no warnings for the real catalogue', async () => {
    const app = createApp({ store, webDist: '/nonexistent' });
    const doc = await (await app.request('/api/openapi.json')).json();
    const problems = lint(doc);
    expect(problems, problems.join('\n')).toEqual([]);
    // Each metric answers with its own columns, e.g. costs:
    const costs = doc.paths['/api/metrics/costs'].get.responses['200'].content['application/json'].schema;
    expect(costs).toEqual({ $ref: '#/components/schemas/MetricResult_costs' });
    expect(doc.components.schemas.MetricResult_costs.properties.rows.items.required).toEqual([
      'cost',
      'clients',
      'cost_per_client',
      'care_days',
      'cost_per_care_day',
    ]);
  });

  it('reports what is wrong (the check itself works)', () => {
    const problems = lint({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: {} });
    expect(problems.some((p) => p.includes('no-empty-servers'))).toBe(true);
  });
});
