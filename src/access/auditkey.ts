// The key of the audit chain: derived from the installation secret beside the database (never stored in it), so
// someone who can write the database file but not read `roer.secret` cannot re-seal an edited entry.
import { createHmac } from 'node:crypto';
import { loadOrCreateSecret } from '../ingest/pseudonym.ts';
import { secretPath, type Store } from '../store/index.ts';

/** The audit chain key of an installation: HMAC(secret, 'roer/audit/v1'). */
export function auditKeyFrom(secret: Buffer): Buffer {
  return createHmac('sha256', secret).update('roer/audit/v1').digest();
}

// One key per opened store; an in-memory store gets a fresh secret, kept for its lifetime so its chain stays verifiable.
const keys = new WeakMap<Store, Buffer>();

/** The audit chain key of `store`, read (or on first use created) from the secret file beside its database. */
export function auditKey(store: Store): Buffer {
  const root = store.root;
  let key = keys.get(root);
  if (!key) {
    key = auditKeyFrom(loadOrCreateSecret(secretPath(root.path)));
    keys.set(root, key);
  }
  return key;
}
