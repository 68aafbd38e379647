// The access layer as the API's Guard: every computation, export, note, dimension list and status question passes
// through here with the logged-in user, gets scoped (or refused), suppressed where the role requires, and audited.
import { audit, type AuditEntry } from '../../access/audit.ts';
import { AccessError } from '../../access/errors.ts';
import { guardedCompute } from '../../access/guard.ts';
import { RIGHTS } from '../../access/roles.ts';
import {
  DEFAULT_THRESHOLD,
  assertMeasures,
  assertReferenceGroups,
  assertNoteWrite,
  assertReportPlace,
  forecastMunicipalities,
  assertReportText,
  assertRight,
  narrowFilters,
  scopeDimensions,
  scopeNotes,
  scopeOf,
} from '../../access/scope.ts';
import type { Note } from '../notes.ts';
import type { SavedView } from '../views.ts';
import type { AnswerOf, Guard, Question } from '../answer.ts';
import { ApiError } from '../errors.ts';
import { denied } from '../../access/errors.ts';
import type { OwnCbsView } from '../../benchmark/owncbs.ts';
import { protectOwnCbs } from '../../benchmark/owncbs-protect.ts';

export interface GuardSettings {
  /** Counts below this are suppressed for readers and providers (default 10). */
  threshold?: number;
  /** Perturbation key for readers and providers (src/access/disclosure.ts). */
  cellKey: Buffer;
}

/** The audit entry for a refused question other than a metric answer. */
function refusal(q: Exclude<Question, { kind: 'compute' | 'export' }>, e: AccessError): AuditEntry {
  const action = (
    {
      'notes.read': 'notes_read',
      'notes.write': 'note_add',
      dimensions: 'dimensions_read',
      status: 'status_read',
      'views.list': 'views_read',
      'views.save': 'view_save',
      'views.delete': 'view_delete',
      'views.open': 'view_open',
      coverage: 'coverage_read',
      report: 'report',
      'report.texts.read': 'report_text_read',
      'report.texts.save': 'report_text_save',
      'forecast.yearend': 'forecast_yearend',
      benchmark: 'benchmark_read',
      'benchmark.choices': 'benchmark_read',
      'benchmark.compare': 'benchmark_read',
      'benchmark.groups.list': 'reference_groups_read',
      'benchmark.groups.save': 'reference_group_save',
      'benchmark.groups.delete': 'reference_group_delete',
      'benchmark.own': 'benchmark_own_read',
      'measures.list': 'measures_read',
      'measures.save': 'measure_save',
      'measures.delete': 'measure_delete',
      'measures.scenario': 'scenario',
      'forecast.framework': 'forecast_framework',
      'forecast.baseline': 'forecast_baseline',
    } as const
  )[q.kind];
  const target =
    q.kind === 'notes.read' || q.kind === 'notes.write'
      ? (q.metric?.id ?? null)
      : q.kind === 'views.open' || q.kind === 'views.delete'
        ? q.id
        : q.kind === 'report'
          ? (q.request.municipality ?? 'regio')
          : q.kind === 'report.texts.read'
            ? (q.municipality ?? 'regio')
            : q.kind === 'report.texts.save'
              ? (q.text.municipality ?? 'regio')
              : q.kind === 'forecast.yearend' || q.kind === 'forecast.framework' || q.kind === 'forecast.baseline'
                ? (q.municipality ?? 'regio')
                : q.kind === 'measures.save'
                  ? (q.measure.municipality ?? 'regio')
                  : q.kind === 'measures.list' || q.kind === 'measures.delete' || q.kind === 'measures.scenario'
                    ? (q.municipality ?? 'regio')
                    : q.kind.startsWith('benchmark.groups.')
                      ? (q as { municipality: string }).municipality
                      : q.kind === 'benchmark.own'
                        ? q.municipality
                        : null;
  const filters = q.kind === 'notes.read' || q.kind === 'notes.write' ? q.request.filters : undefined;
  return { action, target, detail: { filters, reason: e.message }, outcome: 'geweigerd' };
}

/** Builds the Guard that createApp routes every question through. */
export function accessGuard(settings: GuardSettings): Guard {
  const guard = async (
    ctx: Parameters<Guard>[0],
    q: Question,
    next: (q: Question) => Promise<AnswerOf<Question>>,
  ): Promise<unknown> => {
    const user = ctx.user;
    if (!user) throw new ApiError(401, 'U bent niet ingelogd.');
    const actor = { name: user.name, role: user.role, ip: ctx.ip };
    // Metric answers are audited by guardedCompute (with their refusals); every other question is audited here.
    const log = (entry: AuditEntry) => audit(ctx.store, actor, entry);
    try {
      switch (q.kind) {
        case 'compute':
        case 'export':
          return await guardedCompute(
            ctx.store,
            user,
            q.metric,
            q.request,
            {
              kind: q.kind === 'compute' ? 'view' : 'export',
              threshold: settings.threshold,
              cellKey: settings.cellKey,
              ip: ctx.ip,
              format: q.kind === 'export' ? q.format : undefined,
            },
            async (scoped) => (await next({ ...q, request: scoped })) as AnswerOf<typeof q>,
          );
        case 'notes.read': {
          if (q.metric?.clientRows && !RIGHTS[user.role].clientRows)
            throw denied(`Met de rol ${RIGHTS[user.role].label} mag u de notities bij '${q.metric.title}' niet lezen.`, 'metric');
          const municipality = scopeNotes(user, q.request.filters.municipality);
          const filters = { ...q.request.filters, municipality };
          const notes = (await next({ ...q, request: { ...q.request, filters } })) as Note[];
          const own = scopeOf(user).municipality;
          const hiddenMetrics = new Set(
            ctx.engine.catalogue.filter((m) => m.clientRows && !RIGHTS[user.role].clientRows).map((m) => m.id),
          );
          // Defence in depth: whatever the query returned, only notes within the scope leave the server.
          const shown = notes.filter(
            (n) => (!own || (n.municipality !== null && own.includes(n.municipality))) && !hiddenMetrics.has(n.metric),
          );
          await log({
            action: 'notes_read',
            target: q.metric?.id ?? null,
            detail: { filters, ...(q.id !== undefined ? { id: q.id } : {}) },
            rowCount: shown.length,
          });
          return shown;
        }
        case 'notes.write': {
          assertNoteWrite(user, q.request.filters.municipality?.[0] ?? null);
          const note = (await next(q)) as Note;
          await log({ action: 'note_add', target: q.metric.id, detail: { id: note.id, municipality: note.municipality } });
          return note;
        }
        case 'dimensions': {
          // Teams and districts have no code of their own in the scope: they are narrowed by their municipality in SQL.
          const dims = (await next({ ...q, municipality: scopeOf(user).municipality })) as Record<string, unknown>;
          await log({ action: 'dimensions_read', detail: { scope: scopeOf(user) } });
          return scopeDimensions(user, dims);
        }
        case 'status': {
          assertRight(user, 'importStatus', 'de importstatus inzien');
          const status = await next(q);
          await log({ action: 'status_read' });
          return status;
        }
        case 'views.list': {
          const views = (await next(q)) as SavedView[];
          await log({ action: 'views_read', rowCount: views.length });
          return views;
        }
        case 'views.save': {
          const view = (await next(q)) as SavedView;
          await log({ action: 'view_save', target: view.id, detail: { page: view.page, state: view.state } });
          return view;
        }
        case 'views.delete': {
          const deleted = await next(q);
          await log({ action: 'view_delete', target: q.id, outcome: deleted ? 'ok' : 'geweigerd' });
          return deleted;
        }
        case 'views.open': {
          // Anyone holding the link may open a view, but only within their own scope: narrowed here, never widened.
          const view = (await next(q)) as SavedView | undefined;
          if (!view) {
            await log({ action: 'view_open', target: q.id, detail: { reason: 'onbekend' }, outcome: 'geweigerd' });
            return undefined;
          }
          const { filters, narrowed } = narrowFilters(user, view.state.filters);
          await log({ action: 'view_open', target: q.id, detail: { owner: view.owner, page: view.page, filters, narrowed } });
          return { ...view, state: { ...view.state, filters }, narrowed };
        }
        case 'coverage': {
          const scope = scopeOf(user);
          // The asked municipalities narrow the scope (one municipality's coverage), never widen it.
          const own = scope.municipality;
          const municipality = own && q.municipality ? q.municipality.filter((m) => own.includes(m)) : (own ?? q.municipality);
          const answer = await next({ ...q, municipality, provider: scope.provider });
          await log({ action: 'coverage_read', detail: { scope } });
          return answer;
        }
        case 'report': {
          assertReportPlace(user, q.request.municipality);
          await next(q);
          const { municipality, ...period } = q.request;
          await log({
            action: 'report',
            target: municipality ?? 'regio',
            detail: { ...period, format: q.format, scope: scopeOf(user) },
          });
          return null;
        }
        case 'report.texts.read': {
          assertReportText(user, q.municipality, false);
          const text = await next(q);
          await log({ action: 'report_text_read', target: q.municipality ?? 'regio', detail: { year: q.year } });
          return text;
        }
        case 'forecast.yearend': {
          const municipalities = forecastMunicipalities(user, q.municipality);
          const view = await next({ ...q, query: { ...q.query, municipalities } });
          const { municipalities: _, ...asked } = q.query;
          await log({
            action: 'forecast_yearend',
            target: q.municipality ?? 'regio',
            detail: { ...asked, scope: scopeOf(user) },
          });
          return view;
        }
        case 'benchmark': {
          // CBS's figures are public: every logged-in user may compare any municipality. The answer holds no own data.
          const series = await next(q);
          await log({
            action: 'benchmark_read',
            target: q.municipality,
            detail: { group: q.group, measure: q.measure, base: q.base },
          });
          return series;
        }
        case 'benchmark.choices': {
          // Public lists (the municipality list, CBS's periods and table titles): every logged-in user.
          const choices = await next(q);
          await log({ action: 'benchmark_read', detail: { what: 'keuzes' } });
          return choices;
        }
        case 'benchmark.compare': {
          // Like the series: CBS's public figures of any two municipalities, no own data in the answer.
          const comparison = await next(q);
          await log({ action: 'benchmark_read', target: q.a, detail: { compare: q.b, period: q.period } });
          return comparison;
        }
        case 'benchmark.groups.list': {
          assertReferenceGroups(user, q.municipality, false);
          const groups = (await next(q)) as unknown[];
          await log({ action: 'reference_groups_read', target: q.municipality, rowCount: groups.length });
          return groups;
        }
        case 'benchmark.groups.save': {
          assertReferenceGroups(user, q.municipality, true);
          const saved = await next(q);
          await log({ action: 'reference_group_save', target: q.municipality, detail: { name: q.name, group: q.group } });
          return saved;
        }
        case 'benchmark.groups.delete': {
          assertReferenceGroups(user, q.municipality, true);
          const deleted = await next(q);
          await log({
            action: 'reference_group_delete',
            target: q.municipality,
            detail: { name: q.name },
            outcome: deleted ? 'ok' : 'geweigerd',
          });
          return deleted;
        }
        case 'benchmark.own': {
          // Own data of one municipality: only within the scope, and for readers protected like any count of youths.
          const scope = scopeOf(user);
          if (scope.provider || scope.team)
            throw denied(
              'Deze cijfers tellen alle jongeren van de gemeente; met een account voor één aanbieder of team kunt u ze niet inzien.',
              'gemeente',
            );
          assertReportPlace(user, q.municipality);
          const view = await next(q);
          const shown = RIGHTS[user.role].suppressed
            ? protectOwnCbs(view as OwnCbsView, settings.cellKey, settings.threshold ?? DEFAULT_THRESHOLD)
            : view;
          await log({ action: 'benchmark_own_read', target: q.municipality, detail: { year: q.year, scope } });
          return shown;
        }
        case 'report.texts.save':
          // The save itself is audited by saveReportText.
          assertReportText(user, q.text.municipality, true);
          return await next(q);
        case 'measures.list': {
          assertMeasures(user, q.municipality, false);
          const list = await next(q);
          await log({ action: 'measures_read', target: q.municipality ?? 'regio', rowCount: (list as unknown[]).length });
          return list;
        }
        case 'measures.save':
          // The save and the delete are audited by the register itself.
          assertMeasures(user, q.measure.municipality, true);
          return await next(q);
        case 'measures.delete': {
          assertMeasures(user, q.municipality, true);
          const deleted = await next(q);
          if (!deleted)
            await log({ action: 'measure_delete', target: q.id, detail: { reason: 'onbekend' }, outcome: 'geweigerd' });
          return deleted;
        }
        case 'measures.scenario': {
          assertMeasures(user, q.municipality, false);
          // The levers run on the data of the own municipalities (an account without one was refused above).
          const result = await next({ ...q, municipalities: scopeOf(user).municipality });
          await log({ action: 'scenario', target: q.municipality ?? 'regio', detail: { ...q.request } });
          return result;
        }
        case 'forecast.framework':
        case 'forecast.baseline': {
          // Like a report: another municipality is refused; the region is narrowed to the own municipalities.
          assertReportPlace(user, q.municipality);
          const scope = scopeOf(user);
          const own = scope.municipality;
          // A provider or team pin without a municipality would otherwise read the whole region's money.
          if (!own && Object.keys(scope).length > 0)
            throw denied('Uw account heeft geen gemeente toegewezen; vraag de beheerder dit te regelen.', 'gemeente');
          // The baseline shows exact numbers of youths per care type: not for roles whose counts are protected.
          if (q.kind === 'forecast.baseline' && RIGHTS[user.role].suppressed)
            throw denied(
              `Met de rol ${RIGHTS[user.role].label} kunt u de meerjarenraming niet inzien: die toont aantallen jeugdigen zonder afscherming.`,
              'gemeente',
            );
          const result = await next({ ...q, municipalities: own });
          const { kind, municipality, municipalities: _, ...asked } = q;
          await log({
            action: kind === 'forecast.framework' ? 'forecast_framework' : 'forecast_baseline',
            target: municipality ?? 'regio',
            detail: { ...asked, scope },
          });
          return result;
        }
      }
    } catch (e) {
      if (e instanceof AccessError) {
        if (q.kind !== 'compute' && q.kind !== 'export') await log(refusal(q, e));
      }
      throw e;
    }
  };
  return guard as unknown as Guard;
}
