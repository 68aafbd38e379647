// The stored measures register per municipality (or the region): list, save (create or update) and delete, each edit
// audited with its author, so a council can trace who changed a measure's band and when.
import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../access/audit.ts';
import { HttpError } from '../errors.ts';
import { sql, type Store } from '../store/index.ts';
import type { Lever } from './levers.ts';
import type { Band, Measure, MeasureStatus } from './measures.ts';

/** What a measure is watched by: a metric's column under filters (e.g. GP referrals to specialist mental health). */
export interface Indicator {
  metric: string;
  column: string;
  filters?: Record<string, unknown>;
}

/** A measure as the register keeps it: the model's measure, its place, its indicator and who saved it last. */
export interface StoredMeasure extends Measure {
  /** null: the whole region. */
  municipality: string | null;
  indicator: Indicator | null;
  author: string;
  saved_at: string;
}

/** A measure to save: without an id (or with one of a measure of this place) and without author. */
export type NewMeasure = Omit<StoredMeasure, 'id' | 'author' | 'saved_at'> & { id?: string };

// The region is stored as '' (as in report_text).
const key = (municipality: string | null) => municipality ?? '';

interface MeasureRow {
  id: string;
  municipality: string;
  name: string;
  description: string;
  owner: string | null;
  start: string | null;
  preparation_months: number | null;
  investment_cents: number | bigint;
  status: string;
  indicator: string | null;
  author: string;
  saved_at: string;
}

/** The register of one place, in its order; each measure with its mechanisms. */
export async function listMeasures(store: Store, municipality: string | null): Promise<StoredMeasure[]> {
  const rows = await store.all<MeasureRow>(
    sql`SELECT id, municipality, name, description, owner, strftime(start, '%Y-%m-%d') AS start, preparation_months,
        investment_cents, status, indicator, author, strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at
      FROM measure WHERE municipality = ${key(municipality)} ORDER BY position, id`,
  );
  const all = await store.all<{ measure_id: string; lever: string; bands: string }>(
    sql`SELECT x.measure_id, x.lever, x.bands FROM measure_mechanism x JOIN measure m ON m.id = x.measure_id
      WHERE m.municipality = ${key(municipality)} ORDER BY x.measure_id, x.position`,
  );
  return rows.map((r) => ({
    id: r.id,
    municipality: r.municipality === '' ? null : r.municipality,
    name: r.name,
    description: r.description,
    owner: r.owner,
    start: r.start,
    preparationMonths: r.preparation_months === null ? null : Number(r.preparation_months),
    investmentCents: Number(r.investment_cents),
    status: r.status as MeasureStatus,
    indicator: r.indicator === null ? null : (JSON.parse(r.indicator) as Indicator),
    mechanisms: all
      .filter((x) => x.measure_id === r.id)
      .map((x) => ({ lever: JSON.parse(x.lever) as Lever, bands: JSON.parse(x.bands) as Band[] })),
    author: r.author,
    saved_at: r.saved_at,
  }));
}

/** One measure of this place, or undefined (also when the id belongs to another place). */
export async function findMeasure(store: Store, municipality: string | null, id: string): Promise<StoredMeasure | undefined> {
  return (await listMeasures(store, municipality)).find((m) => m.id === id);
}

/**
 * Creates the measure (no id) or replaces the one with its id in this place, audits the save and returns it. An id of
 * another place's measure is unknown here (404), so nobody edits a register outside their scope by guessing ids.
 */
export async function saveMeasure(store: Store, actor: Actor, m: NewMeasure, now: Date = new Date()): Promise<StoredMeasure> {
  const at = now.toISOString().slice(0, 19);
  const place = key(m.municipality);
  let id = m.id;
  let position: number;
  if (id !== undefined) {
    const old = await store.one<{ position: number }>(
      sql`SELECT position FROM measure WHERE id = ${id} AND municipality = ${place}`,
    );
    if (!old) throw new HttpError(404, `Onbekende maatregel '${id}'.`, 'id');
    position = Number(old.position);
  } else {
    id = randomUUID();
    const last = await store.one<{ p: number | null }>(sql`SELECT max(position) AS p FROM measure WHERE municipality = ${place}`);
    position = Number(last?.p ?? 0) + 1;
  }
  const indicator = m.indicator ? JSON.stringify(m.indicator) : null;
  await store.transaction(async () => {
    await store.run(sql`DELETE FROM measure_mechanism WHERE measure_id = ${id}`);
    await store.run(sql`DELETE FROM measure WHERE id = ${id}`);
    await store.run(
      sql`INSERT INTO measure VALUES (${id}, ${place}, ${m.name}, ${m.description}, ${m.owner}, ${m.start}::DATE,
        ${m.preparationMonths}, ${m.investmentCents}, ${m.status}, ${indicator}, ${position}, ${actor.name},
        ${at}::TIMESTAMP)`,
    );
    for (const [i, x] of m.mechanisms.entries()) {
      await store.run(
        sql`INSERT INTO measure_mechanism VALUES (${id}, ${i}, ${JSON.stringify(x.lever)}, ${JSON.stringify(x.bands)})`,
      );
    }
  });
  await audit(
    store,
    actor,
    {
      action: 'measure_save',
      target: id,
      detail: { municipality: m.municipality ?? 'regio', name: m.name, new: m.id === undefined, mechanisms: m.mechanisms },
    },
    now,
  );
  return (await findMeasure(store, m.municipality, id))!;
}

/** Deletes the measure with this id in this place and audits it; returns it, or undefined when this place has none. */
export async function deleteMeasure(
  store: Store,
  actor: Actor,
  municipality: string | null,
  id: string,
  now: Date = new Date(),
): Promise<StoredMeasure | undefined> {
  const found = await findMeasure(store, municipality, id);
  if (!found) return undefined;
  await store.transaction(async () => {
    await store.run(sql`DELETE FROM measure_mechanism WHERE measure_id = ${id}`);
    await store.run(sql`DELETE FROM measure WHERE id = ${id}`);
  });
  await audit(
    store,
    actor,
    { action: 'measure_delete', target: id, detail: { municipality: municipality ?? 'regio', name: found.name } },
    now,
  );
  return found;
}

/** A measure to seed: the model's measure (its id is not kept), with its indicator if it has one. */
export type SeedMeasure = Omit<Measure, 'id'> & { id?: string; indicator?: Indicator | null };

/** Loads measures (e.g. the regional plan's fifteen) into a place whose register is empty; returns how many. */
export async function seedMeasures(
  store: Store,
  actor: Actor,
  municipality: string | null,
  measures: readonly SeedMeasure[],
  now: Date = new Date(),
): Promise<number> {
  if ((await listMeasures(store, municipality)).length > 0) return 0;
  for (const { id: _id, indicator, ...m } of measures)
    await saveMeasure(store, actor, { ...m, municipality, indicator: indicator ?? null }, now);
  return measures.length;
}
