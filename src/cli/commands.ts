// The registry of `roer` subcommands, in the order `roer --help` lists them.
import type { Command } from './command.ts';
import { status } from './status.ts';
import { user } from './user.ts';
import { serve } from './serve.ts';
import { importCommand } from './import.ts';
import { demo } from './demo.ts';
import { start } from './start.ts';
import { auditCommand } from './audit.ts';
import { benchmark } from './benchmark.ts';
import { reportCommand } from './report.ts';

export const commands: Command[] = [start, importCommand, status, reportCommand, user, auditCommand, serve, demo, benchmark];
