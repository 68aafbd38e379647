// Uploads in the browser: each file is written to a folder of its own under the data directory, imported by the one
// importer (one upload at a time, on a connection of its own), audited, and then deleted (it may hold BSNs).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type Actor, audit } from '../access/audit.ts';
import { scopeOf } from '../access/scope.ts';
import type { User } from '../access/roles.ts';
import { RoerError } from '../errors.ts';
import { type FileReport, importPaths } from '../ingest/importer.ts';
import { fileDigest } from '../ingest/importlog.ts';
import { loadMunicipalities } from '../ingest/municipalities.ts';
import type { Secret } from '../ingest/pseudonym.ts';
import { readSavedMapping } from '../ingest/tabular/saved.ts';
import type { Mapping } from '../ingest/tabular/index.ts';
import { unzipMessages } from '../ingest/unzip.ts';
import { type Store, sql } from '../store/index.ts';

export interface UploadSettings {
  /** The pseudonym secret (roer.secret beside the database). */
  secret: Secret;
  /** The folder beside the database: `uploads/` (temporary) and `kolomindelingen/` (saved mappings) live in it. */
  dataDir: string;
  /** Largest upload in bytes (default 256 MB). */
  maxBytes?: number;
}

export const DEFAULT_UPLOAD_BYTES = 256 * 1024 ** 2;

/** What was read from one file of an upload, with its open quarantine (the first QUARANTINE_SHOWN records). */
export interface UploadedFile {
  fileName: string;
  kind: string;
  status: FileReport['status'];
  total: number;
  ok: number;
  unchanged: number;
  quarantined: number;
  note: string | null;
  /** Quarantined records, or the lines that made a message fail its schema. */
  problems: { record: number; field: string | null; reason: string }[];
}

export interface UploadJob {
  id: string;
  owner: string;
  fileName: string;
  size: number;
  sha256: string;
  mapping: string | null;
  status: 'wachtend' | 'bezig' | 'klaar' | 'mislukt';
  submitted: string;
  progress: { filesDone: number; filesTotal: number; records: number };
  files: UploadedFile[];
  /** Dutch reason when the upload failed as a whole. */
  error: string | null;
}

/** File types an upload may have; a zip holds iJw messages (unpacked by src/ingest/unzip.ts). */
const TYPES = new Set(['.xml', '.zip', '.csv', '.txt', '.xlsx']);
const TABULAR = new Set(['.csv', '.txt', '.xlsx']);
const QUARANTINE_SHOWN = 500;
const JOBS_KEPT = 200;
/** One import may take long (a region's year of messages); its own connection keeps other requests out of it. */
const IMPORT_LIMITS = { timeoutMs: 6 * 3600_000, maxRows: Number.MAX_SAFE_INTEGER };

/** A file name safe to write and show: the base name, without control or path characters, at most 120 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const clean = base.replace(/[\p{Cc}<>:"|?*]/gu, '').trim();
  if (clean === '' || clean.startsWith('.') || clean.length > 120)
    throw new RoerError('De bestandsnaam is leeg, begint met een punt of is langer dan 120 tekens.');
  return clean;
}

export class Uploads {
  private readonly jobs = new Map<string, UploadJob>();
  private queue: Promise<void> = Promise.resolve();
  readonly maxBytes: number;

  constructor(
    private readonly store: Store,
    private readonly settings: UploadSettings,
  ) {
    this.maxBytes = settings.maxBytes ?? DEFAULT_UPLOAD_BYTES;
  }

  /** Where saved mappings live. */
  get mappingDir(): string {
    return join(this.settings.dataDir, 'kolomindelingen');
  }

  /**
   * Checks the upload, writes it to its own folder and queues its import; returns the job at once.
   * @throws RoerError (Dutch) for a file type Roer does not read or a missing or unknown mapping.
   */
  async submit(user: User, actor: Actor, name: string, bytes: Uint8Array, mappingName: string | null): Promise<UploadJob> {
    const fileName = safeFileName(name);
    const ext = extname(fileName).toLowerCase();
    if (!TYPES.has(ext))
      throw new RoerError(
        `Onbekend bestandstype '${ext || fileName}': Roer leest iJw-berichten (.xml, of een .zip daarvan) en exports (.csv, .txt, .xlsx).`,
      );
    if (TABULAR.has(ext) && !mappingName) throw new RoerError('Kies voor een CSV- of XLSX-bestand een opgeslagen kolomindeling.');
    const mapping = TABULAR.has(ext) && mappingName ? await readSavedMapping(this.mappingDir, mappingName) : undefined;
    const job: UploadJob = {
      id: randomUUID(),
      owner: user.name,
      fileName,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mapping: mapping ? mappingName : null,
      status: 'wachtend',
      submitted: new Date().toISOString().slice(0, 19),
      progress: { filesDone: 0, filesTotal: 1, records: 0 },
      files: [],
      error: null,
    };
    const dir = join(this.settings.dataDir, 'uploads', job.id);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, fileName), bytes);
    this.jobs.set(job.id, job);
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - JOBS_KEPT))) this.jobs.delete(old);
    // One import at a time: the importer's transactions and the derived tables' rebuild are not meant to overlap.
    this.queue = this.queue.then(() => this.run(job, dir, user, actor, mapping));
    return job;
  }

  /** The job if `user` may see it: administrators see every upload, everyone else only their own. */
  get(id: string, user: User): UploadJob | undefined {
    const job = this.jobs.get(id);
    return job && this.visible(job, user) ? job : undefined;
  }

  /** The uploads `user` may see, newest first. */
  list(user: User): UploadJob[] {
    return [...this.jobs.values()].filter((j) => this.visible(j, user)).reverse();
  }

  /** Resolves once every queued upload has finished (for tests and a clean shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private visible(job: UploadJob, user: User): boolean {
    return user.role === 'admin' || job.owner === user.name;
  }

  private async run(job: UploadJob, dir: string, user: User, actor: Actor, mapping: Mapping | undefined): Promise<void> {
    job.status = 'bezig';
    let status: UploadJob['status'] = 'klaar';
    try {
      const municipalities = scopeOf(user).municipality;
      const uploaded = join(dir, job.fileName);
      const unpacked = join(dir, 'uitgepakt');
      const zipped = extname(job.fileName).toLowerCase() === '.zip';
      if (zipped) await mkdir(unpacked);
      const paths = zipped ? await unzipMessages(uploaded, job.fileName, unpacked) : [uploaded];
      const reports = await this.store.limited(IMPORT_LIMITS, async (s) => {
        await loadMunicipalities(s);
        return importPaths(s, paths, {
          secret: this.settings.secret,
          ...(mapping ? { mapping } : {}),
          ...(municipalities ? { municipalities } : {}),
          onProgress: (p) => {
            job.progress = { filesDone: p.filesDone, filesTotal: p.filesTotal, records: p.records };
          },
        });
      });
      job.files = await Promise.all(reports.map((r) => this.describe(r)));
    } catch (e) {
      status = 'mislukt';
      job.error =
        e instanceof RoerError ? e.message : 'Het inlezen is onverwacht mislukt; de details staan in het logboek van de server.';
      if (!(e instanceof RoerError)) console.error(`[roer upload] ${job.fileName}:`, e);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const refused = status === 'mislukt' || job.files.some((f) => f.status === 'geweigerd');
    await audit(this.store, actor, {
      action: 'import',
      target: job.fileName,
      rowCount: job.files.reduce((n, f) => n + f.ok, 0),
      detail: {
        via: 'browser',
        size: job.size,
        sha256: job.sha256,
        mapping: job.mapping,
        error: job.error,
        files: job.files.map(({ problems: _p, ...f }) => f),
      },
      outcome: refused ? 'geweigerd' : 'ok',
    });
    job.status = status; // only now: whoever polls for the end finds the audit entry written
  }

  /** A file's report with its open quarantine from the store (the report itself keeps only the first ten). */
  private async describe(r: FileReport): Promise<UploadedFile> {
    const problems =
      r.quarantined > 0
        ? await this.store.all<UploadedFile['problems'][number]>(
            sql`SELECT record_no AS record, field, reason FROM quarantine WHERE file_id = ${await fileDigest(r.path)} AND NOT resolved
              ORDER BY record_no LIMIT ${QUARANTINE_SHOWN}`,
          )
        : r.problems.map(({ record, field, reason }) => ({ record, field, reason }));
    return {
      fileName: r.fileName,
      kind: r.kind,
      status: r.status,
      total: r.total,
      ok: r.ok,
      unchanged: r.unchanged,
      quarantined: r.quarantined,
      note: r.note ?? null,
      problems,
    };
  }
}
