import type { z } from 'zod';
import type { FieldErrors } from '../../views/components/form.js';

// Forms answer error CODES, views say them in the user's language (docs/one-way.md, "validating a
// form"). A code is a key of the feature's error texts; a text that is a function (a limit, a date,
// a year) travels with the values it needs. A form module therefore needs no request and no
// locale, and a new language is a new messages file, nothing else.

/** An error of texts `M`: a key whose text is a string, or [key, ...the arguments of its function]. */
export type ErrorCode<M> = {
  [K in keyof M & string]: M[K] extends string ? K : M[K] extends (...args: infer A) => string ? readonly [K, ...A] : never;
}[keyof M & string];

/** A form's answer: per field name, what is wrong with it. */
export type ErrorCodes<M> = Record<string, ErrorCode<M> | undefined>;

/** zod options for a check that fails with `code`: `.refine(ok, failsWith(code))`, `z.enum(values, failsWith(code))`. */
export function failsWith<M>(code: ErrorCode<M>): { error: string; params?: { args: readonly unknown[] } } {
  if (typeof code === 'string') return { error: code };
  const [key, ...args] = code as readonly [string, ...unknown[]];
  return { error: key, params: { args } };
}

/** The issue a transform adds when it refuses: `ctx.addIssue(issue(code))`. */
export function issue<M>(code: ErrorCode<M>): { code: 'custom'; message: string; params?: { args: readonly unknown[] } } {
  const o = failsWith(code);
  return o.params ? { code: 'custom', message: o.error, params: o.params } : { code: 'custom', message: o.error };
}

/** The code a zod issue carries: its message is the key, its params the arguments (see failsWith). */
export function codeOf<M>(i: z.core.$ZodIssue): ErrorCode<M> {
  const args = (i as { params?: { args?: readonly unknown[] } }).params?.args;
  return (args ? [i.message, ...args] : i.message) as ErrorCode<M>;
}

type Shape = Record<string, z.ZodType>;

/**
 * Each field through its own schema, so every problem of one submit is reported at once (not only
 * the first field's): the parsed values of the fields that passed, and a code per field that did
 * not. `prefix` names the fields of a repeated group (row n of a form, agreement 12).
 */
export function parseFields<M, S extends Shape>(
  shape: S,
  input: { [K in keyof S]: unknown },
  prefix = '',
): { data: { [K in keyof S]?: z.output<S[K]> }; errors: ErrorCodes<M> } {
  const data: { [K in keyof S]?: z.output<S[K]> } = {};
  const errors: ErrorCodes<M> = {};
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const result = shape[key]!.safeParse(input[key]);
    if (result.success) data[key] = result.data as z.output<S[typeof key]>;
    else errors[prefix + key] = codeOf<M>(result.error.issues[0]!);
  }
  return { data, errors };
}

/** Whether a form's answer names any problem. */
export function hasErrors(errors: Record<string, unknown>): boolean {
  return Object.values(errors).some((v) => v !== undefined);
}

/** The words for a code, from the texts of the user's language. */
export function say<M>(texts: M, code: ErrorCode<M>): string {
  if (typeof code === 'string') return texts[code as keyof M] as string;
  const [key, ...args] = code as readonly [string, ...unknown[]];
  return (texts[key as keyof M] as (...a: unknown[]) => string)(...args);
}

/** A form's codes as the words the error summary and the fields show. */
export function sayAll<M>(texts: M, codes: ErrorCodes<M> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, code] of Object.entries(codes ?? {})) if (code !== undefined) out[name] = say(texts, code);
  return out;
}
