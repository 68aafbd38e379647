// Groups small message files into batches that import as one: consecutive files of one kind, up to a size, and never
// two files that touch the same store row, message identity or file name — so that applying a batch set-based gives
// exactly what importing its files one by one, in order, gives. A file that would clash starts the next batch.

/** Files up to this size are parsed into memory and batched; larger ones are streamed and imported alone. */
export const SMALL_FILE_BYTES = 1024 ** 2;
const MAX_FILES = 500;
const MAX_BYTES = 16 * 1024 ** 2;

export interface Batchable {
  size: number;
  /** Everything the file writes to that a later file of the same batch could also write to. */
  keys: Iterable<string>;
}

export class Batcher<T extends Batchable> {
  private items: T[] = [];
  private keys = new Set<string>();
  private bytes = 0;

  constructor(private readonly limits = { files: MAX_FILES, bytes: MAX_BYTES }) {}

  /** The files of the current batch. */
  get current(): readonly T[] {
    return this.items;
  }

  /** True when `item` cannot join the current batch (full, or a clash): the batch must be taken first. */
  blocks(item: T): boolean {
    if (this.items.length === 0) return false;
    if (this.items.length >= this.limits.files || this.bytes + item.size > this.limits.bytes) return true;
    for (const k of item.keys) if (this.keys.has(k)) return true;
    return false;
  }

  add(item: T): void {
    this.items.push(item);
    this.bytes += item.size;
    for (const k of item.keys) this.keys.add(k);
  }

  /** The current batch (possibly empty); the batcher starts afresh. */
  take(): T[] {
    const out = this.items;
    this.items = [];
    this.keys = new Set();
    this.bytes = 0;
    return out;
  }
}
