import type { z } from 'zod';
import type { FieldErrors } from '../../views/components/form.js';

/** zod's issues as { field: first message } for the inline errors of a re-rendered form. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}
