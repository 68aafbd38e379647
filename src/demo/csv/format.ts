// Dutch spreadsheet formats as case systems export them: `;`-separated, decimal comma, dd-mm-jjjj, `€` in some columns.
import { openSync, writeSync, closeSync } from 'node:fs';

/** 1234,56 (negative with a minus sign). */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** € 1.234,56 — with thousands separators, as a finance export shows it (never used for negative amounts). */
export function eurosSymbol(cents: number): string {
  const [whole, frac] = euros(cents).split(',');
  return `€ ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}

function quote(v: string): string {
  return /[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes a `;`-separated UTF-8 file (with BOM, as Excel-minded exports do), buffering rows into large writes. */
export class CsvFile {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.buf.push(`\uFEFF${header.map(quote).join(';')}\r\n`);
  }

  row(values: readonly (string | number | null)[]): void {
    const line = `${values.map((v) => (v === null ? '' : quote(String(v)))).join(';')}\r\n`;
    this.buf.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
