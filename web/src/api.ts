// The dashboard's only door to the server: JSON fetches with the API's Dutch error message, and a busy counter
// that drives the progress bar. Every request goes through `request`, so login/CSRF headers live in one place.
import type { Measure } from '../../src/forecast/measures.ts';
import type { MonitorView } from '../../src/forecast/monitor.ts';
import type { Scenario } from '../../src/forecast/scenario.ts';
import type { BaselineView } from '../../src/forecast/baseline-view.ts';
import type { FrameworkViewYear } from '../../src/forecast/framework-view.ts';
import type { MetricInfo, MetricRequest, MetricResult, Option } from '../../src/contract/index.ts';
import type { UploadJob } from '../../src/api/uploads.ts';
import type { SavedMapping } from '../../src/ingest/tabular/saved.ts';
import type { Note } from '../../src/api/notes.ts';
import type { SavedView } from '../../src/api/views.ts';
import type { YearEndView } from '../../src/forecast/yearend-view.ts';
import type { BenchmarkSeries } from '../../src/benchmark/series.ts';
import type { BenchmarkChoices } from '../../src/benchmark/choices.ts';
import type { NormalisedComparison } from '../../src/benchmark/compare.ts';
import type { SavedReferenceGroup } from '../../src/api/answer.ts';
import type { OwnCbsView } from '../../src/benchmark/owncbs.ts';

// The wire types are the server's own, from the contract (src/contract), never re-declared here.
export type { MetricInfo, Option };
/** Per filter its values; `years` and `last_month` ('2024-11', the last month with care or costs) span the data. */
export type Dimensions = Record<string, Option[]> & { years?: number[]; last_month?: string };
// Notes and saved views as the API keeps them (type-only imports: nothing of the server is bundled).
export type { Note, SavedView, YearEndView };
export type { BenchmarkChoices, BenchmarkSeries, NormalisedComparison, SavedReferenceGroup };
/** GET /api/benchmark: the series with the reference group as the server resolved it (the form a saved group takes). */
export type BenchmarkAnswer = BenchmarkSeries & { group: SavedReferenceGroup['group'] };
/** A question as the engine takes it. */
export type Question = MetricRequest;

/** A failed API call, carrying the server's Dutch message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

/** The CSRF token of the current session (from /api/login or /api/session), sent on every state-changing request. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface SessionUser {
  name: string;
  roleLabel: string;
  municipalities: string[];
  /**
   * The role's rights as the server states them (src/access/roles.ts); the server checks them again on every call.
   * `suppressed`: an aggregate-only role (whole years, no filters besides the municipality).
   */
  rights?: { upload?: boolean; suppressed?: boolean; importStatus?: boolean; readNotes?: boolean; writeNotes?: boolean };
}

let busy = 0;
const listeners = new Set<(busy: boolean) => void>();
export function onBusy(fn: (busy: boolean) => void): void {
  listeners.add(fn);
}
function setBusy(delta: number): void {
  busy += delta;
  for (const fn of listeners) fn(busy > 0);
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  setBusy(1);
  try {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    if (csrfToken && init.method && init.method !== 'GET') headers.set('x-csrf-token', csrfToken);
    let res: Response;
    try {
      res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
    } catch {
      throw new ApiFailure(0, 'De server van Roer is niet bereikbaar. Controleer of Roer nog draait.');
    }
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      const err = body?.error;
      throw new ApiFailure(res.status, err?.message ?? `De server gaf een fout (${res.status}).`, err?.param ?? null);
    }
    return body as T;
  } finally {
    setBusy(-1);
  }
}

/** `{ municipality: ['0150'], from: … }` + split + params → `municipality=0150&from=…&split=year&p.top=10`. */
export function queryOf(q: Question): URLSearchParams {
  const s = new URLSearchParams();
  for (const [key, value] of Object.entries(q.filters)) {
    if (value === undefined) continue;
    s.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (q.split.length) s.set('split', q.split.join(','));
  for (const [name, value] of Object.entries(q.params ?? {})) s.set(`p.${name}`, String(value));
  return s;
}

export const api = {
  /** The logged-in user; `undefined` when the server has no login at all (an app without the access layer). */
  session: async (): Promise<{ user: SessionUser | null } | undefined> => {
    try {
      const r = await request<{ user: SessionUser | null; csrfToken?: string }>('/api/session');
      setCsrfToken(r.csrfToken ?? null);
      return r;
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 404) return undefined;
      throw e;
    }
  },
  login: async (name: string, password: string) => {
    const r = await request<{ user: SessionUser; csrfToken: string }>('/api/login', {
      method: 'POST',
      body: JSON.stringify({ name, password }),
      headers: { 'content-type': 'application/json' },
    });
    setCsrfToken(r.csrfToken);
    return r.user;
  },
  logout: () => request<{ ok: true }>('/api/logout', { method: 'POST' }).finally(() => setCsrfToken(null)),
  metrics: () => request<{ metrics: MetricInfo[] }>('/api/metrics').then((r) => r.metrics),
  dimensions: () => request<Dimensions>('/api/dimensions'),
  compute: (id: string, q: Question) => request<MetricResult>(`/api/metrics/${encodeURIComponent(id)}?${queryOf(q)}`),
  /** `view`: how the screen showed the answer (sort measure, first year shown), so the file matches it. */
  exportUrl: (id: string, q: Question, format: 'csv' | 'xlsx', view: { order?: string; shownFrom?: number } = {}) => {
    const s = queryOf(q);
    if (view.order) s.set('order', view.order);
    if (view.shownFrom) s.set('shown_from', String(view.shownFrom));
    return `/api/metrics/${encodeURIComponent(id)}/export.${format}?${s}`;
  },
  status: () => request<StatusSummary>('/api/status'),
  notes: (q: { metric?: string; municipality?: string; from?: string; to?: string }) => {
    const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]);
    return request<{ notes: Note[] }>(`/api/notes?${s}`).then((r) => r.notes);
  },
  upload: (form: FormData) => request<UploadJob>('/api/uploads', { method: 'POST', body: form }),
  uploadJob: (id: string) => request<UploadJob>(`/api/uploads/${encodeURIComponent(id)}`),
  mappings: () => request<{ mappings: SavedMapping[] }>('/api/mappings').then((r) => r.mappings),
  saveMapping: (name: string, mapping: unknown) =>
    request<SavedMapping>('/api/mappings', {
      method: 'POST',
      body: JSON.stringify({ name, mapping }),
      headers: { 'content-type': 'application/json' },
    }),
  note: (id: number) => request<Note>(`/api/notes/${id}`),
  views: () => request<{ views: SavedView[] }>('/api/views').then((r) => r.views),
  view: (id: string) => request<SavedView>(`/api/views/${encodeURIComponent(id)}`),
  saveView: (view: { name: string; page: string } & SavedView['state']) =>
    request<SavedView>('/api/views', {
      method: 'POST',
      body: JSON.stringify(view),
      headers: { 'content-type': 'application/json' },
    }),
  deleteView: (id: string) => request<SavedView>(`/api/views/${encodeURIComponent(id)}/delete`, { method: 'POST' }),
  coverage: () => request<{ through: string | null }>('/api/coverage'),
  /** The introduction and conclusions of a report (gemeente '' = the region). */
  reportTexts: (gemeente: string, jaar: number) =>
    request<ReportTexts>(`/api/report/texts?${new URLSearchParams({ ...(gemeente ? { gemeente } : {}), jaar: String(jaar) })}`),
  saveReportTexts: (texts: { gemeente: string | null; jaar: number; introduction: string; conclusions: string }) =>
    request<ReportTexts>('/api/report/texts', {
      method: 'POST',
      body: JSON.stringify(texts),
      headers: { 'content-type': 'application/json' },
    }),
  /** The year-end forecast (src/forecast/yearend-view.ts); gemeente '' = the region within the user's municipalities. */
  forecastYearEnd: (q: { gemeente?: string; jaar?: number; per?: 'care_type' | 'team' }) =>
    request<YearEndView | null>(
      `/api/forecast/yearend?${new URLSearchParams(
        Object.entries(q)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      )}`,
    ),
  /** The own youth counts with CBS's definition beside CBS's figures (src/api/routes/benchmark-own.ts). */
  benchmarkOwn: (q: { gemeente: string; jaar: number }) =>
    request<OwnCbsView>(`/api/benchmark/eigen?${new URLSearchParams({ gemeente: q.gemeente, jaar: String(q.jaar) })}`),
  /** The measures register of a municipality ('' = the region) and its scenario (src/api/routes/forecast-measures.ts). */
  measures: (gemeente: string) => request<StoredMeasure[]>(`/api/measures?${new URLSearchParams(gemeente ? { gemeente } : {})}`),
  saveMeasure: (measure: Record<string, unknown>) =>
    request<StoredMeasure>('/api/measures', {
      method: 'POST',
      body: JSON.stringify(measure),
      headers: { 'content-type': 'application/json' },
    }),
  deleteMeasure: (gemeente: string, id: string) =>
    request<StoredMeasure>(`/api/measures/${encodeURIComponent(id)}/delete`, {
      method: 'POST',
      body: JSON.stringify({ gemeente: gemeente || null }),
      headers: { 'content-type': 'application/json' },
    }),
  scenario: (q: Record<string, string>) => request<ScenarioAnswer>(`/api/forecast/scenario?${new URLSearchParams(q)}`),
  /** A measure's indicator before and after its start (src/forecast/monitor.ts). */
  monitor: (gemeente: string, id: string) =>
    request<MonitorView>(`/api/measures/${encodeURIComponent(id)}/monitor?${new URLSearchParams(gemeente ? { gemeente } : {})}`),
  /** The financial framework with the whole cost picture (gemeente '' = the region). */
  forecastFramework: (gemeente: string) =>
    request<FrameworkViewYear[]>(`/api/forecast/framework?${new URLSearchParams(gemeente ? { gemeente } : {})}`),
  /** The multi-year baseline fitted on `basisjaar`, `jaren` ahead, prices indexed by `indexatie` % a year. */
  forecastBaseline: (gemeente: string, basisjaar: number, jaren: number, indexatie: number) =>
    request<BaselineView>(
      `/api/forecast/baseline?${new URLSearchParams({ ...(gemeente ? { gemeente } : {}), basisjaar: String(basisjaar), jaren: String(jaren), indexatie: String(indexatie) })}`,
    ),
  /** The benchmark page (/vergelijken, src/api/routes/benchmark*.ts): CBS's public figures, never own data. */
  benchmarkChoices: () => request<BenchmarkChoices>('/api/benchmark/keuzes'),
  /** `q`: the query of GET /api/benchmark (gemeente, groep, buren, maat, basis); the CSV export takes the same. */
  benchmark: (q: URLSearchParams) => request<BenchmarkAnswer>(`/api/benchmark?${q}`),
  benchmarkCsvUrl: (q: URLSearchParams) => `/api/benchmark/export.csv?${q}`,
  benchmarkCompare: (a: string, b: string, periode: string) =>
    request<NormalisedComparison & { period: string }>(`/api/benchmark/vergelijking?${new URLSearchParams({ a, b, periode })}`),
  referenceGroups: (gemeente: string) =>
    request<SavedReferenceGroup[]>(`/api/benchmark/groepen?${new URLSearchParams({ gemeente })}`),
  saveReferenceGroup: (gemeente: string, name: string, group: SavedReferenceGroup['group']) =>
    request<SavedReferenceGroup>('/api/benchmark/groepen', {
      method: 'POST',
      body: JSON.stringify({ gemeente, name, group }),
      headers: { 'content-type': 'application/json' },
    }),
  deleteReferenceGroup: (gemeente: string, name: string) =>
    request<SavedReferenceGroup>('/api/benchmark/groepen/delete', {
      method: 'POST',
      body: JSON.stringify({ gemeente, name }),
      headers: { 'content-type': 'application/json' },
    }),
  addNote: (note: { metric: string; municipality: string | null; from: string; to: string; text: string }) =>
    request<Note>('/api/notes', { method: 'POST', body: JSON.stringify(note), headers: { 'content-type': 'application/json' } }),
};

/** GET /api/measures: a measure of the register with its place, author and indicator. */
export interface StoredMeasure extends Measure {
  municipality: string | null;
  indicator: { metric: string; column: string; filters?: Record<string, unknown> } | null;
  author: string;
  saved_at: string;
}

/** GET /api/forecast/scenario: per year the naive sum beside P10/P50/P90 (cents), the baseline it ran on, the caveats. */
export type ScenarioAnswer = Scenario;

/** GET /api/report/texts: nothing saved yet reads as empty texts without an author. */
export interface ReportTexts {
  municipality: string | null;
  year: number;
  introduction: string | null;
  conclusions: string | null;
  author: string | null;
  saved_at: string | null;
}

/** GET /api/status, loosely typed: the page shows whatever counts, files and quarantine entries it gets. */
export interface StatusSummary {
  counts?: Record<string, number>;
  files?: Record<string, string | number | null>[];
  quarantine?: Record<string, string | number | null>[];
  [key: string]: unknown;
}

/** An upload and, once read, what became of its file; a saved column mapping (the server's own types). */
export type { SavedMapping, UploadJob };
