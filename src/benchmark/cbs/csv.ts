// The CSV that CBS (StatLine, the open-data portal) writes: semicolon- or comma-separated, fields in double quotes
// ("" for a quote inside), one record per line. Returns the header and each record with its line number.

/**
 * Splits CSV text into records; the delimiter is the first ';' or ',' outside quotes on the first line.
 * @example readCsv('"ID";"RegioS"\n"0";"GM0150    "') // → { header: ['ID', 'RegioS'], rows: [{ line: 2, cells: ['0', 'GM0150    '] }] }
 */
export function readCsv(text: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = firstDelimiter(body);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let touched = false;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (touched) records.push({ line: startLine, cells });
    cells = [];
    touched = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (!touched) startLine = line;
      quoted = touched = true;
    } else if (c === delimiter) {
      if (!touched) startLine = line;
      touched = true;
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
    } else {
      if (!touched) startLine = line;
      touched = true;
      field += c;
    }
  }
  endRecord();
  const [head, ...rows] = records;
  return { header: (head?.cells ?? []).map((h) => h.trim()), rows };
}

function firstDelimiter(text: string): string {
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === ',')) return c;
    else if (!quoted && c === '\n') break;
  }
  return ';';
}
