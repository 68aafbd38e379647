// The one interface to the embedded DuckDB store: open (with migrations), query with bound parameters (statements made
// with the `sql` tag, src/store/sql.ts), transactions, appenders for bulk loads. Nothing else touches the connection.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBAppender } from '@duckdb/node-api';
import { RoerError } from '../errors.ts';
import { refreshDerived } from './derive.ts';
import { asStoreError, rowLimitError, timeLimitError, type QueryLimits } from './limits.ts';
import { migrate } from './migrate.ts';
import { sql, type Sql } from './sql.ts';
import { toRow, type Row } from './values.ts';

export interface OpenOptions {
  /** Skip migrations (only for tools that inspect a file as is). */
  noMigrate?: boolean;
  /** DuckDB memory limit, e.g. '2GB'. */
  memoryLimit?: string;
}

export class Store {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Set on a store made by `limited`: its limits, and whether its time is up. */
    private readonly limits?: QueryLimits & { expired: boolean },
    private readonly parent?: Store,
  ) {}

  /** The store this one was opened as (itself, or the one a `limited` store was made from): the key for caches. */
  get root(): Store {
    return this.parent ?? this;
  }

  /**
   * Opens (or creates) the store at `path` (':memory:' for tests) and brings its schema up to date.
   * @example const store = await Store.open(':memory:'); await store.all(sql`select 1 as x`) // [{ x: 1 }]
   */
  static async open(path: string, options: OpenOptions = {}): Promise<Store> {
    const file = path === ':memory:' ? path : resolve(path);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, {
        memory_limit: options.memoryLimit ?? '4GB',
        ...(file === ':memory:' ? {} : { temp_directory: `${file}.tmp` }),
      });
    } catch (e) {
      throw translateOpenError(e, file);
    }
    const connection = await instance.connect();
    const store = new Store(file, instance, connection);
    // A migration may change what the derived tables are built from: rebuild them where they exist (an imported store).
    if (
      !options.noMigrate &&
      (await migrate(store)).length &&
      (await store.one(sql`SELECT 1 FROM duckdb_tables() WHERE table_name = 'd_meta'`))
    ) {
      await refreshDerived(store);
    }
    return store;
  }

  /** Runs a statement (its parameters bound, never spliced into the SQL); returns the number of rows it changed. */
  async run(statement: Sql): Promise<number> {
    const result = await this.limitedCall(() => this.connection.run(statement.text, bound(statement)));
    return Number(result.rowsChanged);
  }

  /** Runs a query and returns its rows as plain JSON-safe objects. */
  async all<T = Row>(query: Sql): Promise<T[]> {
    const reader = await this.limitedCall(() => this.connection.runAndReadAll(query.text, bound(query)));
    if (this.limits && reader.currentRowCount > this.limits.maxRows) throw rowLimitError(this.limits, reader.currentRowCount);
    return reader.getRowObjectsJS().map((r) => toRow(r as Record<string, unknown>)) as T[];
  }

  /**
   * Runs `fn` with a store on a connection of its own under `limits`: when the time is up the connection is
   * interrupted and the question fails with a QueryLimitError, as does any query returning more than `maxRows` rows.
   * Other requests (sessions, audit, other questions) meanwhile run on their own connections.
   * @example await store.limited({ timeoutMs: 30_000, maxRows: 200_000 }, (s) => computeMetric(s, 'costs', request))
   */
  async limited<T>(limits: QueryLimits, fn: (store: Store) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    const state = { ...limits, expired: false };
    const timer = setTimeout(() => {
      state.expired = true;
      connection.interrupt();
    }, limits.timeoutMs);
    try {
      return await fn(new Store(this.path, this.instance, connection, state, this.root));
    } finally {
      clearTimeout(timer);
      connection.closeSync();
    }
  }

  /** A call on a limited store: refused once its time is up, and an interruption reported as the time limit. */
  private async limitedCall<T>(call: () => Promise<T>): Promise<T> {
    const limits = this.limits;
    if (limits?.expired) throw timeLimitError(limits);
    try {
      return await call();
    } catch (e) {
      if (limits?.expired) throw timeLimitError(limits);
      throw asStoreError(e);
    }
  }

  /** The first row of a query, or undefined. */
  async one<T = Row>(query: Sql): Promise<T | undefined> {
    return (await this.all<T>(query))[0];
  }

  /**
   * Runs `fn` in one transaction: all of its writes land, or (on any error) none do.
   * Transactions do not nest; the importer opens one per file.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (e) {
      await this.connection.run('ROLLBACK');
      throw e;
    }
  }

  /**
   * A bulk appender on `table` (a temporary table with `temp`); call `flushSync()`/`closeSync()` when done.
   * @example const app = await store.appender('stage_x', { temp: true }); app.appendVarchar('a'); app.endRow(); app.closeSync()
   */
  async appender(table: string, options: { temp?: boolean } = {}): Promise<DuckDBAppender> {
    return options.temp ? this.connection.createAppender(table, 'main', 'temp') : this.connection.createAppender(table);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** The parameters of a statement as the driver takes them (none: undefined, so a statement without `?` runs as is). */
function bound(statement: Sql): never {
  return (statement.params.length ? [...statement.params] : undefined) as never;
}

function translateOpenError(e: unknown, file: string): Error {
  const msg = e instanceof Error ? e.message : String(e);
  if (/lock/i.test(msg)) {
    const pid = /PID (\d+)/.exec(msg)?.[1];
    return new RoerError(
      `De database ${file} is in gebruik door een ander Roer-proces${pid ? ` (proces ${pid})` : ''}.`,
      'Stop dat proces (bijv. `roer serve`) of gebruik een andere database met --db.',
    );
  }
  return new RoerError(`De database ${file} kan niet worden geopend: ${msg}`);
}
