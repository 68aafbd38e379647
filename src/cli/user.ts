// `roer user`: manage local accounts (add, remove, reset, unlock, list). New and reset passwords are printed once, never stored.
import { existsSync } from 'node:fs';
import { cliActor } from '../access/audit.ts';
import { RIGHTS, roleFromName, ROLES, type User } from '../access/roles.ts';
import { addUser, listUsers, removeUser, resetPassword, unlockUser } from '../access/users.ts';
import { RoerError } from '../errors.ts';
import { Store, dbPath } from '../store/index.ts';
import type { Command } from './command.ts';

const ROLE_NAMES = ROLES.map((r) => RIGHTS[r].label).join(', ');

function list(v: unknown): string[] {
  return typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

export const user: Command = {
  name: 'user',
  summary: 'beheer gebruikers: toevoegen, verwijderen, wachtwoord opnieuw instellen, ontgrendelen, tonen',
  usage: `Gebruik:
  roer user add <naam> --rol <rol> [--gemeente 0150,1708] [--aanbieder <agb>] [--team <id>]
  roer user remove <naam>
  roer user reset <naam>
  roer user unlock <naam>
  roer user list

Rollen: ${ROLE_NAMES}.
  beheerder   alle gemeenten, gebruikersbeheer en het auditlog
  analist     de genoemde gemeenten (--gemeente, verplicht), ook gegevens per cliënt (pseudoniem)
  teamleider  de toewijzingen van het eigen team (--team, verplicht): gemeentecode, dubbele punt
              en de teamnaam zoals in de export, bijv. --team "0150:Jeugdteam Deventer Noord"
  aanbieder   alleen de eigen AGB-code (--aanbieder, verplicht); kleine aantallen afgeschermd
  lezer       alleen totalen; kleine aantallen afgeschermd; eventueel beperkt tot --gemeente

Bij 'add' en 'reset' wordt een nieuw willekeurig wachtwoord één keer getoond; geef het veilig door.
Lopende sessies van de gebruiker eindigen bij 'reset' en 'remove'. Elke wijziging komt in het auditlog.
'unlock' (en 'reset') heft een inlogblokkade na mislukte pogingen op. Terwijl 'roer serve' draait,
kan dat alleen via de server: de beheerder doet POST /api/users/<naam>/unlock.

Opties:
  --db <bestand>   de database (standaard ./data/roer.duckdb, of $ROER_DB)`,
  options: { rol: { type: 'string' }, gemeente: { type: 'string' }, aanbieder: { type: 'string' }, team: { type: 'string' } },
  async run(values, positionals) {
    const [action, name, ...extra] = positionals;
    if (!action || !['add', 'remove', 'reset', 'unlock', 'list'].includes(action)) {
      throw new RoerError(
        `Onbekende actie '${action ?? ''}'.`,
        "Kies add, remove, reset, unlock of list; zie 'roer user --help'.",
      );
    }
    if (extra.length > 0) throw new RoerError(`Onverwacht argument '${extra[0]}'.`);
    if (action !== 'list' && !name) throw new RoerError(`Geef de naam van de gebruiker: roer user ${action} <naam>.`);
    const path = dbPath(values.db as string | undefined);
    if (!existsSync(path))
      throw new RoerError(`Er is nog geen database op ${path}.`, "Start Roer eerst met 'roer start' of 'roer demo'.");
    const store = await Store.open(path);
    try {
      if (action === 'list') {
        for (const u of await listUsers(store)) process.stdout.write(`${describe(u)}\n`);
      } else if (action === 'add') {
        const role = roleFromName(String(values.rol ?? ''));
        if (!role) throw new RoerError(`Onbekende rol '${values.rol ?? ''}'.`, `Kies een van: ${ROLE_NAMES}.`);
        const u: User = {
          name: name!,
          role,
          municipalities: list(values.gemeente),
          provider: typeof values.aanbieder === 'string' ? values.aanbieder.trim() : null,
          team: typeof values.team === 'string' ? values.team.trim() : null,
        };
        const pw = await addUser(store, cliActor(), u);
        process.stdout.write(`Gebruiker ${describe(u)} toegevoegd.\nWachtwoord (wordt niet opnieuw getoond): ${pw}\n`);
      } else if (action === 'reset') {
        const pw = await resetPassword(store, cliActor(), name!);
        process.stdout.write(`Nieuw wachtwoord voor ${name} (wordt niet opnieuw getoond): ${pw}\n`);
      } else if (action === 'unlock') {
        const failures = await unlockUser(store, cliActor(), name!);
        process.stdout.write(
          `Gebruiker ${name} ontgrendeld (${failures} mislukte ${failures === 1 ? 'poging' : 'pogingen'} vergeten).\n`,
        );
      } else {
        await removeUser(store, cliActor(), name!);
        process.stdout.write(`Gebruiker ${name} verwijderd.\n`);
      }
      return 0;
    } finally {
      store.close();
    }
  },
};

function describe(u: User): string {
  const scope = [
    u.municipalities.length ? `gemeente ${u.municipalities.join(',')}` : '',
    u.provider ? `aanbieder ${u.provider}` : '',
    u.team ? `team ${u.team}` : '',
  ].filter(Boolean);
  return `${u.name} (${RIGHTS[u.role].label}${scope.length ? `, ${scope.join(', ')}` : ''})`;
}
