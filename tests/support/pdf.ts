import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a generated PDF the way a viewer or screen reader would (Mozilla's pdf.js, no poppler
 * needed): the text per page with whitespace collapsed, the document information (title,
 * language), the mark info and the structure tree of each page, and the raw bytes as latin1 for
 * checks on the objects themselves (embedded fonts).
 */
export async function readPdf(bytes: Uint8Array | ArrayBuffer) {
  const data = new Uint8Array(bytes instanceof ArrayBuffer ? bytes : bytes.slice());
  const raw = Buffer.from(data).toString('latin1');
  const doc = await getDocument({ data, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const structure: unknown[] = [];
    const sizes: { width: number; height: number }[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((it) => ('str' in it ? it.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      structure.push(await page.getStructTree());
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push({ width: x1 - x0, height: y1 - y0 });
    }
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string; Language?: string };
    const markInfo = await doc.getMarkInfo();
    return { pages, text: pages.join(' '), info, markInfo, structure, sizes, raw, numPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** Every role in a page's structure tree, depth first. */
export function structureRoles(tree: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { role?: string; alt?: string; children?: unknown[] };
    if (n.role) out.push(n.role);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

/** Alt texts of the figures in a page's structure tree. */
export function figureAlts(tree: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { role?: string; alt?: string; children?: unknown[] };
    if (n.role === 'Figure') out.push(n.alt ?? '');
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}
