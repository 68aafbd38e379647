// What every message rule needs from a metric answer: the answer with its source id, a row by year, a number from a
// row (null when absent or protected: a rule says nothing about a hidden figure), and amounts and verbs in words.
import { formatAmount, formatPct } from '../../contract/format.ts';
import type { MetricResult, Value } from '../../contract/index.ts';
import type { Message } from '../model.ts';

/** A metric answer and the id of the source (question) it answered. */
export interface Figures {
  result: MetricResult;
  source: string;
}

/** A message with its weight: the summary lists the heaviest first (the largest effects). */
export interface Ranked {
  message: Message;
  weight: number;
}

/** The number in `row[column]`, or null when it is missing, suppressed ('<10') or not finite. */
export function num(row: Record<string, Value> | undefined, column: string): number | null {
  const v = row?.[column];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The row of `year` (a year column holds a number or its text). */
export function rowOfYear(result: MetricResult, year: number): Record<string, Value> | undefined {
  return result.rows.find((r) => Number(r.year) === year);
}

/** An amount in a sentence: millions with two decimals from € 100.000 up ("€ 0,67 mln"), else in whole euros. */
export const amount = formatAmount;

/** A percentage without its sign, for "steeg met 5,2 %". */
export function size(percent: number): string {
  return formatPct(Math.abs(percent));
}

/** The verb of a change: 'stegen' for a rise, 'daalden' for a fall (plural subject unless `singular`). */
export function moved(change: number, singular = false): string {
  if (singular) return change > 0 ? 'steeg' : 'daalde';
  return change > 0 ? 'stegen' : 'daalden';
}

/** A message written by `rule` from these sources. */
export function message(rule: string, text: string, sources: Figures[], weight: number): Ranked {
  return { message: { rule, text, sources: [...new Set(sources.map((s) => s.source))] }, weight };
}
