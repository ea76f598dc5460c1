// The part of gettext-parser (MIT, github.com/smhg/gettext-parser) this project uses; the package
// ships no type declarations. Shapes as its README documents them.
declare module 'gettext-parser' {
  export interface GetTextComment {
    translator?: string;
    extracted?: string;
    reference?: string;
    flag?: string;
    previous?: string;
  }
  export interface GetTextTranslation {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: GetTextComment;
  }
  export interface GetTextTranslations {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, GetTextTranslation>>;
  }
  export const po: {
    parse(input: string | Buffer, options?: { defaultCharset?: string; validation?: boolean }): GetTextTranslations;
    compile(table: GetTextTranslations, options?: { foldLength?: number; sort?: boolean; escapeCharacters?: boolean }): Buffer;
  };
}
