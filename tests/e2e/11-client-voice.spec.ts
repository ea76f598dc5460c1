import type { Browser, Page } from '@playwright/test';
import { expect, fx, test, type Seed } from './support/fixtures.js';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, expectSuccessBanner } from './support/helpers.js';
import { E2E_PORT } from './support/global-setup.js';

// The client's own voice, end to end: the worker starts a link; the client opens it in a fresh
// browser (no account) on a 320 px phone, with JavaScript on and off, chooses Arabic, scores three
// domains, skips one and sends; the worker sees the three client scores beside their own; the link
// no longer works. axe checks every client screen, in Arabic and in Dutch.

const CLIENT = `http://127.0.0.1:${E2E_PORT}`;

interface World {
  householdId: number;
  balanceId: number;
  sara: number;
}

async function world(seed: Seed, db: Parameters<typeof fx.household>[0]): Promise<World> {
  const now = Date.now();
  const h = await fx.household(db, now, seed.worker.scope, {
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 },
      { firstName: 'Jan', lastName: 'Peeters', birthYear: 1983, role: 'partner' },
    ],
  });
  const sara = h.members[0]!;
  const balanceId = await fx.balance(db, now, seed.worker.scope, h.id, { takenOn: '2026-11-20', finalise: false, scores: { [`m${sara}.mobiliteit`]: 3 } });
  await fx.clientLanguageOn(db, now, seed.admin.scope, 'ar');
  return { householdId: h.id, balanceId, sara };
}

const voicePath = (w: World) => `/households/${w.householdId}/balances/${w.balanceId}/client-voice`;

/** The worker starts a link for Sara and reads it off the page (shown once). */
async function startLink(worker: Page, w: World, check = false): Promise<string> {
  await worker.goto(voicePath(w));
  await expect(worker.getByRole('heading', { level: 1, name: 'De cliënt vult zelf in' })).toBeVisible();
  if (check) await expectNoAxeViolations(worker, 'worker: client voice page');
  await worker.getByRole('radio', { name: 'Sara Peeters' }).check();
  await worker.getByRole('radio', { name: /Met een link of QR-code/ }).check();
  await worker.getByRole('button', { name: 'Starten' }).click();
  await expect(worker.getByRole('heading', { level: 1, name: 'Link voor Sara' })).toBeVisible();
  if (check) await expectNoAxeViolations(worker, 'worker: the link, shown once');
  const link = await worker.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link.startsWith(`${CLIENT}/client/l/`)).toBe(true);
  return link;
}

async function phone(browser: Browser, javaScriptEnabled: boolean, locale = 'ar') {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled, locale, hasTouch: true });
  return { context, page: await context.newPage() };
}

async function noSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling at 320 px').toBeLessThanOrEqual(0);
}

/** The client's journey in Arabic: three domains scored, one skipped, sent. */
async function answerInArabic(client: Page, link: string, axe: (label: string) => Promise<void>) {
  const response = await client.goto(link);
  // The link leaves the address bar at once: its token travels in a cookie from here on.
  let first = response!.request();
  while (first.redirectedFrom()) first = first.redirectedFrom()!;
  expect(first.url()).toBe(link);
  expect(client.url()).toBe(`${CLIENT}/client/language`);
  expect(response!.headers()['referrer-policy']).toBe('no-referrer');
  expect(response!.headers()['cache-control']).toBe('no-store');
  await axe('language picker');
  await client.getByRole('button', { name: 'العربية' }).click();
  await expect(client.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(client.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(client.getByRole('heading', { level: 1, name: 'إجاباتك أنت' })).toBeVisible();
  await expect(client.getByText('مرحبًا Sara')).toBeVisible();
  await noSideScroll(client);
  await axe('introduction (ar)');
  await client.getByRole('link', { name: 'البدء' }).click();

  // Question 1: a level; question 2: "I'd rather not say" is not used, a level and a remark;
  // question 3: skipped; question 4: a level.
  await expect(client.getByText('السؤال 1 من')).toBeVisible();
  await noSideScroll(client);
  await axe('question (ar)');
  await client.getByRole('link', { name: 'عرض النص بالهولندية أيضًا' }).click();
  await expect(client.locator('[lang="nl"]').first()).toBeVisible();
  await axe('question with the Dutch beside it (ar)');
  await client.getByRole('radio').nth(1).check();
  await client.getByRole('button', { name: 'التالي' }).click();

  await expect(client.getByText('السؤال 2 من')).toBeVisible();
  // A refused answer first (nothing chosen): the message in Arabic, nothing saved.
  await client.getByRole('button', { name: 'التالي' }).click();
  await expect(client.getByRole('alert')).toContainText('يُرجى اختيار إجابة');
  await axe('question refused (ar)');
  await client.getByRole('radio').nth(3).check();
  await client.getByLabel(/ملاحظة منك/).fill('أحتاج إلى مساعدة في الأوراق');
  await client.getByRole('button', { name: 'التالي' }).click();

  await expect(client.getByText('السؤال 3 من')).toBeVisible();
  await client.getByRole('button', { name: 'تخطّي هذا السؤال' }).click();

  await expect(client.getByText('السؤال 4 من')).toBeVisible();
  await client.getByRole('radio').nth(4).check();
  await client.getByRole('button', { name: 'التالي' }).click();

  await expect(client.getByText('السؤال 5 من')).toBeVisible();
  await client.getByRole('link', { name: 'الانتقال إلى الملخص' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'مراجعة إجاباتك' })).toBeVisible();
  await expect(client.getByText('تمت الإجابة عن 3 أسئلة.')).toBeVisible();
  await noSideScroll(client);
  await axe('review (ar)');
  await client.getByRole('button', { name: 'إرسال إلى مساعدي الاجتماعي' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'شكرًا!' })).toBeVisible();
  await axe('sent (ar)');
}

async function workerSeesThreeClientScores(worker: Page, w: World) {
  await worker.goto(voicePath(w));
  const sent = worker.locator('section', { has: worker.getByRole('heading', { name: 'Wat de cliënt stuurde' }) });
  await expect(sent.locator('tbody tr')).toHaveCount(3);
  await expect(sent.getByText('أحتاج إلى مساعدة في الأوراق')).toBeVisible();
  // In the editor, beside the worker's own scores: three client scores of Sara, none of Jan. The
  // editor shows one step (a theme of one person) at a time, so walk every step of the overview.
  const base = `/households/${w.householdId}/balances/${w.balanceId}`;
  await worker.goto(base);
  const steps = await worker.locator('button[name="go"]').evaluateAll((els) => els.map((e) => (e as HTMLButtonElement).value).filter((v) => v.includes(':')));
  expect(steps.length).toBeGreaterThan(3);
  let chosen = 0;
  let others = 0;
  for (const step of [...new Set(steps)]) {
    await worker.goto(`${base}?step=${encodeURIComponent(step)}`);
    chosen += await worker.locator(`select[name^="c.m${w.sara}."]`).evaluateAll((els) => els.filter((e) => (e as HTMLSelectElement).value !== '').length);
    others += await worker
      .locator('select[name^="c."]:not([name^="c.m' + w.sara + '."])')
      .evaluateAll((els) => els.filter((e) => (e as HTMLSelectElement).value !== '').length);
  }
  expect(chosen).toBe(3);
  expect(others).toBe(0);
  await worker.goto(`${base}?step=${encodeURIComponent(`m${w.sara}:volwassene-mobiliteit`)}`);
  await expect(worker.locator(`select[name="c.m${w.sara}.mobiliteit"]`)).not.toHaveValue('');
}

async function linkIsDead(client: Page, link: string, axe: (label: string) => Promise<void>) {
  const res = await client.goto(link);
  expect(res!.status()).toBe(410);
  await expect(client.getByText('تم إرسال إجاباتك من قبل. هذا الرابط لم يعد يعمل.')).toBeVisible();
  await axe('link used (ar)');
}

test('JavaScript on, 320 px: the client answers in Arabic, the worker sees three client scores, the link is dead', async ({ browser, seed, db }) => {
  test.setTimeout(180_000);
  const w = await world(seed, db);
  const worker = await seed.pageAs(seed.worker);
  const link = await startLink(worker, w, true);
  const { context, page: client } = await phone(browser, true);
  const axe = (label: string) => expectNoAxeViolations(client, label);
  await answerInArabic(client, link, axe);
  await workerSeesThreeClientScores(worker, w);
  await linkIsDead(client, link, axe);
  await context.close();
});

test('JavaScript off, 320 px: the same journey with plain forms', async ({ browser, seed, db }) => {
  test.setTimeout(180_000);
  const w = await world(seed, db);
  const worker = await seed.pageAs(seed.worker);
  const link = await startLink(worker, w);
  const { context, page: client } = await phone(browser, false);
  const axe = (label: string) => expectNoAxeViolationsWithoutJs(client, `${label}, without JS`);
  await answerInArabic(client, link, axe);
  await workerSeesThreeClientScores(worker, w);
  await linkIsDead(client, link, axe);
  await context.close();
});

test('in Dutch: every client screen passes axe, and a screen reader meets a question as a heading in a group of choices', async ({ browser, seed, db }) => {
  test.setTimeout(120_000);
  const w = await world(seed, db);
  const worker = await seed.pageAs(seed.worker);
  const link = await startLink(worker, w);
  const { context, page: client } = await phone(browser, true, 'nl-BE');
  await client.goto(link);
  await expect(client.locator('html')).toHaveAttribute('lang', 'nl');
  await expectNoAxeViolations(client, 'language picker (nl)');
  await client.getByRole('button', { name: 'Nederlands' }).click();
  await expectNoAxeViolations(client, 'introduction (nl)');
  await client.getByRole('link', { name: 'Begin' }).click();
  const group = client.getByRole('group', { name: /Vangnet/ });
  await expect(group.getByRole('heading', { level: 1, name: 'Is er iemand bij wie je terecht kunt als het moeilijk gaat?' })).toBeVisible();
  await expect(group.getByRole('radio')).toHaveCount(6);
  await expectNoAxeViolations(client, 'question (nl)');
  await client.getByRole('button', { name: 'Volgende' }).click();
  await expect(client.getByRole('alert')).toContainText('Kies een antwoord.');
  await expectNoAxeViolations(client, 'question refused (nl)');
  // Keyboard only: to the first choice, one down, and on.
  await client.getByRole('radio').first().focus();
  await client.keyboard.press('ArrowDown');
  await expect(client.getByRole('radio').nth(1)).toBeChecked();
  await client.getByRole('button', { name: 'Volgende' }).focus();
  await client.keyboard.press('Enter');
  await expect(client.getByText('Vraag 2 van')).toBeVisible();
  await client.getByRole('link', { name: 'Naar het overzicht' }).click();
  await expectNoAxeViolations(client, 'review (nl)');
  await client.getByRole('button', { name: 'Stuur naar mijn maatschappelijk werker' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Bedankt!' })).toBeVisible();
  await expectNoAxeViolations(client, 'sent (nl)');
  await client.goto(link);
  await expect(client.getByText('Je antwoorden zijn al verstuurd. Deze link werkt niet meer.')).toBeVisible();
  await expectNoAxeViolations(client, 'link used (nl)');
  await context.close();
});

test('hand-over on the worker’s screen: the lock screen everywhere else, until the worker signs in again', async ({ seed, db }) => {
  test.setTimeout(120_000);
  const w = await world(seed, db);
  await seed.credentials(seed.worker, 'een lang wachtwoord voor de test');
  const worker = await seed.pageAs(seed.worker);
  await worker.goto(voicePath(w));
  await worker.getByRole('radio', { name: 'Sara Peeters' }).check();
  await worker.getByRole('radio', { name: /Op dit scherm/ }).check();
  // Another tab of the same browser, open on the client file.
  const otherTab = await worker.context().newPage();
  await otherTab.goto(`/households/${w.householdId}`);
  await expect(otherTab.getByText('Peeters').first()).toBeVisible();
  await worker.getByRole('button', { name: 'Starten' }).click();
  await expect(worker.getByRole('heading', { level: 1, name: 'Kies je taal' })).toBeVisible();
  // It is emptied and then shows the lock (script on), without anyone touching it.
  await expect(otherTab.getByRole('heading', { level: 1, name: 'Dit scherm is vergrendeld' })).toBeVisible();
  await expect(otherTab.getByText('Peeters')).toHaveCount(0);
  await otherTab.close();
  // Back, or a typed address: the lock, nothing of the file.
  await worker.goBack();
  await expect(worker.getByRole('heading', { level: 1, name: 'Dit scherm is vergrendeld' })).toBeVisible();
  await expect(worker.getByText('Peeters')).toHaveCount(0);
  await expectNoAxeViolations(worker, 'lock screen');
  await worker.goto(`/households/${w.householdId}`);
  await expect(worker.getByRole('heading', { level: 1, name: 'Dit scherm is vergrendeld' })).toBeVisible();
  await worker.getByRole('link', { name: 'Verder' }).click();
  await worker.getByRole('button', { name: 'Nederlands' }).click();
  await expect(worker.getByRole('heading', { level: 1, name: 'Jouw eigen antwoorden' })).toBeVisible();
  await worker.goto('/');
  await worker.getByRole('button', { name: /Ik ben de maatschappelijk werker/ }).click();
  await expect(worker).toHaveURL(/\/signin\?next=/);
  await expect(worker.getByRole('heading', { level: 1 })).toContainText('Aanmelden');
});

test('administrators switch a language on for clients (axe on their pages)', async ({ seed }) => {
  const admin = await seed.pageAs(seed.admin);
  await admin.goto('/translations');
  await expect(admin.getByRole('heading', { level: 1, name: 'Talen voor cliënten' })).toBeVisible();
  await expectNoAxeViolations(admin, 'translations');
  await admin.getByRole('link', { name: /Turks/ }).click();
  await expectNoAxeViolations(admin, 'one language');
  await admin.getByRole('button', { name: 'Aanzetten voor cliënten' }).click();
  await expect(admin.getByRole('alert')).toContainText('Vink aan');
  await expectNoAxeViolations(admin, 'switch refused without the yes');
  await admin.getByRole('checkbox').check();
  await admin.getByRole('button', { name: 'Aanzetten voor cliënten' }).click();
  await expect(admin.getByText('De taal is nu aan voor cliënten.')).toBeVisible();
});

test('the worker writes the GPMI in the client’s language (from an interpreter) and downloads the bilingual copy', async ({ seed, db }) => {
  const now = Date.now();
  const h = await fx.household(db, now, seed.worker.scope, { members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }] });
  const balanceId = await fx.finalisedBalance(db, now, seed.worker.scope, h.id, { takenOn: '2026-11-20', scores: { 'h.verblijfplaats': 2 } });
  const gpmiId = await fx.gpmi(db, now, seed.worker.scope, h.id, {
    balanceId,
    memberId: h.members[0]!,
    startOn: '2026-12-01',
    agreements: [{ domainKey: 'verblijfplaats', text: 'Sara zoekt een betaalbare woning.', client: ['Ik ga elke week naar de woonwinkel.'] }],
    signed: { on: '2026-11-22', clientName: 'Sara Peeters' },
  });
  await fx.clientLanguageOn(db, now, seed.admin.scope, 'ar');
  const worker = await seed.pageAs(seed.worker);
  await worker.goto(`/households/${h.id}/gpmis/${gpmiId}`);
  await worker.getByRole('link', { name: 'Teksten in de taal van de cliënt' }).click();
  await expect(worker.getByRole('heading', { level: 1, name: 'Het GPMI in de taal van de cliënt' })).toBeVisible();
  await expectNoAxeViolations(worker, 'GPMI in the client’s language');
  await worker.getByLabel('Afspraak — In het Arabisch').fill('تبحث سارة عن مسكن بسعر معقول.');
  await worker.getByRole('button', { name: 'Opslaan' }).click();
  await expectSuccessBanner(worker, 'Opgeslagen.');
  await expect(worker.getByLabel('Afspraak — In het Arabisch')).toHaveValue('تبحث سارة عن مسكن بسعر معقول.');
  const download = worker.waitForEvent('download');
  await worker.getByRole('button', { name: 'GPMI als PDF (tweetalig)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^gpmi-clientkopie-ar_gezin-\d+_2026-11-22\.pdf$/);
});
