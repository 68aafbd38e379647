// Code lists of the iJw standard read from basisschema.xsd at run time: the meaning of a code is the standard's own
// documentation text, never a copy from memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xsdDir } from '../../reference.ts';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
const unescapeXml = (s: string) => s.replace(/&(?:lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e]!);

const cache = new Map<string, Record<string, string>>();

/**
 * The enumeration of simple type `type` in basisschema.xsd: code → documentation, in the schema's order.
 * @example xsdEnumeration('LDT_RetourCode')['0200'] // → 'Geen opmerking over deze berichtklasse.'
 */
export function xsdEnumeration(type: string, dir = xsdDir()): Record<string, string> {
  const key = `${dir}\n${type}`;
  const known = cache.get(key);
  if (known) return known;
  const basis = readFileSync(join(dir, 'basisschema.xsd'), 'utf8');
  const body = new RegExp(`<xs:simpleType name="${type}">([^]*?)</xs:simpleType>`).exec(basis)?.[1];
  if (body === undefined) throw new Error(`Type ${type} staat niet in basisschema.xsd (${dir})`);
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<xs:enumeration value="([^"]+)">\s*<xs:annotation>\s*<xs:documentation>([^<]*)</g))
    out[m[1]!] = unescapeXml(m[2]!).trim();
  cache.set(key, out);
  return out;
}
