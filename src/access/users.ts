// Local user accounts in the store: add, remove, reset, list, look up. Every change is written to the audit log in the
// same transaction, so a user change without its audit entry cannot happen.
import { RoerError } from '../errors.ts';
import { sql, type Store } from '../store/index.ts';
import { audit, type Actor } from './audit.ts';
import { forgetFailures } from './lockout.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, randomPassword } from './password.ts';
import { scopeProblems, type Role, type User } from './roles.ts';

const NAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

interface AccountRow {
  name: string;
  role: Role;
  municipalities: string;
  provider_agb: string | null;
  team_id: string | null;
  password_hash: string;
}

function toUser(r: AccountRow): User {
  return {
    name: r.name,
    role: r.role,
    municipalities: r.municipalities ? r.municipalities.split(',') : [],
    provider: r.provider_agb,
    team: r.team_id,
  };
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new RoerError(`Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens.`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new RoerError(`Een wachtwoord heeft hoogstens ${MAX_PASSWORD_LENGTH} tekens.`);
}

const nowTs = () => new Date().toISOString().slice(0, 19);

/**
 * Adds a user; returns the password (the given one, or a new random one to be shown once).
 * @example await addUser(store, sys, { name: 'piet', role: 'analyst', municipalities: ['0150'], provider: null, team: null })
 */
export async function addUser(store: Store, actor: Actor, user: User, password?: string): Promise<string> {
  if (!NAME.test(user.name)) {
    throw new RoerError(
      `'${user.name}' is geen geldige gebruikersnaam.`,
      'Gebruik 2–64 kleine letters, cijfers of . _ @ -, beginnend met een letter of cijfer.',
    );
  }
  const problems = scopeProblems(user);
  if (problems.length) throw new RoerError(`Gebruiker ${user.name} kan zo niet worden aangemaakt: ${problems.join('; ')}.`);
  const pw = password ?? randomPassword();
  checkPassword(pw);
  const hash = await hashPassword(pw);
  await store.transaction(async () => {
    if (await findAccount(store, user.name))
      throw new RoerError(`Gebruiker ${user.name} bestaat al.`, "Gebruik 'roer user reset' voor een nieuw wachtwoord.");
    await store.run(
      sql`INSERT INTO user_account (name, role, municipalities, provider_agb, team_id, password_hash, created_at, password_set_at)
       VALUES (${user.name}, ${user.role}, ${[...new Set(user.municipalities)].sort().join(',')}, ${user.provider}, ${user.team}, ${hash}, ${nowTs()}::TIMESTAMP, ${nowTs()}::TIMESTAMP)`,
    );
    await audit(store, actor, {
      action: 'user_add',
      target: user.name,
      detail: { role: user.role, municipalities: user.municipalities, provider: user.provider, team: user.team },
    });
  });
  return pw;
}

/** Removes a user and ends their sessions. The audit log keeps their history. */
export async function removeUser(store: Store, actor: Actor, name: string): Promise<void> {
  await store.transaction(async () => {
    if (!(await findAccount(store, name))) throw new RoerError(`Gebruiker ${name} bestaat niet.`);
    await store.run(sql`DELETE FROM user_session WHERE user_name = ${name}`);
    await store.run(sql`DELETE FROM user_account WHERE name = ${name}`);
    await audit(store, actor, { action: 'user_remove', target: name });
  });
}

/** Sets a new password (random unless given), ends the user's sessions and returns the password. */
export async function resetPassword(store: Store, actor: Actor, name: string, password?: string): Promise<string> {
  const pw = password ?? randomPassword();
  checkPassword(pw);
  const hash = await hashPassword(pw);
  await store.transaction(async () => {
    if (!(await findAccount(store, name))) throw new RoerError(`Gebruiker ${name} bestaat niet.`);
    await store.run(
      sql`UPDATE user_account SET password_hash = ${hash}, password_set_at = ${nowTs()}::TIMESTAMP WHERE name = ${name}`,
    );
    await store.run(sql`DELETE FROM user_session WHERE user_name = ${name}`);
    await forgetFailures(store, name);
    await audit(store, actor, { action: 'user_reset', target: name });
  });
  return pw;
}

/**
 * Lifts the login locks on an account (forgets its failed attempts from every address) without touching the password;
 * works while the server runs (through the API) and from the command line. Returns how many failures were forgotten.
 */
export async function unlockUser(store: Store, actor: Actor, name: string): Promise<number> {
  return store.transaction(async () => {
    if (!(await findAccount(store, name))) throw new RoerError(`Gebruiker ${name} bestaat niet.`);
    const forgotten = await forgetFailures(store, name);
    await audit(store, actor, { action: 'user_unlock', target: name, detail: { failures: forgotten } });
    return forgotten;
  });
}

/** All users, by name. */
export async function listUsers(store: Store): Promise<User[]> {
  return (await store.all<AccountRow>(sql`SELECT * FROM user_account ORDER BY name`)).map(toUser);
}

/** The user and their stored hash, or undefined. Only the login path needs the hash. */
export async function findAccount(store: Store, name: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await store.one<AccountRow>(sql`SELECT * FROM user_account WHERE name = ${name}`);
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

/** The user by name, or undefined. */
export async function findUser(store: Store, name: string): Promise<User | undefined> {
  return (await findAccount(store, name))?.user;
}
