// The five roles and what each may do; the single source of the permission table (scope, suppression, audit, CLI).
// Invariant: a role's rights come only from this table, never from checks scattered through routes.

export const ROLES = ['admin', 'analyst', 'team_lead', 'provider', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** A logged-in user as the access layer sees it (never the password hash). */
export interface User {
  name: string;
  role: Role;
  /** Municipality codes the user is limited to; empty = no municipality restriction (only admin, provider, reader, team lead). */
  municipalities: string[];
  /** Provider role: the own AGB code. */
  provider: string | null;
  /** Team lead: the own team id. */
  team: string | null;
}

export interface Rights {
  /** Dutch name, as typed on the command line and shown in screens. */
  label: string;
  /** May see metrics whose rows identify (pseudonymous) clients. */
  clientRows: boolean;
  /** Small numbers are suppressed in everything this role sees. */
  suppressed: boolean;
  /** May add, remove and reset users and read or export the audit log. */
  administer: boolean;
  /** May write notes (within the own municipalities). */
  writeNotes: boolean;
  /** May read notes; notes are free text and may name providers, so providers may not. */
  readNotes: boolean;
  /** May see the import status and the quarantine. */
  importStatus: boolean;
  /** May upload files in the browser (an analyst only data of the own municipalities; docs/security.md). */
  upload: boolean;
}

export const RIGHTS: Record<Role, Rights> = {
  admin: {
    label: 'beheerder',
    clientRows: true,
    suppressed: false,
    administer: true,
    writeNotes: true,
    readNotes: true,
    importStatus: true,
    upload: true,
  },
  // The import status (file names of every municipality, the whole quarantine) is region-wide: administrators only.
  analyst: {
    label: 'analist',
    clientRows: true,
    suppressed: false,
    administer: false,
    writeNotes: true,
    readNotes: true,
    importStatus: false,
    upload: true,
  },
  team_lead: {
    label: 'teamleider',
    clientRows: false,
    suppressed: false,
    administer: false,
    writeNotes: false,
    readNotes: true,
    importStatus: false,
    upload: false,
  },
  provider: {
    label: 'aanbieder',
    clientRows: false,
    suppressed: true,
    administer: false,
    writeNotes: false,
    readNotes: false,
    importStatus: false,
    upload: false,
  },
  reader: {
    label: 'lezer',
    clientRows: false,
    suppressed: true,
    administer: false,
    writeNotes: false,
    readNotes: true,
    importStatus: false,
    upload: false,
  },
};

/** The role for a Dutch (or English) role name, or undefined. @example roleFromName('analist') // 'analyst' */
export function roleFromName(name: string): Role | undefined {
  const n = name.trim().toLowerCase();
  return ROLES.find((r) => r === n || RIGHTS[r].label === n);
}

const MUNICIPALITY = /^\d{4}$/;
const AGB = /^\d{8}$/;
// Team ids as the store forms them on import: '<municipality code>:<team name as exported>', e.g.
// '0150:Jeugdteam Deventer Noord' (src/ingest/tabular/writers.ts). No commas: --team is one id, not a list.
const TEAM = /^(\d{4}):[^,\p{Cc}]{1,100}$/u;

/** The municipality a team id belongs to. @example teamMunicipality('0150:Jeugdteam Deventer Noord') // '0150' */
export function teamMunicipality(team: string): string | null {
  return TEAM.exec(team)?.[1] ?? null;
}

/**
 * Checks that a user's scope fits the role (an analyst needs municipalities, a provider its AGB, a team lead its team);
 * returns Dutch problems, empty when the user is consistent.
 */
export function scopeProblems(u: Pick<User, 'role' | 'municipalities' | 'provider' | 'team'>): string[] {
  const p: string[] = [];
  for (const m of u.municipalities) if (!MUNICIPALITY.test(m)) p.push(`'${m}' is geen gemeentecode van vier cijfers`);
  if (u.provider !== null && !AGB.test(u.provider)) p.push(`'${u.provider}' is geen AGB-code van acht cijfers`);
  if (u.team !== null && !TEAM.test(u.team))
    p.push(`'${u.team}' is geen geldige team-id (gemeentecode, dubbele punt, teamnaam: '0150:Jeugdteam Deventer Noord')`);
  const teamIn = u.team === null ? null : teamMunicipality(u.team);
  if (teamIn && u.municipalities.length > 0 && !u.municipalities.includes(teamIn))
    p.push(`team '${u.team}' hoort bij gemeente ${teamIn}, niet bij ${u.municipalities.join(',')}`);
  if (u.role === 'analyst' && u.municipalities.length === 0) p.push('een analist heeft minstens één gemeente nodig (--gemeente)');
  if (u.role === 'provider' && u.provider === null) p.push('een aanbieder heeft een AGB-code nodig (--aanbieder)');
  if (u.role === 'team_lead' && u.team === null) p.push('een teamleider heeft een team nodig (--team)');
  if (u.role !== 'provider' && u.provider !== null) p.push('alleen de rol aanbieder heeft een AGB-code');
  if (u.role !== 'team_lead' && u.team !== null) p.push('alleen de rol teamleider heeft een team');
  if (u.role === 'admin' && u.municipalities.length > 0) p.push('een beheerder ziet alle gemeenten; laat --gemeente weg');
  return p;
}
