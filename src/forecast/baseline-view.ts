// The multi-year baseline as the API and the dashboard show it: per year and care type the inflow, the stock and the
// cost of the stock-flow projection fitted on a base year, with the price index the user sets, and the total per year.
import type { Store } from '../store/index.ts';
import { projectStockFlow } from './stockflow.ts';
import { fitStockFlow } from './stockflow-store.ts';

export interface BaselineYear {
  year: number;
  /** New trajectories in the year. */
  inflow: number;
  /** Youths in care: the mean over the twelve months, and at the end of December. */
  stockMean: number;
  stockEnd: number;
  careDays: number;
  pricePerCareDayCents: number;
  costCents: number;
}

export interface BaselineView {
  baseYear: number;
  /** Price index per year as a percentage (2 = +2 %). */
  indexPercent: number;
  careTypes: { careType: string; years: BaselineYear[] }[];
  /** The care types summed per year (price: total cost ÷ total care-days). */
  total: BaselineYear[];
}

export interface BaselineQuery {
  baseYear: number;
  /** Years after the base year to project. */
  years: number;
  indexPercent: number;
  municipalities?: readonly string[];
}

export async function baselineView(store: Store, q: BaselineQuery): Promise<BaselineView> {
  const years = Array.from({ length: q.years }, (_, i) => q.baseYear + 1 + i);
  const fitted = await fitStockFlow(store, q.baseYear, years, q.indexPercent / 100, { municipalities: q.municipalities });
  const careTypes = fitted
    .map(({ careType, input }) => ({
      careType,
      years: projectStockFlow(input).map(
        (y): BaselineYear => ({
          year: y.year,
          inflow: y.entrants,
          stockMean: y.stock.reduce((a, b) => a + b, 0) / 12,
          stockEnd: y.stock[11]!,
          careDays: y.careDays,
          pricePerCareDayCents: y.pricePerCareDayCents,
          costCents: y.costCents,
        }),
      ),
    }))
    .sort((a, b) => a.careType.localeCompare(b.careType));
  const total = years.map((year, i): BaselineYear => {
    const parts = careTypes.map((c) => c.years[i]!);
    const sum = (f: (y: BaselineYear) => number) => parts.reduce((a, y) => a + f(y), 0);
    const careDays = sum((y) => y.careDays);
    const costCents = sum((y) => y.costCents);
    return {
      year,
      inflow: sum((y) => y.inflow),
      stockMean: sum((y) => y.stockMean),
      stockEnd: sum((y) => y.stockEnd),
      careDays,
      pricePerCareDayCents: careDays > 0 ? Math.round(costCents / careDays) : 0,
      costCents,
    };
  });
  return { baseYear: q.baseYear, indexPercent: q.indexPercent, careTypes, total };
}
