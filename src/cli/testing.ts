// Test support for the CLI: run `roer …` in-process and capture what it prints.
import { vi } from 'vitest';
import { main } from './main.ts';

/** Runs `roer` with `argv` in this process; returns the exit code and what went to stdout and stderr. */
export async function roer(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
