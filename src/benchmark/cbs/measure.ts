// Finds a measure of a parsed table by its key or its title (or its path through the topic groups), never by the
// numeric suffix of a key: CBS renumbers keys between table versions, titles are what a user reads.
import { RoerError } from '../../errors.ts';
import type { CbsMeasure } from './types.ts';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The measure whose key equals `wanted`, else whose title or path equals it (case and spacing ignored).
 * Not found or ambiguous is a Dutch error naming the candidates.
 * @example resolveMeasure(table.measures, 'Jongeren met jeugdhulp zonder verblijf').key // → 'JongerenMetJeugdhulpZonderVerblijf_3'
 */
export function resolveMeasure(measures: readonly CbsMeasure[], wanted: string): CbsMeasure {
  const byKey = measures.find((m) => m.key === wanted.trim());
  if (byKey) return byKey;
  const w = norm(wanted);
  const hits = measures.filter((m) => norm(m.title) === w || norm(m.path) === w);
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1)
    throw new RoerError(
      `De maatstaf '${wanted}' is niet eenduidig: ${hits.map((m) => `'${m.path}'`).join(', ')}`,
      'Geef de volledige titel met de groep(en) ervoor, gescheiden door " > ".',
    );
  throw new RoerError(`De maatstaf '${wanted}' komt niet voor; wel: ${measures.map((m) => `'${m.title}'`).join(', ')}`);
}
