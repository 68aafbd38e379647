// The shapes of CBS's open-data API (OData v3) that the demo's fictitious tables are written in: the padded region keys,
// the OData answer around a list, a measure (Topic), the region and period dimensions and a TableInfos record whose
// title says the table is fictitious.
import { FICTITIOUS } from '../benchmark/fictitious.ts';
import { YEARS } from './region.ts';

/** A CBS key padded with spaces as CBS writes it: "GM0150    ". */
export const pad = (key: string, width: number) => key.padEnd(width);
export const region = (code: string) => pad(`GM${code}`, 10);
/** An OData v3 answer of `table`'s entity set `set`, one record per line. */
export const odata = (table: string, set: string, value: unknown[]) =>
  `{"odata.metadata":"https://opendata.cbs.nl/ODataApi/OData/${table}/$metadata#Cbs.OData.WebAPI.${set}","value":[\n${value
    .map((v) => JSON.stringify(v))
    .join(',\n')}\n]}\n`;
export const topic = (id: number, parent: number | null, key: string, title: string, unit: string, decimals: number) => ({
  'odata.type': 'Cbs.OData.Topic',
  ID: id,
  Position: id,
  ParentID: parent,
  Type: 'Topic',
  Key: key,
  Title: title,
  Description: null,
  Datatype: decimals ? 'Double' : 'Long',
  Unit: unit,
  Decimals: decimals,
  Default: 'Impossible',
  PresentationType: decimals ? 'Relative' : 'Absolute',
});
/** A top-level group of topics in DataProperties (at position 2, after the region and period dimensions). */
export const topicGroup = (title: string, description: string) => ({
  'odata.type': 'Cbs.OData.TopicGroup',
  ID: 2,
  Position: 2,
  ParentID: null,
  Type: 'TopicGroup',
  Key: '',
  Title: title,
  Description: description,
});

export const GEO = {
  'odata.type': 'Cbs.OData.GeoDimension',
  Type: 'GeoDimension',
  Key: 'RegioS',
  Title: "Regio's",
  Description: null,
  MapYear: '2026',
  ReleasePolicy: true,
};
export const TIME = {
  'odata.type': 'Cbs.OData.TimeDimension',
  Type: 'TimeDimension',
  Key: 'Perioden',
  Title: 'Perioden',
  Description: null,
};
/** The TableInfos record: its title and summary say the table is fictitious (the benchmark checks the title). */
export const tableInfo = (id: string, title: string, summary: string, frequency: string) => ({
  ID: 0,
  Title: `${title} (${FICTITIOUS})`,
  ShortTitle: `${title} (${FICTITIOUS})`,
  Identifier: id,
  Summary: `${summary}. FICTIEF: gegenereerd door Roer voor de demo, geen cijfers van het CBS.`,
  Modified: '2026-01-01T00:00:00',
  ReasonDelivery: 'Demo',
  Language: 'nl',
  Catalog: 'Roer-demo',
  Frequency: frequency,
  Period: `${YEARS[0]} - ${YEARS.at(-1)}`,
  OutputStatus: 'Fictief',
});
