// The seam for ways of proving who someone is. Today: local accounts with a password. Later: the municipality's OIDC
// provider (a redirect flow). Either way the result is the name of a LOCAL account: roles and scope always come from
// Roer's own user table, never from the identity provider.
import type { Store } from '../store/index.ts';
import { dummyHash, MAX_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { findAccount } from './users.ts';
import type { User } from './roles.ts';

/** Proves identity with a name and a password typed into Roer's own login form. */
export interface PasswordProvider {
  kind: 'password';
  id: string;
  /** The user when the password is right; null otherwise (never says which of the two was wrong). */
  verify(store: Store, name: string, password: string): Promise<User | null>;
}

/**
 * Proves identity by sending the browser elsewhere and receiving it back (OpenID Connect authorization code flow with
 * PKCE). `begin` returns the URL to redirect to plus the state to keep in a short-lived cookie; `complete` validates the
 * callback (state, code exchange, ID-token signature, issuer, audience, nonce) and returns the local account name the
 * identity maps to, or null when no local account is linked.
 */
export interface RedirectProvider {
  kind: 'redirect';
  id: string;
  /** Dutch label on the login button, e.g. 'Inloggen met het gemeenteaccount'. */
  label: string;
  begin(returnTo: string): Promise<{ redirectUrl: string; state: string }>;
  complete(callback: URLSearchParams, state: string): Promise<string | null>;
}

export type IdentityProvider = PasswordProvider | RedirectProvider;

/** Local accounts: scrypt-hashed passwords in the user table; unknown names cost the same time as wrong passwords. */
export const localPasswords: PasswordProvider = {
  kind: 'password',
  id: 'local',
  async verify(store, name, password) {
    if (password.length > MAX_PASSWORD_LENGTH || name.length > 64) return null;
    const account = await findAccount(store, name);
    const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
    return account && ok ? account.user : null;
  },
};
