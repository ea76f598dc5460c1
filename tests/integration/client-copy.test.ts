import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';
import { drawnRuns, logicalLines, normalised } from '../support/pdf-runs.js';
import { sourceHash } from '../../src/client-voice/gpmi-texts.js';

// The client's copies as PDF, bilingual: the official (binding) Dutch and the client's language.
// The text is read back from the PDF and compared in logical order after NFKC: Arabic (shaped,
// right to left, with a Dutch name, a date and digits inside) and Ukrainian.

let t: TestApp;
let cookie: string;
let householdId: number;
let gpmiId: number;
let balanceId: number;

const AGREEMENT = 'Sara zoekt samen met de woonwinkel een betaalbare woning.';
const CLIENT_ITEM = 'Ik ga elke week naar de woonwinkel.';
const OCMW_ITEM = 'Het OCMW helpt met de huurwaarborg.';

beforeEach(async () => {
  t = await makeTestApp();
  const org = await t.organisation();
  const team = await t.team(org, 'Team Noord');
  const worker = await t.user(org, { email: 'w@ocmw.be', name: 'Wendy Werker', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(worker);
  const scope = await fx.scopeOf(t.db, worker);
  const h = await fx.household(t.db, t.now(), scope, { dossierRef: 'D-2026-7', members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }] });
  householdId = h.id;
  balanceId = await fx.finalisedBalance(t.db, t.now(), scope, h.id, {
    takenOn: '2026-11-20',
    scores: { 'h.verblijfplaats': { score: 2, clientScore: 3 }, [`m${h.members[0]}.mobiliteit`]: 4 },
  });
  gpmiId = await fx.gpmi(t.db, t.now(), scope, h.id, {
    balanceId,
    memberId: h.members[0]!,
    startOn: '2026-12-01',
    durationMonths: 6,
    moments: ['2027-03-01'],
    agreements: [{ domainKey: 'verblijfplaats', text: AGREEMENT, targetScore: 4, client: [CLIENT_ITEM], ocmw: [OCMW_ITEM] }],
    signed: { on: '2026-11-22', clientName: 'Sara Peeters' },
  });
  for (const lang of ['ar', 'uk']) await fx.clientLanguageOn(t.db, t.now(), scope, lang);
});
afterEach(() => t.close());

const textsUrl = () => `/households/${householdId}/gpmis/${gpmiId}/client-language`;

async function writeTranslations(lang: string, texts: Record<string, string>) {
  const form: Record<string, string> = { lang };
  for (const [source, text] of Object.entries(texts)) form[`t.${sourceHash(source)}`] = text;
  const res = await t.request(textsUrl(), { cookie, form });
  expect(res.status).toBe(303);
}

async function pdfOf(url: string): Promise<Uint8Array> {
  const res = await t.request(url, { cookie });
  expect(res.status, url).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('application/pdf');
  return new Uint8Array(await res.arrayBuffer());
}

/** All Arabic-reading lines of all pages, in reading order, as one normalised text. */
async function arabicText(pdf: Uint8Array): Promise<string> {
  const pages = await drawnRuns(pdf);
  return normalised(pages.flatMap((runs) => logicalLines(runs)).join(' '));
}

describe('the GPMI, Arabic beside Dutch', () => {
  const AR_AGREEMENT = 'تبحث سارة (Sara Peeters) مع متجر السكن عن مسكن بسعر معقول قبل 31/03/2027، وتزور ٣ مساكن على الأقل.';
  const AR_CLIENT = 'أذهب كل أسبوع إلى متجر السكن.';

  it('reads back in logical order: the translation with its Dutch name and digits, the catalogue’s Arabic, and the binding Dutch', async () => {
    await writeTranslations('ar', { [AGREEMENT]: AR_AGREEMENT, [CLIENT_ITEM]: AR_CLIENT });
    const pdf = await pdfOf(`/households/${householdId}/gpmis/${gpmiId}/client-copy?lang=ar`);
    const text = await arabicText(pdf);
    for (const expected of [
      AR_AGREEMENT,
      AR_CLIENT,
      'مكان السكن', // the domain, from the client texts
      'هذه ترجمة لمساعدتك. النص الهولندي هو النص المعتمد.',
      'غير مترجم. يُرجى طلب الشرح من مساعدك الاجتماعي.', // the OCMW item nobody translated
      AGREEMENT,
      'De Nederlandse tekst is de tekst die geldt',
    ])
      expect(text).toContain(normalised(expected));
    // Assistive technology gets the logical text of every Arabic paragraph (ActualText in the structure tree).
    const read = await readPdf(pdf);
    const alts: string[] = [];
    const walk = (n: unknown) => {
      const node = n as { role?: string; alt?: string; lang?: string; children?: unknown[] };
      if (node?.role === 'P' && node.alt) alts.push(node.alt);
      for (const c of node?.children ?? []) walk(c);
    };
    read.structure.forEach(walk);
    expect(alts.map(normalised)).toEqual(expect.arrayContaining([normalised(AR_AGREEMENT), normalised(`• ${AR_CLIENT}`)]));
    expect(read.raw).toContain('Vazirmatn');
  });

  it('is refused for a language not switched on for clients, and nothing is downloaded', async () => {
    expect((await t.request(`/households/${householdId}/gpmis/${gpmiId}/client-copy?lang=tr`, { cookie })).status).toBe(404);
    expect((await t.request(`/households/${householdId}/gpmis/${gpmiId}/client-copy`, { cookie })).status).toBe(404);
    expect(await t.db.selectFrom('audit_event').select('action').where('action', '=', 'gpmi.client_copy_downloaded').execute()).toEqual([]);
  });
});

describe('the GPMI, Ukrainian beside Dutch', () => {
  it('reads back with the text extraction every viewer uses', async () => {
    const UK = 'Сара разом із житловою крамницею шукає доступне житло до 31/03/2027.';
    await writeTranslations('uk', { [AGREEMENT]: UK });
    const read = await readPdf(await pdfOf(`/households/${householdId}/gpmis/${gpmiId}/client-copy?lang=uk`));
    const text = normalised(read.text);
    for (const expected of [UK, 'Місце проживання', 'Це переклад, щоб вам допомогти. Чинним є текст нідерландською.', AGREEMENT, 'Що робите ви?'])
      expect(text).toContain(normalised(expected));
    expect(read.info.Language).toBe('nl-BE');
  });
});

describe('the GPMI’s sentences in the client’s language', () => {
  it('are written per sentence; a too long one is refused and nothing is written', async () => {
    const res = await t.request(textsUrl(), {
      cookie,
      form: { lang: 'ar', [`t.${sourceHash(AGREEMENT)}`]: 'ا'.repeat(2001), [`t.${sourceHash(CLIENT_ITEM)}`]: 'ب'.repeat(2001) },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Hoogstens 2000 tekens.');
    // The error summary, focused on load, links each refused text to its own textarea.
    const summary = /<div class="error-summary" role="alert" tabindex="-1" data-focus-on-load[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    for (const source of [AGREEMENT, CLIENT_ITEM]) {
      const id = `t-${sourceHash(source).slice(0, 16)}`;
      expect(summary).toMatch(new RegExp(`<a href="#${id}">Afspraak 1: [^<]+, [^<]+ — In het Arabisch: Hoogstens 2000 tekens.</a>`));
      expect(html).toContain(`<textarea id="${id}"`);
    }
    // A language not switched on for clients is refused in words, not only by its status.
    const unknown = await t.request(textsUrl(), { cookie, form: { lang: 'tr', [`t.${sourceHash(AGREEMENT)}`]: 'x' } });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Kies een taal uit de lijst.');
    expect(await t.db.selectFrom('gpmi_client_text').selectAll().execute()).toEqual([]);
    await writeTranslations('ar', { [AGREEMENT]: 'نص' });
    expect(await t.db.selectFrom('gpmi_client_text').select(['lang', 'source', 'text']).execute()).toEqual([{ lang: 'ar', source: AGREEMENT, text: 'نص' }]);
    const page = await (await t.request(`${textsUrl()}?lang=ar`, { cookie })).text();
    expect(page).toContain('lang="ar" dir="rtl"');
  });
});

describe('the balance, Arabic beside Dutch', () => {
  it('shows both scores with their levels in both languages', async () => {
    const text = await arabicText(await pdfOf(`/households/${householdId}/balances/${balanceId}/client-copy?lang=ar`));
    // Verblijfplaats: the worker 2, the client 3, each with its level in Arabic.
    expect(text).toContain(normalised('تقييم مساعدك الاجتماعي: 2 — سكن مؤقت: عند العائلة أو الأصدقاء، أو في مركز استقبال أو فندق أو سكن طوارئ.'));
    expect(text).toContain(normalised('تقييمك أنت: 3 — مسكن موجود لكنه غير مضمون: إنهاء عقد الإيجار، أو خطر الطرد، أو عقد قصير.'));
    expect(text).toContain(normalised('Score van de cliënt: 3'));
  });
});

describe('a right-to-left language not proved in a test', () => {
  it('is read on screen: no PDF for Dari, the worker is told why', async () => {
    const worker = (await t.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow()).id;
    await fx.clientLanguageOn(t.db, t.now(), await fx.scopeOf(t.db, worker), 'fa-AF');
    const res = await t.request(`/households/${householdId}/gpmis/${gpmiId}/client-copy?lang=fa-AF`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    expect(await res.text()).toContain('Voor het Dari maakt Sociale Balans (nog) geen PDF');
  });
});
