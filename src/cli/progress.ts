// A progress bar on stderr for long imports: redrawn in place on a terminal, a line every few seconds otherwise.

export interface Progress {
  /** Sets the amount done so far (of `total`, when known). */
  update(done: number, label?: string): void;
  done(summary?: string): void;
}

export function progress(title: string, total: number | null, out: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(out.isTTY);
  let last = 0;
  const fmt = (n: number) => n.toLocaleString('nl-NL');
  const line = (done: number, label = '') => {
    if (total && total > 0) {
      const pct = Math.min(1, done / total);
      const width = 24;
      const bar = '█'.repeat(Math.round(pct * width)).padEnd(width, '░');
      return `${title} ${bar} ${Math.round(pct * 100)}% (${fmt(done)}/${fmt(total)}) ${label}`;
    }
    return `${title} ${fmt(done)} ${label}`;
  };
  return {
    update(done, label) {
      const now = Date.now();
      if (tty) {
        if (now - last < 100) return;
        out.write(`\r\x1b[2K${line(done, label)}`);
      } else {
        if (now - last < 5000) return;
        out.write(`${line(done, label)}\n`);
      }
      last = now;
    },
    done(summary) {
      if (tty) out.write('\r\x1b[2K');
      out.write(`${summary ?? `${title} klaar`}\n`);
    },
  };
}
