// The routes the secured app adds around the API (src/api/auth/routes.ts: login, logout, session, audit log, unlock),
// described for the OpenAPI document. They are registered by hand there, so they are described by hand here; the
// OpenAPI test checks that every route the secured app serves appears in the document.
import { ROLES, RIGHTS } from '../../access/roles.ts';
import { publicUser } from '../auth/routes.ts';
import { SESSION_COOKIE } from '../auth/middleware.ts';
import type { Schema } from '../route.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (status: number) => ({ [status]: { $ref: `#/components/responses/E${status}` } });
const jsonContent = (schema: Schema, example?: unknown) => ({
  'application/json': { schema, ...(example === undefined ? {} : { example }) },
});

/** A real answer: what the dashboard learns about an analyst of Deventer. */
export const EXAMPLE_USER = publicUser({
  name: 'analist',
  role: 'analyst',
  municipalities: ['0150'],
  provider: null,
  team: null,
});
/** Shaped like a real token: 32 random bytes as base64url. */
export const EXAMPLE_CSRF = 'QUW3O4Ml-JFBdUhGJDzTmc1Gux4lddulPAUmrnsUXm4';

export const AUTH_SCHEMAS: Record<string, Schema> = {
  LoginRequest: {
    type: 'object',
    required: ['name', 'password'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 64, description: 'Gebruikersnaam (hoofdletters tellen niet).' },
      password: { type: 'string', minLength: 1, maxLength: 200, format: 'password' },
    },
  },
  User: {
    type: 'object',
    required: ['name', 'role', 'roleLabel', 'municipalities', 'provider', 'team', 'rights'],
    properties: {
      name: { type: 'string' },
      role: { enum: [...ROLES] },
      roleLabel: { enum: ROLES.map((r) => RIGHTS[r].label) },
      municipalities: {
        type: 'array',
        items: { type: 'string', pattern: '^\\d{4}$' },
        description: 'De gemeenten waartoe de gebruiker beperkt is; leeg = geen beperking tot gemeenten.',
      },
      provider: { type: ['string', 'null'], description: 'AGB-code van de eigen aanbieder (rol aanbieder).' },
      team: { type: ['string', 'null'], description: 'Het eigen team (rol teamleider).' },
      rights: {
        type: 'object',
        description: 'Wat de rol mag; het dashboard toont alleen wat past.',
        properties: Object.fromEntries(
          Object.keys(RIGHTS.admin).map((k) => [k, k === 'label' ? { type: 'string' } : { type: 'boolean' }]),
        ),
      },
    },
  },
  Session: {
    type: 'object',
    required: ['user'],
    properties: {
      user: { oneOf: [ref('User'), { type: 'null' }] },
      csrfToken: { type: 'string', description: 'Meesturen in de kop X-CSRF-Token bij elke POST.' },
    },
  },
  AuditEntry: {
    type: 'object',
    required: ['id', 'logged_at', 'actor', 'role', 'action', 'outcome', 'prev_hash', 'hash'],
    properties: {
      id: { type: 'integer' },
      logged_at: { type: 'string', description: 'Tijdstip in UTC.' },
      actor: { type: 'string' },
      role: { type: 'string' },
      action: { type: 'string', description: "Handeling, bijv. 'login', 'compute', 'export', 'audit_read'." },
      target: { type: ['string', 'null'] },
      detail: { type: ['string', 'null'], description: 'Details als JSON-tekst.' },
      row_count: { type: ['integer', 'null'] },
      outcome: { type: 'string' },
      ip: { type: ['string', 'null'] },
      prev_hash: { type: 'string' },
      hash: { type: 'string', description: 'Controlegetal van de keten (roer audit verify rekent het na).' },
    },
  },
};

const auditQuery = [
  { name: 'from', in: 'query', description: 'Vanaf deze datum (jjjj-mm-dd).', schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', description: 'Tot en met deze datum (jjjj-mm-dd).', schema: { type: 'string', format: 'date' } },
  { name: 'actor', in: 'query', description: 'Alleen deze gebruiker.', schema: { type: 'string' } },
  { name: 'action', in: 'query', description: "Alleen deze handeling, bijv. 'login'.", schema: { type: 'string' } },
  {
    name: 'limit',
    in: 'query',
    description: 'Hoogstens zoveel regels.',
    schema: { type: 'integer', minimum: 0, maximum: 999_999 },
  },
];

/** The auth routes' path items, keyed by OpenAPI path (security is added by the document builder). */
export const AUTH_PATHS: Record<string, Record<string, unknown>> = {
  '/api/login': {
    post: {
      operationId: 'postLogin',
      tags: ['inloggen'],
      summary: 'Inloggen met gebruikersnaam en wachtwoord',
      description:
        'Zet de sessiecookie en de leesbare CSRF-cookie, en geeft de gebruiker en het beveiligingstoken terug. ' +
        'Een bestaande sessie van deze browser wordt eerst beëindigd. Na te veel mislukte pogingen is inloggen een tijd geblokkeerd (429).',
      requestBody: {
        required: true,
        content: jsonContent(ref('LoginRequest'), { name: 'analist', password: 'correct paard batterij niet' }),
      },
      responses: {
        200: {
          description: 'Ingelogd',
          headers: {
            'Set-Cookie': {
              description: `De sessiecookie ${SESSION_COOKIE} (HttpOnly) en de CSRF-cookie.`,
              schema: { type: 'string' },
            },
          },
          content: jsonContent(ref('Session'), { user: EXAMPLE_USER, csrfToken: EXAMPLE_CSRF }),
        },
        ...error(400),
        401: {
          description: 'Onbekende gebruikersnaam of onjuist wachtwoord',
          content: jsonContent(ref('Error'), {
            error: { message: 'Onbekende gebruikersnaam of onjuist wachtwoord.', param: null },
          }),
        },
        ...error(403),
        429: {
          description: 'Te veel mislukte pogingen; Retry-After zegt na hoeveel seconden het weer kan',
          headers: { 'Retry-After': { description: 'Seconden tot de blokkade afloopt.', schema: { type: 'integer' } } },
          content: jsonContent(ref('Error'), {
            error: { message: 'Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.', param: null },
          }),
        },
      },
    },
  },
  '/api/logout': {
    post: {
      operationId: 'postLogout',
      tags: ['inloggen'],
      summary: 'Uitloggen',
      description: 'Beëindigt de sessie, schrijft het uitloggen in het auditlog en wist beide cookies.',
      responses: {
        200: {
          description: 'Uitgelogd',
          content: jsonContent({ type: 'object', properties: { ok: { const: true } } }, { ok: true }),
        },
        ...error(401),
        ...error(403),
      },
    },
  },
  '/api/session': {
    get: {
      operationId: 'getSession',
      tags: ['inloggen'],
      summary: 'Wie is er ingelogd?',
      description:
        'Met een geldige sessie: de gebruiker en het beveiligingstoken (en de CSRF-cookie opnieuw). Zonder: user is null.',
      responses: {
        200: {
          description: 'De huidige sessie',
          content: {
            'application/json': {
              schema: ref('Session'),
              examples: {
                ingelogd: { summary: 'Ingelogd', value: { user: EXAMPLE_USER, csrfToken: EXAMPLE_CSRF } },
                nietIngelogd: { summary: 'Niet ingelogd', value: { user: null } },
              },
            },
          },
        },
        ...error(400),
      },
    },
  },
  '/api/audit': {
    get: {
      operationId: 'getAudit',
      tags: ['beheer'],
      summary: 'Het auditlog lezen (alleen de beheerder)',
      description: 'Wie wat wanneer vroeg, met de uitkomst; het lezen zelf komt ook in het auditlog.',
      parameters: auditQuery,
      responses: {
        200: {
          description: 'De regels van het auditlog, nieuwste eerst',
          content: jsonContent({
            type: 'object',
            required: ['entries'],
            properties: { entries: { type: 'array', items: ref('AuditEntry') } },
          }),
        },
        ...error(400),
        ...error(401),
        ...error(403),
      },
    },
  },
  '/api/audit/export.csv': {
    get: {
      operationId: 'getAuditExportCsv',
      tags: ['beheer'],
      summary: 'Het auditlog als CSV (alleen de beheerder)',
      description: "Dezelfde regels als GET /api/audit (standaard hoogstens 100.000), als CSV met ';' en UTF-8 met BOM.",
      parameters: auditQuery,
      responses: {
        200: { description: 'CSV-bestand', content: { 'text/csv': { schema: { type: 'string' } } } },
        ...error(400),
        ...error(401),
        ...error(403),
      },
    },
  },
  '/api/users/{name}/unlock': {
    post: {
      operationId: 'postUsersNameUnlock',
      tags: ['beheer'],
      summary: 'Een inlogblokkade opheffen (alleen de beheerder)',
      description:
        'Vergeet de mislukte inlogpogingen van deze gebruiker, zodat hij meteen weer kan inloggen. Terwijl de server draait ' +
        'kan `roer user unlock` niet bij de database; dit is dan de weg.',
      parameters: [{ name: 'name', in: 'path', required: true, description: 'Gebruikersnaam.', schema: { type: 'string' } }],
      responses: {
        200: {
          description: 'Opgeheven; failures is het aantal vergeten mislukte pogingen',
          content: jsonContent(
            {
              type: 'object',
              required: ['name', 'failures'],
              properties: { name: { type: 'string' }, failures: { type: 'integer' } },
            },
            { name: 'analist', failures: 5 },
          ),
        },
        ...error(401),
        ...error(403),
        ...error(404),
      },
    },
  },
};
