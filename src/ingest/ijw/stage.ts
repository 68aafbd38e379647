// Staging: the records of a batch of messages (one or many files of one kind) go into a temporary table via the appender
// during parsing, each with its file's index; there SQL marks the quarantined ones, hands them to the quarantine, and
// merges the rest into the real tables. A `stage_file` table beside it holds each file's header.
import type { DuckDBAppender } from '@duckdb/node-api';
import { ident, join, sql, type Sql, type Store } from '../../store/index.ts';
import type { QuarantinedRecord } from '../importlog.ts';
import { STAGE_FILE } from './module.ts';
import type { Header } from './walk.ts';

export type Cell = string | number | null;

/** Why a record goes to quarantine: the line and element of the problem and a Dutch reason. */
export interface RecordProblem {
  line: number;
  field: string | null;
  reason: string;
}
export interface Column {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'BIGINT';
}

/** Where a walked message puts its records: a stage (straight into DuckDB) or a buffer (replayed into a stage later). */
export interface RowSink {
  append(recNo: number, line: number, problem: RecordProblem | undefined, clientId: string | null, own: Cell[]): void;
}

/** The SQL type of each column type. */
const SQL_TYPE: Record<Column['type'], Sql> = { VARCHAR: sql`VARCHAR`, INTEGER: sql`INTEGER`, BIGINT: sql`BIGINT` };

/** Columns every staging table starts with: file and record number, its first line, quarantine marks, the client. */
const COMMON: Column[] = [
  { name: 'file_idx', type: 'INTEGER' },
  { name: 'rec_no', type: 'INTEGER' },
  { name: 'line_no', type: 'INTEGER' },
  { name: 'q_line', type: 'INTEGER' },
  { name: 'q_field', type: 'VARCHAR' },
  { name: 'q_reason', type: 'VARCHAR' },
  { name: 'client_id', type: 'VARCHAR' },
];

/** One file's quarantined record, with the index of its file in the batch. */
export type StagedProblem = QuarantinedRecord & { fileIdx: number };

export class Stage implements RowSink {
  /** Per own column: true when it is text (appended as VARCHAR), false for BIGINT. */
  private readonly text: boolean[];
  /** The batch index of the file whose records are appended now. */
  fileIdx = 0;

  private constructor(
    private readonly store: Store,
    readonly table: string,
    own: Column[],
    private readonly app: DuckDBAppender,
  ) {
    this.text = own.map((c) => c.type === 'VARCHAR');
  }

  /** (Re)creates the empty temporary table `table` with the common and the message's own columns. */
  static async open(store: Store, table: string, own: Column[]): Promise<Stage> {
    const columns = [...COMMON, ...own];
    const columnDefs = join(columns.map((c) => sql`${ident(c.name)} ${SQL_TYPE[c.type]}`));
    await store.run(sql`CREATE OR REPLACE TEMP TABLE ${ident(table)} (${columnDefs})`);
    return new Stage(store, table, own, await store.appender(table, { temp: true }));
  }

  /** Appends one record: common values (file, rec_no, problem, client) then the message's own values, in column order. */
  append(recNo: number, line: number, problem: RecordProblem | undefined, clientId: string | null, own: Cell[]): void {
    const a = this.app;
    a.appendInteger(this.fileIdx);
    a.appendInteger(recNo);
    a.appendInteger(line);
    if (problem) {
      a.appendInteger(problem.line);
      if (problem.field === null) a.appendNull();
      else a.appendVarchar(problem.field);
      a.appendVarchar(problem.reason);
    } else {
      a.appendNull();
      a.appendNull();
      a.appendNull();
    }
    if (clientId === null) a.appendNull();
    else a.appendVarchar(clientId);
    const text = this.text;
    for (let i = 0; i < own.length; i++) {
      const v = own[i];
      if (v === null || v === undefined) a.appendNull();
      else if (text[i]) a.appendVarchar(v as string);
      // A BIGINT column takes a 32-bit value as it is (the appender widens it): no BigInt per value.
      else if ((v as number) === ((v as number) | 0)) a.appendInteger(v as number);
      else a.appendBigInt(BigInt(v));
    }
    a.endRow();
  }

  async close(): Promise<void> {
    this.app.flushSync();
    this.app.closeSync();
  }

  /** Removes the records appended so far for one file (its reading is started over). */
  async discard(fileIdx: number): Promise<void> {
    this.app.flushSync();
    await this.drop([fileIdx]);
  }

  /** Drops the records of the given files (messages received before: they change nothing). */
  async drop(fileIdxs: number[]): Promise<void> {
    if (fileIdxs.length === 0) return;
    await this.store.run(sql`DELETE FROM ${ident(this.table)} WHERE file_idx IN (${join(fileIdxs)})`);
  }

  /** Removes the quarantined records from the stage and returns them for the quarantine table (raw: no BSN, no names). */
  async takeQuarantined(fileNames: string[]): Promise<StagedProblem[]> {
    const t = ident(this.table);
    const rows = await this.store.all<Record<string, string | number | null>>(
      sql`SELECT * FROM ${t} WHERE q_reason IS NOT NULL ORDER BY file_idx, rec_no`,
    );
    if (rows.length === 0) return [];
    await this.store.run(sql`DELETE FROM ${t} WHERE q_reason IS NOT NULL`);
    return rows.map((r) => {
      const { file_idx, rec_no: _n, line_no: _l, q_line, q_field, q_reason, ...rest } = r;
      const raw = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
      const fileIdx = Number(file_idx);
      return {
        fileIdx,
        file: fileNames[fileIdx]!,
        record: Number(q_line),
        field: (q_field as string | null) ?? null,
        reason: String(q_reason),
        raw: JSON.stringify(raw),
      };
    });
  }
}

/** Records of one parsed file kept in memory until its batch is staged (small files only: a batch is capped). */
export class RowBuffer implements RowSink {
  private readonly rows: Parameters<RowSink['append']>[] = [];

  append(...row: Parameters<RowSink['append']>): void {
    this.rows.push(row);
  }

  replay(into: RowSink): void {
    for (const r of this.rows) into.append(...r);
  }
}

/**
 * Fills `stage_file` (module.ts's STAGE_FILE): one row per file of the batch (file_idx = its index) with its header, for
 * the set-based checks and merges.
 */
export async function stageFiles(store: Store, files: { fileId: string; header: Header }[]): Promise<void> {
  await store.run(sql`CREATE OR REPLACE TEMP TABLE ${ident(STAGE_FILE)} (file_idx INTEGER, file_id VARCHAR, sender VARCHAR, receiver VARCHAR,
    message_id VARCHAR, message_date VARCHAR)`);
  const a = await store.appender(STAGE_FILE, { temp: true });
  files.forEach(({ fileId, header: h }, i) => {
    a.appendInteger(i);
    a.appendVarchar(fileId);
    a.appendVarchar(h.afzender);
    a.appendVarchar(h.ontvanger);
    a.appendVarchar(h.identificatie);
    a.appendVarchar(h.dagtekening);
    a.endRow();
  });
  a.flushSync();
  a.closeSync();
}
