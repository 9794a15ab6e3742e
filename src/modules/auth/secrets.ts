import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Random secrets, their stored hashes, and password hashing (argon2id). */

/** `bytes` random bytes as base64url text (32 bytes: 43 characters, 256 bits). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of `secret` as hex: how session ids and access tokens are stored and looked up. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** An argon2id hash (PHC string, with its own salt) of `password`. */
export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id, m = 19 MiB, t = 2, p = 1 (the OWASP baseline).
  return hash(password);
}

/** A hash of a random password, verified against when the user does not exist (same time either way). */
let dummyHash: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; a missing user costs the same time as a wrong password. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    dummyHash ??= hashPassword(randomSecret());
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A random password for `tiaodu init` and resets: 20 characters of base64url (120 bits). */
export function generatePassword(): string {
  return randomSecret(15);
}
