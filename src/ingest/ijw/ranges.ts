// Where each record (and each client) sits in the file, so that a schema error on line N quarantines exactly the record
// that contains it: the product line or prestatie itself, else all records of the client, else (header) all records.
import type { SchemaError } from './schema-errors.ts';

export interface RecordProblem {
  line: number;
  field: string | null;
  reason: string;
}

export class RecordRanges {
  private recStart: number[] = [];
  private recEnd: number[] = [];
  private clientStart: number[] = [];
  private clientEnd: number[] = [];
  private clientFirst: number[] = [];
  private clientLast: number[] = [];

  get records(): number {
    return this.recStart.length;
  }

  startClient(line: number): void {
    this.clientStart.push(line);
    this.clientEnd.push(Number.MAX_SAFE_INTEGER);
    this.clientFirst.push(this.recStart.length);
    this.clientLast.push(this.recStart.length - 1);
  }

  endClient(line: number): void {
    const c = this.clientStart.length - 1;
    this.clientEnd[c] = line;
    this.clientLast[c] = this.recStart.length - 1;
  }

  /** Returns the new record's number (0-based, in document order). */
  startRecord(line: number): number {
    this.recStart.push(line);
    this.recEnd.push(Number.MAX_SAFE_INTEGER);
    return this.recStart.length - 1;
  }

  endRecord(line: number): void {
    this.recEnd[this.recEnd.length - 1] = line;
  }

  /** The first schema problem of every affected record, by record number. */
  locate(errors: readonly SchemaError[]): Map<number, RecordProblem> {
    const out = new Map<number, RecordProblem>();
    const mark = (from: number, to: number, e: SchemaError) => {
      for (let r = from; r <= to; r++) if (!out.has(r)) out.set(r, { line: e.line, field: e.field, reason: e.reason });
    };
    for (const e of [...errors].sort((a, b) => a.line - b.line)) {
      const r = lastAtOrBefore(this.recStart, e.line);
      if (r >= 0 && e.line <= this.recEnd[r]!) {
        mark(r, r, e);
        continue;
      }
      const c = lastAtOrBefore(this.clientStart, e.line);
      if (c >= 0 && e.line <= this.clientEnd[c]!) mark(this.clientFirst[c]!, this.clientLast[c]!, e);
      else mark(0, this.recStart.length - 1, e);
    }
    return out;
  }
}

/** Index of the last element of the ascending `xs` that is ≤ `v`, or -1. */
function lastAtOrBefore(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= v) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
