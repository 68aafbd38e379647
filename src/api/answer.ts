// The one gate through which every metric computation, export and note access passes. The access layer (login,
// scoping, suppression, audit) plugs in here as a Guard, so no route can reach figures or notes around it.
import type { Metric, MetricRequest, MetricResult } from '../metrics/types.ts';
import type { Store } from '../store/index.ts';
import type { MetricsEngine } from './engine.ts';
import { addNote, listNotes, type Note } from './notes.ts';

/** The logged-in user as the access layer will set it (`c.set('user', …)`); null when nobody is logged in. */
export interface ApiUser {
  name: string;
}

/** What a route asks for. A note question carries its metric, municipality and period as a MetricRequest's filters. */
export type Question =
  | { kind: 'compute'; metric: Metric; request: MetricRequest }
  | { kind: 'export'; metric: Metric; request: MetricRequest; format: 'csv' | 'xlsx' }
  | { kind: 'notes.read'; metric: Metric | null; request: MetricRequest }
  | { kind: 'notes.write'; metric: Metric; request: MetricRequest; text: string };

export interface Answers {
  compute: MetricResult;
  export: MetricResult;
  'notes.read': Note[];
  'notes.write': Note;
}

export interface AnswerContext {
  store: Store;
  engine: MetricsEngine;
  guard: Guard;
  user: ApiUser | null;
}

/**
 * Scoping and suppression in one place. `admit` may narrow the question (e.g. restrict filters.municipality to the
 * user's municipalities) or throw ApiError 401/403; `release` may alter the answer (e.g. suppress small counts).
 */
export interface Guard {
  admit<Q extends Question>(ctx: AnswerContext, question: Q): Promise<Q>;
  release<Q extends Question>(ctx: AnswerContext, question: Q, answer: Answers[Q['kind']]): Promise<Answers[Q['kind']]>;
}

/** No login, no scoping: every question is admitted as asked. */
export const openGuard: Guard = {
  admit: async (_ctx, q) => q,
  release: async (_ctx, _q, a) => a,
};

/**
 * Answers one question through the guard.
 * @example await answer(ctx, { kind: 'compute', metric, request: { filters: {}, split: ['year'] } })
 */
export async function answer<Q extends Question>(ctx: AnswerContext, question: Q): Promise<Answers[Q['kind']]> {
  const q = await ctx.guard.admit(ctx, question);
  const result = (await dispatch(ctx, q)) as Answers[Q['kind']];
  return ctx.guard.release(ctx, q, result);
}

async function dispatch(ctx: AnswerContext, q: Question): Promise<Answers[Question['kind']]> {
  const f = q.request.filters;
  switch (q.kind) {
    case 'compute':
    case 'export':
      return ctx.engine.compute(ctx.store, q.metric.id, q.request);
    case 'notes.read':
      return listNotes(ctx.store, { metric: q.metric?.id, municipality: f.municipality, from: f.from, to: f.to });
    case 'notes.write':
      return addNote(ctx.store, {
        metric: q.metric.id,
        municipality: f.municipality?.[0] ?? null,
        period_from: f.from!,
        period_to: f.to!,
        author: ctx.user?.name ?? 'onbekend',
        text: q.text,
      });
  }
}
