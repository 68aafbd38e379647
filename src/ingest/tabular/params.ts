// Named bound parameters for SQL built in code: values from a mapping or a file never enter the SQL text.
import type { Param } from '../../store/index.ts';

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
