// Colours and line styles of chart series: the Okabe–Ito palette (safe with the common forms of colour-blindness),
// a fixed pair for rises and falls, and a look per series that stays distinct beyond the palette's eight colours.

/** Okabe–Ito (black left out: it reads as text). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999', '#F0E442'];

/** A rise (cost up) in vermillion, a fall in blue: apart for every form of colour-blindness; labels carry the sign too. */
export const RISE = '#D55E00';
export const FALL = '#0072B2';
/** Totals and everything neither up nor down. */
export const NEUTRAL = '#6b7480';

export function changeColour(value: number): string {
  return value > 0 ? RISE : value < 0 ? FALL : NEUTRAL;
}

const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'emptyCircle'];

export interface SeriesLook {
  color: string;
  lineType: (typeof LINE_TYPES)[number];
  symbol: string;
  /** Bars past the first eight get a hatch, so no two bars of one chart look the same. */
  hatched: boolean;
}

/**
 * The look of series `i`: colours first, then the same colours dashed (lines) or hatched (bars), then dotted — 24 series
 * before a look repeats. Symbols differ as well, so a line is told apart without relying on colour.
 */
export function seriesLook(i: number): SeriesLook {
  const round = Math.floor(i / PALETTE.length);
  return {
    color: PALETTE[i % PALETTE.length],
    lineType: LINE_TYPES[round % LINE_TYPES.length],
    symbol: SYMBOLS[(i + round) % SYMBOLS.length],
    hatched: round > 0,
  };
}
