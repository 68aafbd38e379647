// The controls above a chart: split by (one or two dimensions), the measure shown, and the metric's parameters.
// Selects apply once chosen (onChosen), not on every arrow key.
import type { Dimension } from '../../../src/metrics/types.ts';
import type { MetricInfo } from '../api.ts';
import type { Frame } from '../../../src/charts/frame.ts';
import { onChosen } from '../choose.ts';
import { h } from '../dom.ts';
import { dimLabel } from '../labels.ts';
import { go, withChanges, type ViewState } from '../state.ts';

export function controls(s: ViewState, metric: MetricInfo, split: Dimension[], frame: Frame | null): HTMLElement {
  const dimOptions = [{ value: '', label: '(geen)' }, ...metric.splits.map((d) => ({ value: d, label: dimLabel(d) }))];
  const splitSelect = (i: number, label: string) => {
    const id = `c-split${i}`;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      onChosen(
        h(
          'select',
          { id },
          dimOptions.map((o) => h('option', { value: o.value, selected: (split[i] ?? '') === o.value }, o.label)),
        ),
        (value) => {
          const next = [...split];
          const v = value as Dimension;
          if (v) next[i] = v;
          else next.splice(i);
          go(withChanges(s, { split: next.filter(Boolean), measure: undefined }));
        },
      ),
    );
  };
  const fields: HTMLElement[] = [];
  if (metric.splits.length) {
    fields.push(splitSelect(0, 'Uitsplitsen naar'));
    if (split.length) fields.push(splitSelect(1, 'en naar'));
  }
  if (frame && frame.measures.length > 1) {
    fields.push(
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'c-measure' }, 'Grafiek toont'),
        onChosen(
          h(
            'select',
            { id: 'c-measure' },
            frame.measures.map((m) => h('option', { value: m.name, selected: m.name === frame.primary?.name }, m.label)),
          ),
          (measure) => go(withChanges(s, { measure })),
        ),
      ),
    );
  }
  if (metric.params.length) {
    const inputs = metric.params.map((p) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: `p-${p.name}` }, p.label),
        h('input', {
          id: `p-${p.name}`,
          name: p.name,
          type: p.type === 'number' ? 'number' : 'text',
          value: s.params[p.name] ?? String(p.default),
        }),
      ),
    );
    fields.push(
      h(
        'form',
        {
          class: 'params',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const params: Record<string, string> = {};
            for (const p of metric.params) {
              const v = ((e.target as HTMLFormElement).elements.namedItem(p.name) as HTMLInputElement).value.trim();
              if (v !== '' && v !== String(p.default)) params[p.name] = v;
            }
            go(withChanges(s, { params }));
          },
        },
        inputs,
        h('button', { type: 'submit' }, 'Toepassen'),
      ),
    );
  }
  return h('div', { class: 'controls' }, fields);
}
