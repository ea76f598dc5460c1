import fs from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { projectRoot } from '../http/static-assets.js';

/**
 * argon2id with OWASP's minimum profile (m=19 MiB, t=2, p=1): about 30-60 ms on one core of the
 * small VMs OCMWs run, slow enough for offline guessing, cheap enough for a morning sign-in rush.
 * (Algorithm 2 = Argon2id; the package's enum is a const enum that isolatedModules cannot import.)
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

// Verifying against this hash when an e-mail address is unknown makes "unknown account" and
// "wrong password" cost the same time, so the response time does not reveal who has an account.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password that nobody uses');
  await verifyPassword(await dummyHash, password);
  return false;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const dir = path.join(projectRoot, 'src/auth/data');
    const lines = ['common-passwords.txt', 'local-additions.txt']
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    common = new Set(lines);
  }
  return common;
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

/**
 * NIST SP 800-63B: length and a blocklist, no composition rules. Length counts characters as a
 * person sees them (code points), so "é" counts as one.
 */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'containsEmail';
  return null;
}
