// Values as the move file holds them (format.ts), and the error every part of a move reports with.

/** A value as the file holds it: what the database gave, with bytes as base64. */
export type FileValue = string | number | null | { base64: string };
export type FileRow = Record<string, FileValue>;

/** Something wrong with the file or the move: said to the person running the command; nothing was changed. */
export class MoveError extends Error {}

export function toFileValue(v: unknown): FileValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return { base64: Buffer.from(v).toString('base64') };
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new MoveError(`a value of type ${typeof v} cannot be written to the file`);
}

export function fromFileValue(v: FileValue): string | number | null | Buffer {
  return v !== null && typeof v === 'object' ? Buffer.from(v.base64, 'base64') : v;
}
