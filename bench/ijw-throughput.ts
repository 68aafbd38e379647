// Benchmark: end-to-end iJw import of one generated JW323 (stream parse + XSD validation beside it + staging + merge)
// into a fresh database file. Run: npx tsx bench/ijw-throughput.ts [prestaties=200000]. Prints prestaties/s (import and
// derived-table rebuild apart), CPU-seconds (this process with its workers, and child processes such as the native
// xmllint), the load, and peak memory; the target is ≥ 50,000 invoice lines/s. KEEP=1 keeps the generated file (its
// path is printed).
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshDerived, Store } from '../src/store/index.ts';
import { importPaths } from '../src/ingest/importer.ts';
import { sql } from '../src/store/sql.ts';

const prestaties = Number(process.argv[2] ?? 200_000);
const PER_CLIENT = 4;
const dir = mkdtempSync(join(tmpdir(), 'roer-bench-ijw-'));
const path = join(dir, 'jw323-bench.xml');

/** A valid BSN from a seed (8 digits and the check digit of the 11-proof; seeds that would need 10 move on). */
function bsn(seed: number): string {
  for (let s = seed; ; s += 7919) {
    const d = String(10000000 + (s % 89999999));
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
    if (sum % 11 < 10) return d + String(sum % 11);
  }
}

async function generate(): Promise<void> {
  const out = createWriteStream(path);
  const w = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await w(`<?xml version="1.0" encoding="UTF-8"?>
<jw323:Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:jw323="http://www.istandaarden.nl/ijw/3_2/jw323/schema">
	<jw323:Header>
		<jw323:BerichtCode>490</jw323:BerichtCode>
		<jw323:BerichtVersie>3</jw323:BerichtVersie>
		<jw323:BerichtSubversie>2</jw323:BerichtSubversie>
		<jw323:Afzender>65656055</jw323:Afzender>
		<jw323:Ontvanger>0166</jw323:Ontvanger>
		<jw323:BerichtIdentificatie><ijw:Identificatie>BENCH1</ijw:Identificatie><ijw:Dagtekening>2026-05-06</ijw:Dagtekening></jw323:BerichtIdentificatie>
		<jw323:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw323:XsdVersie>
	</jw323:Header>
	<jw323:Declaratie>
		<jw323:DeclaratieNummer>DN001</jw323:DeclaratieNummer>
		<jw323:DeclaratiePeriode><ijw:Begindatum>2026-04-01</ijw:Begindatum><ijw:Einddatum>2026-04-30</ijw:Einddatum></jw323:DeclaratiePeriode>
		<jw323:DeclaratieDagtekening>2026-05-06</jw323:DeclaratieDagtekening>
		<jw323:TotaalIngediendBedrag><ijw:TotaalBedrag>${prestaties * 5000}</ijw:TotaalBedrag><ijw:DebetCredit>D</ijw:DebetCredit></jw323:TotaalIngediendBedrag>
		<jw323:Clienten>
`);
  for (let c = 0; c * PER_CLIENT < prestaties; c++) {
    let s = `			<jw323:Client>\n				<jw323:Bsn>${bsn(c * 104729 + 13)}</jw323:Bsn>\n				<jw323:Prestaties>\n`;
    for (let p = 0; p < PER_CLIENT && c * PER_CLIENT + p < prestaties; p++) {
      const i = c * PER_CLIENT + p;
      s += `					<jw323:Prestatie>
						<jw323:ProductReferentie><ijw:ReferentieNummer>RN${i}</ijw:ReferentieNummer></jw323:ProductReferentie>
						<jw323:ToewijzingNummer>${100000 + c}</jw323:ToewijzingNummer>
						<jw323:ProductCategorie>45</jw323:ProductCategorie>
						<jw323:ProductCode>45A0${p}</jw323:ProductCode>
						<jw323:ProductPeriode><ijw:Begindatum>2026-04-01</ijw:Begindatum><ijw:Einddatum>2026-04-30</ijw:Einddatum></jw323:ProductPeriode>
						<jw323:GeleverdVolume>4</jw323:GeleverdVolume>
						<jw323:Eenheid>04</jw323:Eenheid>
						<jw323:ProductTarief>1250</jw323:ProductTarief>
						<jw323:IngediendBedrag><ijw:Bedrag>5000</ijw:Bedrag><ijw:DebetCredit>D</ijw:DebetCredit></jw323:IngediendBedrag>
					</jw323:Prestatie>
`;
    }
    await w(`${s}				</jw323:Prestaties>\n			</jw323:Client>\n`);
  }
  await w('		</jw323:Clienten>\n	</jw323:Declaratie>\n</jw323:Bericht>\n');
  out.end();
  await once(out, 'finish');
}

/** CPU-seconds of the child processes this process waited for (Linux: /proc/self/stat cutime + cstime). */
function childCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

await generate();
const mb = statSync(path).size / 1024 ** 2;
const store = await Store.open(join(dir, 'bench.duckdb'));
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const child0 = childCpu();
// The derived tables are rebuilt here, as importPaths would when anything changed: that splits the import from the rebuild.
const [report] = await importPaths(store, [path], { secret: Buffer.alloc(32, 1), refreshDerived: false });
const imported = performance.now();
if (report!.ok > 0) await refreshDerived(store);
const seconds = (performance.now() - t0) / 1000;
const importSeconds = (imported - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const childSeconds = childCpu() - child0;
clearInterval(timer);
const stored = (await store.one<{ n: number; s: number }>(sql`SELECT count(*) AS n, sum(amount_cents) AS s FROM invoice_line`))!;
store.close();
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
else console.log(path);

console.log(
  `JW323 met ${prestaties.toLocaleString('nl-NL')} prestaties (${mb.toFixed(0)} MB): ${report!.status}, ${stored.n.toLocaleString('nl-NL')} opgeslagen, ${report!.quarantined} in quarantaine`,
);
console.log(
  `tijd ${seconds.toFixed(2)} s → ${Math.round(prestaties / seconds).toLocaleString('nl-NL')} declaratieregels/s (doel ≥ 50.000)`,
);
console.log(
  `  waarvan inlezen ${importSeconds.toFixed(2)} s (${Math.round(prestaties / importSeconds).toLocaleString('nl-NL')} regels/s), afgeleide tabellen ${(seconds - importSeconds).toFixed(2)} s`,
);
console.log(
  `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s in dit proces (user ${(cpu.user / 1e6).toFixed(1)}, sys ${(cpu.system / 1e6).toFixed(1)}) + ${childSeconds.toFixed(1)} s in kindprocessen (xmllint)`,
);
console.log(`belasting (1 min) ${loadavg()[0]!.toFixed(2)}`);
console.log(`piekgeheugen (RSS) ${(peak / 1024 ** 2).toFixed(0)} MB`);
