// `roer`: parses the command line, dispatches to one subcommand, and is the only place that turns errors into exit codes.
import { parseArgs } from 'node:util';
import { RoerError } from '../errors.ts';
import { commonOptions, type Command } from './command.ts';
import { commands } from './commands.ts';

const HELP = `Roer — stuurinformatie jeugdhulp

Gebruik: roer <opdracht> [opties]

Opdrachten:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Algemene opties:
  --db <bestand>   de database (standaard ./data/roer.duckdb, of $ROER_DB)
  --debug          toon technische details bij fouten
  -h, --help       deze hulp; 'roer <opdracht> --help' voor een opdracht
`;

/** Runs `roer` with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Onbekende opdracht '${name}'. Zie 'roer --help'.\n`);
    return 2;
  }
  return runCommand(command, rest);
}

async function runCommand(command: Command, argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...commonOptions, ...command.options }, allowPositionals: true });
  } catch (e) {
    process.stderr.write(`${dutchArgError(e)}\nZie 'roer ${command.name} --help'.\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(parsed.values as never, parsed.positionals);
  } catch (e) {
    if (e instanceof RoerError) {
      process.stderr.write(`Fout: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`);
    } else {
      process.stderr.write(`Onverwachte fout: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    if (parsed.values.debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

function dutchArgError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `Onbekende optie ${unknown[1]}.`;
  const missing = /Option '([^']+)' argument missing/.exec(msg);
  if (missing) return `Optie ${missing[1]} heeft een waarde nodig.`;
  return `Ongeldige opties: ${msg}`;
}
