import { describe, expect, it } from 'vitest';
import {
  parseGpmiTexts,
  parseInvitation,
  parseNewLanguage,
  parseOfficialLanguage,
  parseVisibility,
  poImportErrors,
  readInvitationForm,
  readPoUpload,
  type GpmiTextErrors,
  type InvitationError,
  type LanguageError,
} from '../../src/client-voice/forms.js';
import { clientLanguage } from '../../src/client-voice/languages.js';
import { sourceHash } from '../../src/client-voice/gpmi-texts.js';
import { say, sayAll, type ErrorCode } from '../../src/http/form-errors.js';
import { messagesFor } from '../../src/i18n/index.js';
import { expectEveryKeyReached, expectWordsInEachLanguage } from '../support/error-codes.js';

// The forms of client voice answer error codes: the invitation (clientVoice.errors), the client
// languages and their PO files (clientVoice.admin.errors), a GPMI's sentences in the client's
// language (clientVoice.gpmi.errors). The words come from the user's language only in the views.

const invitationCodes: InvitationError[] = [];
const languageCodes: LanguageError[] = [];
const gpmiCodes: ErrorCode<ReturnType<typeof messagesFor>['clientVoice']['gpmi']['errors']>[] = [];
const all = <C>(errors: Record<string, C | undefined>) => Object.values(errors).filter((c): c is C => c !== undefined);

describe('the invitation form', () => {
  const ctx = { adults: new Set([7]), linkAvailable: true, handoverAvailable: true };
  const parse = (fields: Record<string, string>, c = ctx) => {
    const r = parseInvitation(readInvitationForm(fields), c);
    if (!r.ok) invitationCodes.push(...all(r.errors));
    return r;
  };

  it('every problem of one submit at once; the hours carry their limit', () => {
    expect(parse({ member: '8', mode: 'link', hours: '337' })).toEqual({ ok: false, errors: { member: 'member', hours: ['hours', 336] } });
    expect(parse({ member: 'x', mode: 'post' })).toEqual({ ok: false, errors: { member: 'member', mode: 'mode' } });
  });

  it('a way that is not available here', () => {
    expect(parse({ member: '7', mode: 'link' }, { ...ctx, linkAvailable: false })).toMatchObject({ errors: { mode: 'linkUnavailable' } });
    expect(parse({ member: '7', mode: 'handover' }, { ...ctx, handoverAvailable: false })).toMatchObject({ errors: { mode: 'handoverUnavailable' } });
  });

  it('a form that is fine', () => {
    expect(parse({ member: '7', household: '1', mode: 'link', hours: '' })).toEqual({ ok: true, memberId: 7, includeHousehold: true, mode: 'link', hours: 72 });
  });

  // Answered by the routes (they need the database); tests/integration/client-voice.test.ts.
  const ROUTE_ONLY = ['alreadyOpen', 'final', 'notPending'] as const;

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').clientVoice.errors, invitationCodes, ROUTE_ONLY);
    expectWordsInEachLanguage((t) => t.clientVoice.errors, [...invitationCodes, ...ROUTE_ONLY]);
    expect(sayAll(messagesFor('nl').clientVoice.errors, { hours: ['hours', 336] })).toEqual({ hours: 'Geef een aantal uren van 1 tot 336.' });
  });
});

describe('the client languages and their PO files', () => {
  const keep = <R extends { ok: true } | { ok: false; error: LanguageError } | { ok: false; errors: LanguageError[] }>(r: R): R => {
    if (!r.ok) languageCodes.push(...('error' in r ? [r.error] : r.errors));
    return r;
  };

  it('the official language is one of three', () => {
    expect(keep(parseOfficialLanguage({ official: 'de' }))).toEqual({ ok: false, error: 'unknownLanguage' });
    expect(parseOfficialLanguage({ official: 'nl-fr' })).toEqual({ ok: true, official: 'nl-fr' });
  });

  it('a language to add: known, not Dutch, not there yet', () => {
    for (const lang of ['xx', 'nl', 'ar', '']) expect(keep(parseNewLanguage({ lang }, ['ar']))).toEqual({ ok: false, error: 'unknownLanguage' });
    expect(parseNewLanguage({ lang: 'so' }, ['ar'])).toEqual({ ok: true, language: clientLanguage('so') });
  });

  it('on or off for clients; on with drafts needs a deliberate yes', () => {
    expect(keep(parseVisibility({ shown: 'maybe' }, 0))).toEqual({ ok: false, error: 'unknownLanguage' });
    expect(keep(parseVisibility({ shown: '1' }, 3))).toEqual({ ok: false, error: 'confirmNeeded' });
    expect(parseVisibility({ shown: '1', accept_drafts: '1' }, 3)).toEqual({ ok: true, shown: true });
    expect(parseVisibility({ shown: '0' }, 3)).toEqual({ ok: true, shown: false });
  });

  it('an upload: a file, at most 512 kB, UTF-8 (a BOM is dropped)', async () => {
    expect(keep(await readPoUpload(null))).toEqual({ ok: false, errors: ['noFile'], status: 422 });
    expect(keep(await readPoUpload(new File([], 'ar.po')))).toEqual({ ok: false, errors: ['noFile'], status: 422 });
    expect(keep(await readPoUpload(new File(['x'.repeat(512 * 1024 + 1)], 'ar.po')))).toEqual({ ok: false, errors: [['tooLarge', 512]], status: 413 });
    expect(keep(await readPoUpload(new File([new Uint8Array([0xff, 0xfe, 0x41])], 'ar.po')))).toEqual({
      ok: false,
      errors: ['refused', 'unreadable'],
      status: 422,
    });
    expect(await readPoUpload(new File(['\uFEFFmsgid ""'], 'ar.po'))).toEqual({ ok: true, text: 'msgid ""' });
  });

  it('a refused file: that nothing changed, then each problem with what it is about', () => {
    const codes = poImportErrors([
      { code: 'wrongLanguage', found: 'tr' },
      { code: 'wrongPluralForms', expected: 6, found: 'nplurals=2' },
      { code: 'unknownText', context: 'word:hello' },
      { code: 'sourceChanged', context: 'word:hello' },
      { code: 'notPlural', context: 'word:count' },
      { code: 'formCount', context: 'word:count', expected: 6, found: 2 },
      { code: 'emptyForm', context: 'word:count' },
      { code: 'placeholders', context: 'word:count', expected: ['n', 'total'] },
      { code: 'tooLong', context: 'word:hello', max: 2000 },
      { code: 'controlCharacters', context: 'word:hello' },
      { code: 'nothing' },
    ]);
    expect(codes.slice(0, 2)).toEqual(['refused', ['wrongLanguage', 'tr']]);
    expect(codes).toContainEqual(['placeholders', 'word:count', '{n} {total}']);
    expect(say(messagesFor('nl').clientVoice.admin.errors, codes[9]!)).toBe('word:hello: langer dan 2000 tekens.');
    languageCodes.push(...codes);
    // At most 20 problems are listed.
    expect(poImportErrors(Array.from({ length: 30 }, () => ({ code: 'unreadable' as const })))).toHaveLength(21);
  });

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').clientVoice.admin.errors, languageCodes, []);
    expectWordsInEachLanguage((t) => t.clientVoice.admin.errors, languageCodes);
  });
});

describe("a GPMI's sentences in the client's language", () => {
  const languages = [clientLanguage('ar')!, clientLanguage('uk')!];
  const sources = ['Huurpremie aanvragen', 'Schulden in kaart brengen'];
  const keep = (r: ReturnType<typeof parseGpmiTexts>) => {
    if (!r.ok) gpmiCodes.push(...all<GpmiTextErrors[string]>(r.errors).filter((c) => c !== undefined));
    return r;
  };

  it('a language switched on for clients', () => {
    expect(keep(parseGpmiTexts({ lang: 'tr' }, languages, sources))).toEqual({ ok: false, lang: undefined, errors: { lang: 'unknownLanguage' } });
  });

  it('at most 2000 characters a sentence; the texts come back as typed', () => {
    const long = 'ا'.repeat(2001);
    const r = keep(parseGpmiTexts({ lang: 'ar', [`t.${sourceHash(sources[0]!)}`]: long }, languages, sources));
    expect(r).toEqual({
      ok: false,
      lang: languages[0],
      errors: { [sourceHash(sources[0]!)]: ['tooLong', 2000] },
      typed: new Map([
        [sources[0], long],
        [sources[1], ''],
      ]),
    });
  });

  it('a form that is fine: line breaks made plain, spaces trimmed', () => {
    expect(parseGpmiTexts({ lang: 'uk', [`t.${sourceHash(sources[1]!)}`]: ' рядок\r\nдва ' }, languages, sources)).toEqual({
      ok: true,
      lang: languages[1],
      entries: [
        { source: sources[0], text: '' },
        { source: sources[1], text: 'рядок\nдва' },
      ],
    });
  });

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').clientVoice.gpmi.errors, gpmiCodes, []);
    expectWordsInEachLanguage((t) => t.clientVoice.gpmi.errors, gpmiCodes);
  });
});
