/**
 * A small least-recently-used cache for rendered chart SVG. A finalised balance never changes, so
 * its charts are cached by a key the caller builds from what the picture depends on (balance ids,
 * catalogue version, language, which sensitive domains the viewer may see). Drafts are never cached.
 * In memory on purpose: one process runs an OCMW, and a restart only costs one render per chart.
 */
export class ChartCache {
  private readonly entries = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 2000) {}

  get(key: string, render: () => string): string {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const svg = render();
    this.entries.set(key, svg);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return svg;
  }

  get size(): number { return this.entries.size; }

  clear(): void { this.entries.clear(); this.hits = 0; this.misses = 0; }
}

/** The process-wide chart cache. */
export const chartCache = new ChartCache();
