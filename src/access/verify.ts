// Defence in depth: checks a computed answer against the caller's scope before it leaves the server. If a metric ignored
// a forced filter, or a column carries client identifiers to a role without that right, the answer is refused.
import type { MetricResult } from '../metrics/types.ts';
import { denied } from './errors.ts';
import { RIGHTS, type User } from './roles.ts';
import { scopeOf, WHAT, type Scope } from './scope.ts';

/** Column names that identify a client (pseudonym); BSN columns are refused for everyone. */
const CLIENT_ID = /^(client|client_id|clientid|pseudonym|pseudoniem)$/i;
const BSN = /bsn|burgerservice/i;
/** Columns that carry a scoped dimension's code (the provider scorecard calls its key 'agb'). */
const SCOPE_COLUMNS: Record<keyof Scope, string[]> = {
  municipality: ['municipality'],
  provider: ['provider', 'agb', 'provider_agb'],
  team: ['team', 'team_id'],
};

/** Throws an AccessError (403) when `result` shows anything outside the user's scope. */
export function verifyResult(user: User, result: MetricResult): void {
  const refuse = (why: string) => denied(`'${result.title}' kon niet binnen uw toegang worden beantwoord (${why}).`, 'metric');
  for (const c of result.columns) {
    if (BSN.test(c.name) || BSN.test(c.label)) throw refuse('de uitkomst bevat een BSN-kolom');
    if (CLIENT_ID.test(c.name) && !RIGHTS[user.role].clientRows) throw refuse('de uitkomst bevat cliëntpseudoniemen');
  }
  const scope = scopeOf(user);
  for (const dim of Object.keys(scope) as (keyof Scope)[]) {
    const allowed = scope[dim]!;
    const applied = result.filters?.[dim];
    if (!Array.isArray(applied) || applied.length === 0 || applied.some((v) => !allowed.includes(v))) {
      throw refuse(`het filter op ${WHAT[dim]} is niet toegepast`);
    }
    for (const col of result.columns.filter((c) => SCOPE_COLUMNS[dim].includes(c.name))) {
      for (const row of result.rows) {
        const v = row[col.name];
        if (typeof v !== 'string' || !allowed.includes(v)) throw refuse(`een rij hoort bij een andere ${WHAT[dim]}`);
      }
    }
  }
}
