// Renders the catalogue section of docs/metrics.md from the code, so the documented definitions are the real ones.
// Regenerate: npx tsx src/metrics/doc.ts > /tmp/c.md and replace the section after "## Catalogue" (a test compares).
import { catalogue } from './index.ts';
import { PARAM_MAX, PARAM_MAX_LENGTH, type ParamSpec } from './types.ts';

/** The Dutch catalogue as Markdown: one section per metric with definition, splits and parameters. */
export function catalogueMarkdown(): string {
  const out: string[] = [];
  for (const m of catalogue) {
    out.push(`### \`${m.id}\` — ${m.title}`, '', m.definition, '');
    out.push(`- Uitsplitsen naar: ${m.splits.length ? m.splits.map((s) => `\`${s}\``).join(', ') : '—'}`);
    if (m.params?.length) {
      out.push(
        `- Parameters: ${m.params.map((p) => `\`${p.name}\` (${p.label}, standaard ${p.default === '' ? 'leeg' : p.default}${bounds(p)})`).join('; ')}`,
      );
    }
    if (m.clientRows) out.push('- Bevat cliëntregels (pseudoniemen): alleen voor rollen die cliëntgegevens mogen zien.');
    out.push('');
  }
  return out.join('\n');
}

/** What a parameter accepts, as the validation enforces it. */
function bounds(p: ParamSpec): string {
  if (p.type === 'string') return p.format === 'date' ? '' : `, hoogstens ${PARAM_MAX_LENGTH} tekens`;
  return `, ${p.integer ? 'geheel getal ' : ''}${p.min ?? 0}–${p.max ?? PARAM_MAX}`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(catalogueMarkdown());
