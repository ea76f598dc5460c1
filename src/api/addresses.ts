import { BlockList, isIP } from 'node:net';

// An API client's optional IP allow-list: addresses and CIDR ranges, IPv4 and IPv6, one per line.
// Pure: no db, no request.

export const ALLOW_LIST_MAX_ENTRIES = 50;

export type AllowListEntry = { address: string; prefix: number; family: 'ipv4' | 'ipv6' };

/** An IPv4 address seen through an IPv6 socket (::ffff:10.0.0.1) is that IPv4 address. */
export function plainAddress(address: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return m ? m[1]! : address;
}

function entryOf(line: string): AllowListEntry | null {
  const [addr = '', prefixText, ...rest] = line.split('/');
  if (rest.length) return null;
  const address = plainAddress(addr.trim());
  const version = isIP(address);
  if (!version) return null;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText.trim())) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText.trim());
  if (prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** Parses the administrator's text: the entries, or the lines that are not an address or range. */
export function parseAllowList(text: string): { entries: AllowListEntry[]; bad: string[] } {
  const lines = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  const entries: AllowListEntry[] = [];
  const bad: string[] = [];
  for (const line of lines) {
    const e = entryOf(line);
    if (e) entries.push(e);
    else bad.push(line);
  }
  return { entries, bad };
}

/** The canonical text stored for the entries: one per line, a bare address without its /32 or /128. */
export function formatAllowList(entries: AllowListEntry[]): string {
  return entries.map((e) => (e.prefix === (e.family === 'ipv4' ? 32 : 128) ? e.address : `${e.address}/${e.prefix}`)).join('\n');
}

/** Whether `address` may call, given the stored list (empty or null: every address may). */
export function addressAllowed(stored: string | null, address: string | null): boolean {
  const { entries } = parseAllowList(stored ?? '');
  if (!entries.length) return true;
  if (!address) return false;
  const plain = plainAddress(address);
  const family = isIP(plain);
  if (!family) return false;
  const list = new BlockList();
  for (const e of entries) list.addSubnet(e.address, e.prefix, e.family);
  return list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}
