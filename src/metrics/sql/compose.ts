// Composes SQL text with bound parameters in the right order: interpolate strings (trusted SQL from code) or Where parts.
import type { Param } from '../../store/index.ts';
import type { Where } from './filters.ts';

/**
 * Tagged template: `sql\`SELECT … WHERE ${where}\`` joins the SQL and concatenates the parts' parameters in text order.
 * Plain strings are inserted as SQL (only code-made SQL, never user input); values go in through `bind(v)`.
 */
export function sql(strings: TemplateStringsArray, ...parts: (string | Where)[]): Where {
  let text = strings[0]!;
  const params: Param[] = [];
  parts.forEach((p, i) => {
    if (typeof p === 'string') text += p;
    else {
      text += p.sql;
      params.push(...p.params);
    }
    text += strings[i + 1]!;
  });
  return { sql: text, params };
}

/** A bound value as a Where part: `sql\`… > ${bind(5)}\``. */
export function bind(value: Param, cast = ''): Where {
  return { sql: cast ? `?::${cast}` : '?', params: [value] };
}

/** Joins parts with a separator, keeping parameter order. */
export function join(parts: Where[], sep: string): Where {
  return { sql: parts.map((p) => p.sql).join(sep), params: parts.flatMap((p) => p.params) };
}
