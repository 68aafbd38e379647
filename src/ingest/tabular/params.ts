// Named values for the import's generated SQL: the parse expressions are text with `$name` placeholders, and `statement`
// turns such text into one statement of the `sql` convention, every placeholder a bound parameter (in text order).
import { join, raw, type Param, type Sql } from '../../store/index.ts';

export class Params {
  readonly values: Record<string, Param> = {};
  private n = 0;

  /** Binds `value` and returns its placeholder, e.g. `$p3`. */
  add(value: Param): string {
    const name = `p${this.n++}`;
    this.values[name] = value;
    return `$${name}`;
  }
}

/**
 * The statement `text` with each `$name` placeholder bound to `values[name]` (a name without a value is an error, so
 * a `$` inside the SQL cannot be mistaken silently).
 * @example statement('SELECT * FROM read_csv($path)', { path: 'x.csv' }) // sql`SELECT * FROM read_csv(${'x.csv'})`
 */
export function statement(text: string, ...valueSets: Record<string, Param>[]): Sql {
  const values: Record<string, Param> = Object.assign({}, ...valueSets);
  const pieces = text.split(/\$([a-z_][a-z0-9_]*)/i);
  const parts: (Sql | Param)[] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) parts.push(raw(piece));
    else if (piece in values) parts.push(values[piece]!);
    else throw new Error(`statement: no value for $${piece}`);
  });
  return join(parts, '');
}
