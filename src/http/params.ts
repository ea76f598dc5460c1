// Reading ids and page numbers from URLs: one strict way for every route.

/** A route's numeric id, or null (then the route answers 404): no "12abc", no 1e3, no negatives. */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,14}$/.test(raw)) return null;
  return Number(raw);
}

/** ?page=N of a paged list: anything unreadable is page 1. */
export function parsePage(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,8}$/.test(raw)) return 1;
  return Number(raw);
}
