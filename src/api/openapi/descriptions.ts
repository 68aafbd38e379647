// Dutch descriptions of the API's own routes for the OpenAPI document, keyed by `method path` as registered. A route
// that carries its own `description` (RouteDef) keeps it; this list fills in the rest without touching the route files.
import { DEFAULT_LIMITS } from '../answer.ts';
import { MAX_SPLITS } from '../request.ts';

const { maxRows, timeoutMs } = DEFAULT_LIMITS;
export const ROUTE_DESCRIPTIONS: Record<string, string> = {
  'get /api/health':
    'Antwoordt zonder inloggen zodra de server draait, met de versie van Roer. Bedoeld voor bewaking; leest de database niet.',
  'get /api/status':
    'Aantallen per tabel, de ingelezen bestanden en de open quarantaine (bestand, record, veld, reden). ' +
    'Met inloggen alleen voor de beheerder: de bestandsnamen en de quarantaine gaan over de hele regio.',
  'get /api/metrics':
    'De catalogus: per analyse id, titel, definitie, de toegestane uitsplitsingen en de parameters met hun grenzen. ' +
    'clientRows zegt of de rijen afzonderlijke (gepseudonimiseerde) cliënten zijn; alleen rollen die dat mogen zien die analyse.',
  'get /api/metrics/:id':
    'Berekent de analyse voor de gevraagde filters, periode en uitsplitsing, binnen het bereik van de gebruiker. ' +
    'Het antwoord is een tabel (kolommen met Nederlandse namen en eenheden, rijen, totalen) plus de filters die echt zijn ' +
    `toegepast. Hoogstens ${MAX_SPLITS} uitsplitsingen, ${maxRows.toLocaleString('nl-NL')} rijen en ${timeoutMs / 1000} ` +
    'seconden (standaard); daarboven 400 of 503.',
  'post /api/metrics/:id':
    'Dezelfde vraag als GET /api/metrics/{id}, als JSON-object { filters, split, params }. Handig voor lange filterlijsten.',
  'get /api/metrics/:id/export.csv':
    "Dezelfde vraag als GET /api/metrics/{id}, als CSV: UTF-8 met BOM, ';' als scheidingsteken, decimale komma, " +
    "Nederlandse kolomkoppen en een totaalregel 'Totaal'. Teksten die met =, +, -, @ beginnen krijgen een ' ervoor.",
  'get /api/metrics/:id/export.xlsx':
    'Dezelfde vraag als GET /api/metrics/{id}, als Excel-bestand: getallen als getallen met een opmaak per eenheid, ' +
    'een vastgezette kopregel met filter, en een blad Toelichting dat de vraag in het Nederlands uitlegt.',
  'get /api/dimensions':
    'Per filter de mogelijke waarden met hun Nederlandse naam, voor de filterbalk; beperkt tot de gemeenten, aanbieder ' +
    'en het team van de gebruiker. years: de jaren waarin gegevens zijn.',
  'get /api/notes':
    'De notities bij deze analyse en gemeenten waarvan de periode overlapt met from–to. Notities zijn platte tekst en ' +
    'komen terug als JSON-tekst, nooit als HTML.',
  'post /api/notes':
    'Slaat een notitie op bij een analyse, een gemeente (of de hele regio) en een periode. De schrijver is de ingelogde ' +
    'gebruiker; regeleinden blijven, spaties aan begin en eind gaan weg.',
  'get /api/openapi.json':
    'Deze beschrijving, gemaakt uit dezelfde routedefinities en catalogus als de server zelf: altijd volledig.',
};
