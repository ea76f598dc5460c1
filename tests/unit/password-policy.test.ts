import { describe, expect, it } from 'vitest';
import { checkPassword, commonPasswordCount, hashPassword, verifyPassword } from '../../src/auth/password.js';

describe('password policy', () => {
  it('ships a blocklist of at least 10,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });
  it.each([
    ['kort', 'tooShort'],
    ['elf tekens!', 'tooShort'],
    ['x'.repeat(257), 'tooLong'],
    ['qwertyuiop123', 'common'],
    ['Wachtwoord123', 'common'],
    ['1234567890123', 'common'],
    ['marie.peeters-geheim', 'containsEmail'],
  ])('%j -> %s', (pw, problem) => {
    expect(checkPassword(pw, 'marie.peeters@ocmw.be')).toBe(problem);
  });
  it('accepts a long phrase, accents counted as one character, and 256 characters', () => {
    expect(checkPassword('paarse olifant fietst traag')).toBeNull();
    expect(checkPassword('ééééééééééé1')).toBeNull();
    expect(checkPassword('y'.repeat(256))).toBeNull();
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('paarse olifant fietst traag');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'paarse olifant fietst traag')).toBe(true);
    expect(await verifyPassword(h, 'paarse olifant fietst snel')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
