// The one interface to the embedded DuckDB store: open (with migrations), query with bound parameters, transactions,
// appenders for bulk loads. Everything else in Roer reaches the database through this module.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBAppender } from '@duckdb/node-api';
import { RoerError } from '../errors.ts';
import { refreshDerived } from './derive.ts';
import { rowLimitError, timeLimitError, type QueryLimits } from './limits.ts';
import { migrate } from './migrate.ts';
import { toRow, type Row } from './values.ts';

export type Param = string | number | boolean | null | bigint;
export type Params = Param[] | Record<string, Param>;

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
    readonly connection: DuckDBConnection,
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
   * @example const store = await Store.open(':memory:'); await store.all('select 1 as x') // [{ x: 1 }]
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
      (await store.one("SELECT 1 FROM duckdb_tables() WHERE table_name = 'd_meta'"))
    ) {
      await refreshDerived(store);
    }
    return store;
  }

  /** Runs a statement; parameters are always bound, never spliced into the SQL. */
  async run(sql: string, params?: Params): Promise<void> {
    await this.limitedCall(() => this.connection.run(sql, params as never));
  }

  /** Runs a query and returns its rows as plain JSON-safe objects. */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.limitedCall(() => this.connection.runAndReadAll(sql, params as never));
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
    if (!limits) return call();
    if (limits.expired) throw timeLimitError(limits);
    try {
      return await call();
    } catch (e) {
      if (limits.expired) throw timeLimitError(limits);
      throw e;
    }
  }

  /** The first row of a query, or undefined. */
  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
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

  /** A bulk appender on `table` (call `flushSync()`/`closeSync()` when done). */
  async appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Quotes an identifier for SQL; the only way identifiers from outside the code reach a statement. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
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
