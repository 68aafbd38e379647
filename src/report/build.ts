// Builds a council report from a source: the title page data, the key messages (the heaviest first), the sections of
// the registry with their notes and caveats, and every source asked. The same data gives the same report, except for
// `generatedAt`.
import { isDate } from '../contract/parse.ts';
import { HttpError } from '../errors.ts';
import type { Ranked } from './messages/figures.ts';
import type { Block, Caveat, Report, ReportRequest, Section } from './model.ts';
import { SECTIONS, type SectionDef } from './sections/index.ts';
import { notesBlock, sectionContext } from './sections/context.ts';
import type { ReportSource } from './source.ts';

/** The summary lists at most this many key messages. */
export const SUMMARY_SIZE = 8;

/**
 * The request with its defaults: compared with the year before, data through the end of the year.
 * @throws HttpError (400, Dutch) for a comparison year that is not before the year, or a `through` outside the year
 */
export function fullRequest(request: ReportRequest): Required<ReportRequest> {
  const { year } = request;
  const compare = request.compare ?? year - 1;
  const through = request.through ?? `${year}-12-31`;
  if (!Number.isInteger(year) || !Number.isInteger(compare) || compare >= year) {
    throw new HttpError(400, `Het vergelijkingsjaar (${compare}) moet vóór het rapportjaar (${year}) liggen.`, 'vergelijk');
  }
  if (!isDate(through) || through < `${year}-01-01` || through > `${year}-12-31`) {
    throw new HttpError(400, `De einddatum (${through}) moet een datum in ${year} zijn (jjjj-mm-dd).`, 'tot');
  }
  return { municipality: request.municipality, year, compare, through };
}

/**
 * The report for `request`, read through `source` (storeSource for the CLI, answerSource for a logged-in user).
 * @example await buildReport(storeSource(store, metricsEngine), { municipality: '1708', year: 2018 }, new Date())
 */
export async function buildReport(
  source: ReportSource,
  request: ReportRequest,
  now: Date,
  sections: readonly SectionDef[] = SECTIONS,
): Promise<Report> {
  const req = fullRequest(request);
  const ctx = sectionContext(source, req);
  const place = await source.place(req.municipality);
  const texts = await source.texts(req.municipality, req.year);
  const built: Section[] = [];
  const ranked: Ranked[] = [];
  let dataCaveats: Caveat[] = [];
  // One after the other: sources are numbered in order of first use, the same on every run.
  for (const def of sections) {
    const out = await def.build(ctx);
    if (!out) continue;
    // A table or chart without rows says nothing: left out, and a section left with nothing is left out too.
    const shown = out.blocks.filter(
      (b) => !((b.kind === 'table' && b.rows.length === 0) || (b.kind === 'chart' && b.result.rows.length === 0)),
    );
    if (shown.length === 0) continue;
    const messages = (out.messages ?? []).filter((m): m is Ranked => m !== null);
    const caveats = (out.caveats ?? []).filter((c): c is Caveat => c !== null);
    ranked.push(...messages);
    if (def.id === 'data') dataCaveats = caveats;
    else ctx.caveats.push(...caveats);
    const blocks: Block[] = [];
    if (messages.length) blocks.push({ kind: 'messages', items: messages.map((m) => m.message) });
    blocks.push(...shown);
    const notes = [];
    for (const metric of def.notes) notes.push(...(await source.notes(metric, ctx.year)));
    const noteBlock = notesBlock(notes);
    if (noteBlock) blocks.push(noteBlock);
    if (caveats.length && def.id !== 'data') blocks.push({ kind: 'caveats', items: caveats });
    built.push({ id: def.id, title: def.title, blocks });
  }
  // The heaviest first; equal weights keep the order of the sections (sort is stable).
  const summary = [...ranked]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, SUMMARY_SIZE)
    .map((r) => r.message);
  return {
    title: `Jeugdhulp in ${place} ${req.year}`,
    place,
    request: req,
    generatedAt: now.toISOString(),
    data: await source.dataVersion(req.municipality ? [req.municipality] : undefined),
    introduction: texts?.introduction ?? null,
    conclusions: texts?.conclusions ?? null,
    summary,
    sections: built,
    caveats: [...ctx.caveats, ...dataCaveats],
    sources: ctx.sources,
    protectedFigures: source.protects,
  };
}
