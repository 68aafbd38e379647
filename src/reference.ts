// Where the reference data that Roer carries lives (`reference/` in the repository) and which file of it to read.
// Every run-time path to reference data goes through here, so nothing reads outside the repository by accident.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo>/reference`. */
export const REFERENCE_DIR = fileURLToPath(new URL('../reference/', import.meta.url));

/** The iJw 3.2 XSD folder: $ROER_IJW_XSD, else `reference/ijw/xsd`. */
export function xsdDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ROER_IJW_XSD ? resolve(env.ROER_IJW_XSD) : join(REFERENCE_DIR, 'ijw', 'xsd');
}

/**
 * The municipality list: $ROER_GEMEENTEN, else the newest `gemeenten-<year>.csv` in `reference/gemeenten`, so a list
 * published after the mergers of 1 January is read as soon as it is put beside the old one.
 * @example municipalityList() // → '…/reference/gemeenten/gemeenten-2026.csv'
 */
export function municipalityList(env: NodeJS.ProcessEnv = process.env, dir = join(REFERENCE_DIR, 'gemeenten')): string {
  if (env.ROER_GEMEENTEN) return resolve(env.ROER_GEMEENTEN);
  const lists = readdirSync(dir)
    .filter((f) => /^gemeenten-\d{4}\.csv$/.test(f))
    .sort();
  if (!lists.length) throw new Error(`Geen gemeentelijst (gemeenten-<jaar>.csv) gevonden in ${dir}`);
  return join(dir, lists.at(-1)!);
}

/** The demo region's sizing table (inhabitants and youth share of the eleven IJsselland municipalities). */
export const DEMO_REGION_TABLE = join(REFERENCE_DIR, 'demo', 'ijsselland-demo.csv');

/** Municipal mergers (herindelingen): which municipalities went into which, from which 1 January. */
export const MERGERS_TABLE = join(REFERENCE_DIR, 'gemeenten', 'herindelingen.csv');
