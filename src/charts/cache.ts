/**
 * A small least-recently-used cache for rendered chart SVG. A finalised balance never changes, so
 * its charts are cached by a key the caller builds from what the picture depends on (balance ids,
 * catalogue version, language, which sensitive domains the viewer may see). Drafts are never cached.
 * In memory on purpose: one process runs an OCMW, and a restart only costs one render per chart.
 *
 * Bounded twice: by entries and by size. A heatmap is ~50 KB of SVG, so 2000 entries alone could
 * hold ~100 MB on a 1 GB VM; the size budget (default 32 MB) is the sum of the keys' and SVGs'
 * string lengths, a close measure for ASCII SVG (one byte per character in V8). The least recently
 * used entries go first; a picture larger than the whole budget is returned but not kept.
 */
export class ChartCache {
  private readonly entries = new Map<string, string>();
  private size_ = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

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
    const cost = key.length + svg.length;
    if (cost > this.maxBytes) return svg;
    this.entries.set(key, svg);
    this.size_ += cost;
    while (this.entries.size > this.maxEntries || this.size_ > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.size_ -= oldest.length + this.entries.get(oldest)!.length;
      this.entries.delete(oldest);
    }
    return svg;
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }

  /** Sum of the stored keys' and SVGs' string lengths (what the size budget counts). */
  get bytes(): number {
    return this.size_;
  }

  clear(): void {
    this.entries.clear();
    this.size_ = 0;
    this.hits = 0;
    this.misses = 0;
  }
}

/** The process-wide chart cache. */
export const chartCache = new ChartCache();
