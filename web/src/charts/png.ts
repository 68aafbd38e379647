// The chart as a PNG that stands on its own: title, the filters in words, the chart, its notes, source and date.
// A saved picture travels into reports and slides without the page around it, so it must carry that context itself.
import type { Chart } from './setup.ts';

export interface PngContext {
  title: string;
  /** Active filters and split, in words ("Gemeente: Steenwijkerland"). */
  filters: string[];
  /** The chart's own notes (what was cut, censoring, colours). */
  notes: string[];
  /** "Bron: Roer, …". */
  source: string;
  /** "Gemaakt op 06-12-2026". */
  made: string;
}

const SCALE = 2;
const PAD = 24 * SCALE;
const FONT = 'system-ui, "DejaVu Sans", sans-serif';

/** Text broken into lines no wider than `width` at the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A PNG data URL of the chart with its context above and below it, on white. */
export async function chartPngWithContext(chart: Chart, c: PngContext): Promise<string> {
  const image = new Image();
  image.src = chart.getDataURL({ type: 'png', pixelRatio: SCALE, backgroundColor: '#ffffff' });
  await image.decode();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const width = Math.max(image.width, 900 * SCALE);
  const textWidth = width - 2 * PAD;
  const blocks: { text: string; size: number; weight: string; color: string }[] = [
    { text: c.title, size: 20, weight: 'bold', color: '#1b1f24' },
    ...c.filters.map((text) => ({ text, size: 14, weight: 'normal', color: '#3b4450' })),
  ];
  const after = [
    ...c.notes.map((text) => ({ text, size: 14, weight: 'normal', color: '#1b1f24' })),
    { text: `${c.source} · ${c.made}`, size: 13, weight: 'normal', color: '#3b4450' },
  ];
  const lay = (list: typeof blocks) =>
    list.flatMap((b) => {
      ctx.font = `${b.weight} ${b.size * SCALE}px ${FONT}`;
      return wrap(ctx, b.text, textWidth).map((line) => ({ ...b, line, height: Math.round(b.size * SCALE * 1.45) }));
    });
  const top = lay(blocks);
  const bottom = lay(after);
  const sum = (l: { height: number }[]) => l.reduce((s, x) => s + x.height, 0);
  canvas.width = width;
  canvas.height = PAD + sum(top) + PAD / 2 + image.height + PAD / 2 + sum(bottom) + PAD;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';
  let y = PAD;
  const draw = (l: ReturnType<typeof lay>) => {
    for (const x of l) {
      ctx.font = `${x.weight} ${x.size * SCALE}px ${FONT}`;
      ctx.fillStyle = x.color;
      ctx.fillText(x.line, PAD, y);
      y += x.height;
    }
  };
  draw(top);
  y += PAD / 2;
  ctx.drawImage(image, Math.round((width - image.width) / 2), y);
  y += image.height + PAD / 2;
  draw(bottom);
  return canvas.toDataURL('image/png');
}
