// The kinds of problem document the API answers (src/http/problem.ts); a leaf module, so the
// messages that name them need not import the request code.
export const PROBLEM_TYPES = [
  'not-found',
  'forbidden',
  'too-large',
  'bad-request',
  'server-error',
  'invalid-token',
  'invalid-client',
  'insufficient-scope',
  'address-not-allowed',
  'rate-limited',
  'validation',
  'dossier-ref-in-use',
  'household-team-required',
  'unsupported-grant-type',
  'invalid-scope',
  'invalid-request',
  'unsupported-media-type',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];
