// Staging: a file's records go into a temporary table (via the appender, fast) during parsing; there SQL marks the
// quarantined ones, hands them to the quarantine, and merges the rest into the real tables.
import type { DuckDBAppender } from '@duckdb/node-api';
import { quoteIdent, type Store } from '../../store/index.ts';
import type { QuarantinedRecord } from '../importlog.ts';
import type { RecordProblem } from './ranges.ts';

export type Cell = string | number | null;
export interface Column {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'BIGINT';
}

/** Columns every staging table starts with: record number, its first line, quarantine marks, the client's pseudonym. */
const COMMON: Column[] = [
  { name: 'rec_no', type: 'INTEGER' },
  { name: 'line_no', type: 'INTEGER' },
  { name: 'q_line', type: 'INTEGER' },
  { name: 'q_field', type: 'VARCHAR' },
  { name: 'q_reason', type: 'VARCHAR' },
  { name: 'client_id', type: 'VARCHAR' },
];

export class Stage {
  /** Per own column: true when it is text (appended as VARCHAR), false for BIGINT. */
  private readonly text: boolean[];

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
    const t = quoteIdent(table);
    await store.run(`CREATE OR REPLACE TEMP TABLE ${t} (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`);
    return new Stage(store, table, own, await store.connection.createAppender(table, 'main', 'temp'));
  }

  /** Appends one record: common values (rec_no, problem, client) then the message's own values, in column order. */
  append(recNo: number, line: number, problem: RecordProblem | undefined, clientId: string | null, own: Cell[]): void {
    const a = this.app;
    a.appendInteger(recNo);
    a.appendInteger(line);
    if (problem) {
      a.appendInteger(problem.line);
      if (problem.field === null) a.appendNull(); else a.appendVarchar(problem.field);
      a.appendVarchar(problem.reason);
    } else {
      a.appendNull(); a.appendNull(); a.appendNull();
    }
    if (clientId === null) a.appendNull(); else a.appendVarchar(clientId);
    const text = this.text;
    for (let i = 0; i < own.length; i++) {
      const v = own[i];
      if (v === null || v === undefined) a.appendNull();
      else if (text[i]) a.appendVarchar(v as string);
      else a.appendBigInt(BigInt(v));
    }
    a.endRow();
  }

  async close(): Promise<void> {
    this.app.flushSync();
    this.app.closeSync();
  }

  /** Marks records as quarantined (the first problem per record wins). */
  async mark(problems: Map<number, RecordProblem>): Promise<void> {
    if (problems.size === 0) return;
    await this.store.run('CREATE OR REPLACE TEMP TABLE stage_problem (rec_no INTEGER, line INTEGER, field VARCHAR, reason VARCHAR)');
    const a = await this.store.connection.createAppender('stage_problem', 'main', 'temp');
    for (const [rec, p] of problems) {
      a.appendInteger(rec); a.appendInteger(p.line);
      if (p.field === null) a.appendNull(); else a.appendVarchar(p.field);
      a.appendVarchar(p.reason); a.endRow();
    }
    a.flushSync(); a.closeSync();
    const t = quoteIdent(this.table);
    await this.store.run(`UPDATE ${t} SET q_line = p.line, q_field = p.field, q_reason = p.reason
      FROM stage_problem p WHERE ${t}.rec_no = p.rec_no AND ${t}.q_reason IS NULL`);
  }

  async count(): Promise<number> {
    return (await this.store.one<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(this.table)}`))!.n;
  }

  /** Removes the quarantined records from the stage and returns them for the quarantine table (raw: no BSN, no names). */
  async takeQuarantined(fileName: string): Promise<QuarantinedRecord[]> {
    const t = quoteIdent(this.table);
    const rows = await this.store.all<Record<string, string | number | null>>(
      `SELECT * FROM ${t} WHERE q_reason IS NOT NULL ORDER BY rec_no`,
    );
    if (rows.length === 0) return [];
    await this.store.run(`DELETE FROM ${t} WHERE q_reason IS NOT NULL`);
    return rows.map((r) => {
      const { rec_no: _n, line_no: _l, q_line, q_field, q_reason, ...rest } = r;
      const raw = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
      return { file: fileName, record: Number(q_line), field: (q_field as string | null) ?? null, reason: String(q_reason), raw: JSON.stringify(raw) };
    });
  }
}
