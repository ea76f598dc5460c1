// Pure helpers of sign-in and accounts (no database, no request).

/** E-mail addresses are compared and stored trimmed and in lower case: one account per address. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
