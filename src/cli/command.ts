// The shape of a `roer` subcommand: one file per command in src/cli, registered in main.ts.
import type { ParseArgsConfig } from 'node:util';

export interface Command {
  name: string;
  /** One Dutch line for `roer --help`. */
  summary: string;
  /** Dutch usage text for `roer <name> --help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code. */
  run(values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<number>;
}

/** Options every command understands. */
export const commonOptions = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;
