// Deterministic test BSNs that pass the 11-proof: a counter in the 9-prefixed range plus the computed check digit.

/**
 * Hands out unique, valid BSNs in order. Numbers whose check digit would be 10 are skipped, as the 11-proof demands.
 * @example const s = new BsnSequence(); s.next() // a nine-digit BSN starting with 91
 */
export class BsnSequence {
  private counter: number;

  constructor(start = 1_000_000) {
    this.counter = start;
  }

  next(): string {
    for (;;) {
      const head = String(90_000_000 + this.counter++);
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += (9 - i) * (head.charCodeAt(i) - 48);
      const check = sum % 11;
      if (check < 10) return head + String(check);
    }
  }
}
