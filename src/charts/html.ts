// Text that goes into ECharts tooltips: those are HTML, so every label (a provider's name comes from an imported file)
// is escaped before it is put there — a name like `<img onerror=…>` must show as those characters, not as markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text. @example escapeHtml('<b>Zorg & Co</b>') // '&lt;b&gt;Zorg &amp; Co&lt;/b&gt;' */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A tooltip of text lines: each line escaped, joined by line breaks. `marker` is ECharts' own colour dot (HTML). */
export function tooltipLines(...lines: ({ marker?: string; text: unknown } | string)[]): string {
  return lines
    .map((l) => (typeof l === 'string' ? escapeHtml(l) : `${l.marker ?? ''}${l.marker ? ' ' : ''}${escapeHtml(l.text)}`))
    .join('<br>');
}
