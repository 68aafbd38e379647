// /api/uploads and /api/mappings: administrators and analysts upload iJw messages and CSV/XLSX exports (with a saved
// column mapping) in the browser, follow the import by polling its job, and save mappings by name. Every upload and
// every refusal is audited; an analyst's upload may only hold data of the own municipalities (src/ingest/within.ts).
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type Actor, audit } from '../../access/audit.ts';
import { AccessError } from '../../access/errors.ts';
import type { User } from '../../access/roles.ts';
import { assertRight } from '../../access/scope.ts';
import { RoerError } from '../../errors.ts';
import { parseMapping } from '../../ingest/tabular/mapping.ts';
import { checkMappingName, listMappings, saveMapping } from '../../ingest/tabular/saved.ts';
import { ApiError, type ErrorStatus } from '../errors.ts';
import { json } from '../json.ts';
import { type ApiDeps, type ApiEnv, jsonBody, type RouteDef } from '../route.ts';
import type { Uploads } from '../uploads.ts';

export const UPLOAD_PATH = '/api/uploads';

const JOB_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    mapping: { type: ['string', 'null'] },
    status: { enum: ['wachtend', 'bezig', 'klaar', 'mislukt'] },
    progress: { type: 'object' },
    files: { type: 'array', items: { type: 'object' } },
    error: { type: ['string', 'null'] },
  },
};

/** The job as the API shows it (the owner's name only to administrators, who see everyone's uploads). */
const shown = (job: ReturnType<Uploads['list']>[number], user: User) => {
  const { owner, ...rest } = job;
  return user.role === 'admin' ? { ...rest, owner } : rest;
};

export function uploadRoutes(deps: ApiDeps): RouteDef[] {
  const actorOf = (c: Context<ApiEnv>, user: User): Actor => ({ name: user.name, role: user.role, ip: c.get('ip') ?? null });

  /** The uploads service and the logged-in user who may upload; a refusal is audited first. */
  const uploader = async (c: Context<ApiEnv>, doing: string): Promise<{ uploads: Uploads | undefined; user: User }> => {
    const user = c.get('user');
    if (!user) throw new ApiError(401, 'U bent niet ingelogd.');
    try {
      assertRight(user, 'upload', doing);
    } catch (e) {
      if (!(e instanceof AccessError)) throw e;
      await audit(deps.store, actorOf(c, user), {
        action: 'import',
        detail: { via: 'browser', reason: e.message },
        outcome: 'geweigerd',
      });
      throw new ApiError(e.status as ErrorStatus, e.message);
    }
    return { uploads: deps.uploads, user };
  };
  /** The uploads service, once the request itself is known to be sound. */
  const configured = (uploads: Uploads | undefined): Uploads => {
    if (!uploads) throw new ApiError(503, 'Inlezen via de browser is op deze server niet ingesteld.');
    return uploads;
  };

  /** A Dutch RoerError from the importer's checks is the client's mistake (400). */
  const asBadRequest = async <T>(param: string | null, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof RoerError) throw new ApiError(400, e.hint ? `${e.message} ${e.hint}` : e.message, param);
      throw e;
    }
  };

  const submit = async (c: Context<ApiEnv>): Promise<Response> => {
    const { uploads: maybe, user } = await uploader(c, 'bestanden inlezen');
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
      throw new ApiError(400, "Stuur het bestand als multipart/form-data, in het veld 'file'.");
    const uploads = configured(maybe);
    let response: Response | undefined;
    const limited = bodyLimit({
      maxSize: uploads.maxBytes,
      onError: async (c) => {
        const mb = Math.round(uploads.maxBytes / 1024 ** 2);
        const message = `Het bestand is te groot: hoogstens ${mb.toLocaleString('nl-NL')} MB per upload.`;
        await audit(deps.store, actorOf(c, user), {
          action: 'import',
          detail: { via: 'browser', reason: message },
          outcome: 'geweigerd',
        });
        return c.json({ error: { message, param: 'file' } }, 413);
      },
    });
    const early = await limited(c, async () => {
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody();
      } catch {
        throw new ApiError(400, 'De upload kon niet worden gelezen (geen geldige multipart/form-data).');
      }
      const file = body.file;
      if (!(file instanceof File)) throw new ApiError(400, "Kies een bestand (veld 'file').", 'file');
      const mapping = typeof body.mapping === 'string' && body.mapping !== '' ? body.mapping : null;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const job = await asBadRequest('file', () => uploads.submit(user, actorOf(c, user), file.name, bytes, mapping));
      response = json(c, shown(job, user), 201);
    });
    return (early as Response | undefined) ?? response!;
  };

  return [
    {
      method: 'post',
      path: UPLOAD_PATH,
      tag: 'inlezen',
      summary: 'Een bestand inlezen (beheerder en analist): iJw-bericht (.xml) of export (.csv, .xlsx) met kolomindeling',
      description:
        "multipart/form-data met het veld 'file' en, voor CSV/XLSX, 'mapping' (de naam van een opgeslagen kolomindeling). " +
        'Het antwoord is de taak; volg die met GET /api/uploads/{id}. Een analist mag alleen gegevens van de eigen ' +
        'gemeenten inlezen; een bestand met andere gegevens wordt in zijn geheel geweigerd.',
      response: { status: 201, description: 'De ingeplande taak', contentType: 'application/json', schema: JOB_SCHEMA },
      handler: submit,
    },
    {
      method: 'get',
      path: UPLOAD_PATH,
      tag: 'inlezen',
      summary: 'De uploads van deze serverstart die u mag zien (de beheerder alle, een analist de eigen)',
      response: {
        status: 200,
        description: 'Uploads, nieuwste eerst',
        contentType: 'application/json',
        schema: { type: 'object', properties: { uploads: { type: 'array', items: JOB_SCHEMA } } },
      },
      handler: async (c) => {
        const { uploads, user } = await uploader(c, 'uploads inzien');
        return json(c, { uploads: (uploads?.list(user) ?? []).map((j) => shown(j, user)) });
      },
    },
    {
      method: 'get',
      path: `${UPLOAD_PATH}/:id`,
      tag: 'inlezen',
      summary: 'Voortgang en uitkomst van één upload: records ingelezen, in quarantaine (regel, veld, reden)',
      pathParams: [{ name: 'id', description: 'Id van de upload.', schema: { type: 'string' }, required: true }],
      response: { status: 200, description: 'De taak', contentType: 'application/json', schema: JOB_SCHEMA },
      handler: async (c) => {
        const { uploads, user } = await uploader(c, 'uploads inzien');
        const job = uploads?.get(c.req.param('id') ?? '', user);
        if (!job) throw new ApiError(404, 'Deze upload bestaat niet (of is niet van u).', 'id');
        return json(c, shown(job, user));
      },
    },
    {
      method: 'get',
      path: '/api/mappings',
      tag: 'inlezen',
      summary: 'De opgeslagen kolomindelingen voor CSV/XLSX-exports',
      response: {
        status: 200,
        description: 'Kolomindelingen op naam',
        contentType: 'application/json',
        schema: { type: 'object', properties: { mappings: { type: 'array', items: { type: 'object' } } } },
      },
      handler: async (c) => {
        const { uploads } = await uploader(c, 'kolomindelingen inzien');
        return json(c, { mappings: uploads ? await listMappings(uploads.mappingDir) : [] });
      },
    },
    {
      method: 'post',
      path: '/api/mappings',
      tag: 'inlezen',
      summary: 'Een kolomindeling opslaan onder een naam (vervangt een eerdere met die naam)',
      body: {
        type: 'object',
        required: ['name', 'mapping'],
        properties: { name: { type: 'string' }, mapping: { type: 'object', description: 'Zie docs/mapping.md.' } },
      },
      response: {
        status: 201,
        description: 'De opgeslagen kolomindeling',
        contentType: 'application/json',
        schema: { type: 'object' },
      },
      handler: async (c) => {
        const { uploads, user } = await uploader(c, 'kolomindelingen opslaan');
        const body = await jsonBody(c);
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw new ApiError(400, 'Stuur een JSON-object met name en mapping.');
        const { name, mapping, ...rest } = body as Record<string, unknown>;
        const extra = Object.keys(rest)[0];
        if (extra) throw new ApiError(400, `Onbekend veld '${extra}' (toegestaan: name, mapping)`, extra);
        // Checked before the server's set-up, so a wrong mapping is named even where saving is not possible.
        await asBadRequest('mapping', async () => parseMapping(mapping, checkMappingName(name)));
        const dir = configured(uploads).mappingDir;
        const saved = await asBadRequest('mapping', () => saveMapping(dir, name as string, mapping));
        await audit(deps.store, actorOf(c, user), {
          action: 'mapping_save',
          target: saved.name,
          detail: { tables: saved.tables },
        });
        return json(c, saved, 201);
      },
    },
  ];
}
