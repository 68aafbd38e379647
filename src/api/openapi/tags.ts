// The OpenAPI tags with a Dutch description each, in the order a reader meets them.
export const TAGS = [
  { name: 'inloggen', description: 'Inloggen, uitloggen en de huidige sessie; het beveiligingstoken (CSRF) voor elke POST.' },
  { name: 'analyses', description: 'De catalogus van analyses en het berekenen van één analyse met filters en uitsplitsing.' },
  { name: 'export', description: 'Dezelfde vraag als een analyse, beantwoord als CSV- of Excel-bestand.' },
  { name: 'filters', description: 'De waarden die elke filter kan aannemen, met Nederlandse namen.' },
  { name: 'notities', description: 'Toelichtingen bij een analyse, gemeente en periode.' },
  {
    name: 'weergaven',
    description: 'Opgeslagen weergaven (een pagina met zijn filters) per gebruiker, te delen als link.',
  },
  {
    name: 'inlezen',
    description: 'Bestanden inlezen vanuit de browser (iJw-berichten, CSV/XLSX) en opgeslagen kolomindelingen.',
  },
  {
    name: 'rapport',
    description: 'Het raadsrapport (HTML of PDF) van een gemeente of de regio, met de eigen inleiding en conclusies.',
  },
  {
    name: 'vooruitblik',
    description: 'Vooruitkijken: het financieel kader, de meerjarenraming, de verwachte jaarkosten en de maatregelen.',
  },
  { name: 'status', description: 'Draait de server, en wat staat er in de database.' },
  { name: 'beheer', description: 'Alleen voor de beheerder: het auditlog en het opheffen van een inlogblokkade.' },
  { name: 'documentatie', description: 'Deze beschrijving van de API.' },
] as const;

/** The tag of a route: one of the declared tags, so a new route cannot go undocumented. */
export type TagName = (typeof TAGS)[number]['name'];
