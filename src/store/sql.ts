// The one way Roer builds SQL: a tagged template that binds every interpolated value as a parameter. SQL text enters
// only from the template's own literal parts, from `raw(…)` (fixed keywords and fragments made by code) and from
// `ident(…)` (a quoted identifier); fragments nest and carry their parameters along.

/** A value bound as a statement parameter. */
export type Param = string | number | boolean | null | bigint;

/** A piece of SQL text with its bound parameters (`?` placeholders, in text order). */
export class Sql {
  private constructor(
    readonly text: string,
    readonly params: readonly Param[],
  ) {}

  /** Only this module makes fragments: through `sql`, `raw`, `ident` and `join`. */
  static make(text: string, params: readonly Param[]): Sql {
    return new Sql(text, params);
  }
}

/** What may be interpolated: a fragment (inserted with its parameters) or a value (bound; a string is a value too). */
export type SqlPart = Sql | Param;

/**
 * Tagged template: `sql\`SELECT … WHERE code = ${code} AND ${where}\`` binds `code` as a parameter and inserts the
 * fragment `where` with its own parameters, in text order. A plain string is always a bound value, never SQL.
 * @example sql`SELECT * FROM note WHERE id = ${7}` // text 'SELECT * FROM note WHERE id = ?', params [7]
 */
export function sql(strings: TemplateStringsArray, ...parts: SqlPart[]): Sql {
  let text = strings[0]!;
  const params: Param[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text += part.text;
      params.push(...part.params);
    } else if (part === undefined) {
      throw new TypeError('sql: an interpolated value is undefined (use null for SQL NULL)');
    } else {
      text += '?';
      params.push(part);
    }
    text += strings[i + 1]!;
  });
  return Sql.make(text, params);
}

/**
 * Trusted SQL text made by code (a keyword, a column expression, a fragment from a constant): inserted as is. Never
 * pass anything that came from a user or a file; the name is the marker to grep for.
 */
export function raw(text: string): Sql {
  return Sql.make(text, []);
}

/**
 * A quoted identifier (`"name"`, quotes doubled); with several names a qualified one (`ident('temp', 'main', 't')`).
 * @example sql`SELECT count(*) FROM ${ident('d_cost')}` // SELECT count(*) FROM "d_cost"
 */
export function ident(...names: string[]): Sql {
  return raw(names.map((n) => `"${n.replaceAll('"', '""')}"`).join('.'));
}

/**
 * Joins fragments and values with a separator (", " by default), keeping parameter order: a value list for IN,
 * the conditions of a WHERE (`join(conditions, ' AND ')`), the columns of a SELECT.
 */
export function join(parts: readonly SqlPart[], separator = ', '): Sql {
  const pieces = parts.map((p) => sql`${p}`);
  return Sql.make(
    pieces.map((p) => p.text).join(separator),
    pieces.flatMap((p) => p.params),
  );
}

/** The empty fragment (e.g. an optional clause left out). */
export const empty = raw('');

/**
 * Quoted identifiers, one fragment per name, each qualified by `qualifier` when given: the columns of a key list.
 * @example join(idents(['year', 'care_type'], 'g')) // "g"."year", "g"."care_type"
 */
export function idents(names: readonly string[], qualifier?: string): Sql[] {
  return names.map((n) => (qualifier === undefined ? ident(n) : ident(qualifier, n)));
}

/**
 * A constant written into the SQL text instead of bound: only for the statements DuckDB cannot prepare with parameters
 * (a view's body) or where a bound parameter would change the plan or its type (an age limit). A string becomes a quoted
 * literal (quotes doubled), a whole number or bigint its digits; anything else is refused.
 * @example sql`CREATE TEMP VIEW v AS SELECT rowid - ${literal(12n)} AS i FROM t` // … rowid - 12 AS i …
 */
export function literal(value: string | number | bigint): Sql {
  if (typeof value === 'string') return raw(`'${value.replaceAll("'", "''")}'`);
  if (typeof value === 'number' && !Number.isSafeInteger(value))
    throw new TypeError(`sql: literal ${value} is not a whole number`);
  return raw(String(value));
}

/** Fragments each followed by ", " (nothing when there are none): the keys put before further select items. */
export function leading(parts: readonly SqlPart[]): Sql {
  return join([...parts, empty]);
}
