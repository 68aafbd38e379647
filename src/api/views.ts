// Saved views: a user's named dashboard view (page + filters + period + split + parameters) in the store's saved_view
// table. Listed per owner; opened by id by anyone holding the link (the access layer narrows it to the opener's scope).
import { randomBytes } from 'node:crypto';
import { raw, type Store, sql } from '../store/index.ts';
import { badParam } from './errors.ts';

/** What a view shows, as the dashboard's URL state carries it (web/src/state.ts), without the page. */
export interface SavedState {
  /** Selected codes per filter (API filter names); absent = all the opener may see. */
  filters: Record<string, string[]>;
  /** Inclusive years. */
  from?: number;
  to?: number;
  /** A quarter ('2018-Q2'), a month ('2018-05') or year-to-date ('ytd') as the URL's period token; when set, from/to do not count. */
  period?: string;
  split?: string[];
  /** The page's view (a metric id) and the measure the chart shows. */
  view?: string;
  measure?: string;
  params: Record<string, string>;
}

export interface SavedView {
  /** Random and unguessable: the shareable link is /weergave/<id>. */
  id: string;
  name: string;
  page: string;
  owner: string;
  created_at: string;
  state: SavedState;
  /** Set when opening: why the view shows less than when it was saved (the opener's scope), else null. */
  narrowed?: string | null;
}

export type NewSavedView = Pick<SavedView, 'name' | 'page' | 'state'>;

/** The most views one user may keep: a menu longer than this is no menu. */
export const MAX_VIEWS_PER_USER = 100;

interface Row {
  id: string;
  name: string;
  page: string;
  owner: string;
  created_at: string;
  state: string;
}

const COLUMNS = raw(`id, name, page, owner, strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at, state`);

const fromRow = (r: Row): SavedView => ({ ...r, state: JSON.parse(r.state) as SavedState });

/** The views `owner` saved, by name. */
export async function listViews(store: Store, owner: string): Promise<SavedView[]> {
  const rows = await store.all<Row>(
    sql`SELECT ${COLUMNS} FROM saved_view WHERE owner = ${owner} ORDER BY lower(name), created_at, id`,
  );
  return rows.map(fromRow);
}

/** The view with this id, whoever saved it; undefined when there is none. */
export async function findView(store: Store, id: string): Promise<SavedView | undefined> {
  const row = await store.one<Row>(sql`SELECT ${COLUMNS} FROM saved_view WHERE id = ${id}`);
  return row && fromRow(row);
}

/** How many views `owner` keeps. */
export async function countViews(store: Store, owner: string): Promise<number> {
  const row = await store.one<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM saved_view WHERE owner = ${owner}`);
  return row?.n ?? 0;
}

/** Stores a view for `owner` (created now, with a fresh random id) and returns it as stored. */
export async function saveView(store: Store, owner: string, view: NewSavedView): Promise<SavedView> {
  if ((await countViews(store, owner)) >= MAX_VIEWS_PER_USER) {
    throw badParam(null, `U heeft al ${MAX_VIEWS_PER_USER} weergaven bewaard; verwijder er eerst een.`);
  }
  const id = randomBytes(16).toString('base64url');
  await store.run(
    sql`INSERT INTO saved_view (id, owner, name, page, state, created_at)
     VALUES (${id}, ${owner}, ${view.name}, ${view.page}, ${JSON.stringify(view.state)}, date_trunc('second', localtimestamp))`,
  );
  return (await findView(store, id))!;
}

/** Removes `owner`'s view with this id and returns it; undefined when `owner` has no such view (someone else's stays). */
export async function deleteView(store: Store, owner: string, id: string): Promise<SavedView | undefined> {
  const row = await store.one<Row>(sql`DELETE FROM saved_view WHERE id = ${id} AND owner = ${owner} RETURNING ${COLUMNS}`);
  return row && fromRow(row);
}
