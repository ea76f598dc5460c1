import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// Noto Sans (OFL) is embedded in every PDF: the 14 standard PDF fonts have no glyphs beyond Latin-1
// for some viewers and are not embedded at all, so "Financiën" or "Santé" could come out wrong on
// the client software's viewer. pdfkit embeds only the glyphs used (a subset), so a report stays small.
//
// The files are resolved through Node's module resolution, so the same code works from src/ (tsx)
// and from dist/ (after the build). They are read and parsed once per process (see sharedFaces).

const require = createRequire(import.meta.url);

export const FONT = { regular: 'NotoSans', bold: 'NotoSans-Bold', italic: 'NotoSans-Italic' } as const;
/**
 * Arabic script for the client's copies in Arabic (src/client-voice/pdf): Vazirmatn (OFL), whose
 * shaped letters are whole glyphs that the font also maps from Unicode's presentation forms, so the
 * PDF's text layer reads back letter by letter (docs/decisions/030-bilingual-pdfs-bidi.md). Latin
 * text stays in Noto Sans.
 */
export const SCRIPT_FONT = { arabic: 'Vazirmatn', arabicBold: 'Vazirmatn-Bold' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT] | (typeof SCRIPT_FONT)[keyof typeof SCRIPT_FONT];

const FILES: Record<FontName, string> = {
  [FONT.regular]: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  [FONT.bold]: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  [FONT.italic]: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  [SCRIPT_FONT.arabic]: '@expo-google-fonts/vazirmatn/400Regular/Vazirmatn_400Regular.ttf',
  [SCRIPT_FONT.arabicBold]: '@expo-google-fonts/vazirmatn/700Bold/Vazirmatn_700Bold.ttf',
};

let loaded: Map<FontName, Buffer> | undefined;

export function fontFiles(): Map<FontName, Buffer> {
  if (!loaded) {
    loaded = new Map();
    for (const [name, file] of Object.entries(FILES) as [FontName, string][]) loaded.set(name, fs.readFileSync(require.resolve(file)));
  }
  return loaded;
}

/** The part of a parsed fontkit font used here. */
interface Face {
  layout?: unknown;
  glyphForCodePoint?: (cp: number) => unknown;
  characterSet?: number[];
}

let faces: Map<FontName, Buffer | object> | undefined;

/**
 * The parsed fonts, shared by every document. pdfkit parses a font file for each document it is
 * registered on (fontkit decoding the tables), which took about a quarter of a balance report's time
 * and most of its garbage. pdfkit also accepts an already parsed fontkit font (anything with
 * `layout`), so the fonts are parsed once, through a throwaway document, and handed to each new one.
 * A parsed font is only read from afterwards (each document makes its own subset), and rendering is
 * synchronous, so documents made at the same time cannot disturb each other. Should a pdfkit
 * release stop exposing the parsed font this way, the file bytes are used as before.
 */
export function sharedFaces(): Map<FontName, Buffer | object> {
  if (!faces) {
    const probe = new PDFDocument({ autoFirstPage: false });
    faces = new Map();
    for (const [name, data] of fontFiles()) {
      probe.registerFont(name, data);
      probe.font(name);
      const face = (probe as unknown as { _font?: { font?: Face } })._font?.font;
      if (face && typeof face.layout === 'function' && typeof face.glyphForCodePoint === 'function' && Array.isArray(face.characterSet)) {
        // fontkit caches a glyph object per glyph id with the characters of the FIRST request,
        // and pdfkit builds each PDF's ToUnicode map (what text extraction and screen readers
        // read) from those characters. Decoding a composite glyph ("É") requests its parts ("E")
        // with no characters; in a shared font that would stick for every later document
        // ("ONTWERP" read back as "ONTWRP"). So every glyph is requested by its character first.
        for (const cp of face.characterSet) face.glyphForCodePoint(cp);
        faces.set(name, face);
      } else {
        faces.set(name, data);
      }
    }
  }
  return faces;
}
