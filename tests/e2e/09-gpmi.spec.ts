import type { Kysely } from 'kysely';
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import type { Database } from '../../src/db/schema.js';
import { readPdf } from '../support/pdf.js';
import { expect, fx, test, type Seed } from './support/fixtures.js';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, tabTo, typeAndTab } from './support/helpers.js';

// Issue 7, keyboard only: from a finalised balance of D-2026-0042 choose three werkpunten with
// goals, write the GPMI, sign it, change it in a second version with a reason, and after a second
// finalised balance evaluate it. axe on every page and state. The PDF downloads join here.

const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const TODAY = day(new Date());
const IN_THREE_MONTHS = day(new Date(Date.now() + 90 * 86_400_000));

/**
 * The household of D-2026-0042 (Sara and Karim Peeters and their daughter Lina) with a finalised
 * balance of today, every cell scored, as a worker leaves it after the whole-household journey:
 * Verblijfplaats 1, Betaalbaarheid woning 2 and Sara's Mobiliteit 1 are the werkpunten below.
 */
async function householdWithBalance(db: Kysely<Database>, seed: Seed) {
  const scope = seed.worker.scope;
  const now = Date.now();
  const household = await fx.household(db, now, scope, {
    dossierRef: 'D-2026-0042',
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985, role: 'aanvrager' },
      { firstName: 'Karim', lastName: 'Peeters', birthYear: 1982, role: 'partner' },
      { firstName: 'Lina', lastName: 'Peeters', birthYear: 2016, role: 'kind' },
    ],
  });
  const sara = `m${household.members[0]}`;
  const fixed: Record<string, number> = { 'h.verblijfplaats': 1, 'h.betaalbaarheid-woning': 2, [`${sara}.mobiliteit`]: 1 };
  const balanceId = await fx.finalisedBalance(db, now, scope, household.id, {
    takenOn: TODAY,
    participants: household.members,
    scores: (subject, domainKey, i) => fixed[`${subject}.${domainKey}`] ?? 1 + (i % 5),
  });
  const householdPath = `/households/${household.id}`;
  return { household, sara, balanceId, householdPath, balancePath: `${householdPath}/balances/${balanceId}` };
}

const WERKPUNTEN = ['Werkpunt: Verblijfplaats, Huishouden', 'Werkpunt: Betaalbaarheid woning, Huishouden', 'Werkpunt: Mobiliteit, Sara Peeters (volwassene)'];

/** Activates a download link with the keyboard; returns the file's name and bytes (kept in the test's artefacts). */
async function downloadWithKeyboard(page: Page, name: string) {
  await tabTo(page, page.getByRole('link', { name, exact: true }), 300);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), pdf: await readPdf(fs.readFileSync(file)) };
}

async function press(page: Page, name: string, role: 'button' | 'link' = 'button', max = 200) {
  await tabTo(page, page.getByRole(role, { name, exact: true }), max);
  await page.keyboard.press('Enter');
}

test('werkpunten, GPMI written, signed, changed with a reason and evaluated, with the keyboard', async ({ page, context, seed, db }) => {
  test.setTimeout(240_000);
  const { balancePath, householdPath } = await householdWithBalance(db, seed);
  await seed.signIn(context, seed.worker);
  await page.goto(balancePath);
  await expect(page.getByText(/Afgerond door/)).toBeVisible();

  // ---- werkpunten
  await press(page, 'Werkpunten en doelen kiezen', 'link');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkpunten en doelen');
  await expectNoAxeViolations(page, 'werkpunten (empty)');
  for (const name of WERKPUNTEN) {
    await tabTo(page, page.getByRole('checkbox', { name, exact: true }), 200);
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
  // The client's own order is separate: Mobiliteit matters most to Sara.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Volgorde van de cliënt: Mobiliteit, Sara Peeters (volwassene)')).toBeFocused();
  await page.keyboard.type('1');
  await press(page, 'Werkpunten bewaren');
  await expect(page.locator('.notification-banner')).toBeFocused();
  await expect(page.locator('.notification-banner')).toContainText('De werkpunten zijn bewaard.');
  await expectNoAxeViolations(page, 'werkpunten (three chosen)');

  const goals: [string, string, string, string][] = [
    ['1. Verblijfplaats — Huishouden', 'Ik woon alleen in een betaalbare woning.', 'Zoeken naar huisvesting', '3'],
    ['2. Betaalbaarheid woning — Huishouden', 'De huur is hoogstens een derde van het inkomen.', 'Huurpremie aanvragen', '3'],
    ['1. Mobiliteit — Sara Peeters', 'Ik raak zelf op mijn werk en afspraken.', 'Een busabonnement regelen', '2'],
  ];
  for (const [legend, long, short, target] of goals) {
    const group = page.getByRole('group', { name: legend, exact: true });
    await tabTo(page, group.getByLabel('Doel op lange termijn'), 200);
    await typeAndTab(page, long);
    await expect(group.getByLabel('Doel op korte termijn')).toBeFocused();
    await typeAndTab(page, short);
    await expect(group.getByLabel('Waar wil ik staan? (score 1 tot 5)')).toBeFocused();
    await page.keyboard.type(target);
    await expect(group.getByLabel('Waar wil ik staan? (score 1 tot 5)')).toHaveValue(target);
  }
  await press(page, 'Werkpunten bewaren');
  await expect(page.getByText('De werkpunten zijn bewaard.')).toBeVisible();
  await expect(page.getByRole('group', { name: '1. Verblijfplaats — Huishouden' }).getByLabel('Doel op korte termijn')).toHaveValue('Zoeken naar huisvesting');
  await expectNoAxeViolations(page, 'werkpunten with goals');

  // ---- the GPMI
  await press(page, 'GPMI opstellen', 'link', 300);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw GPMI');
  await expectNoAxeViolations(page, 'new GPMI');
  // Submitting without choosing for whom: the error summary takes focus.
  await press(page, 'GPMI opstellen');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Kies voor wie het GPMI is');
  await expectNoAxeViolations(page, 'new GPMI (refused)');
  await tabTo(page, page.getByRole('radio', { name: 'Sara Peeters' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Sara Peeters' })).toBeChecked();
  await press(page, 'GPMI opstellen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('GPMI van Sara Peeters');
  await expect(page.locator('.meta-line')).toHaveText('Versie 1 — Ontwerp');
  await expectNoAxeViolations(page, 'GPMI draft');
  const gpmiPath = new URL(page.url()).pathname;

  const agreement = (name: string) => page.getByRole('group', { name, exact: true });
  const writes: [string, string, string][] = [
    ['Mobiliteit — Sara Peeters', 'Je vraagt een busabonnement aan.\nJe oefent de route naar het OCMW.', 'Het OCMW betaalt het eerste abonnement.'],
    [
      'Verblijfplaats — Huishouden',
      'Je zoekt zelf naar huisvesting op de privémarkt.\nJe schrijft je in bij De Woonbrug.',
      'Het OCMW gaat met je op zoek naar huisvesting.',
    ],
    ['Betaalbaarheid woning — Huishouden', 'Je brengt je huurcontract mee.', 'Het OCMW vraagt de huurpremie samen met je aan.'],
  ];
  for (const [name, client, ocmw] of writes) {
    await expect(agreement(name).getByLabel('De afspraak in één zin')).not.toHaveValue('');
    await tabTo(page, agreement(name).getByLabel('Wat doe jij?'), 200);
    await typeAndTab(page, client);
    await expect(agreement(name).getByLabel('Wat doet het OCMW?')).toBeFocused();
    await page.keyboard.type(ocmw);
  }
  await press(page, 'Ontwerp bewaren');
  await expect(page.locator('.notification-banner')).toBeFocused();
  await expect(page.locator('.notification-banner')).toContainText('Het ontwerp is bewaard.');
  await expect(agreement('Verblijfplaats — Huishouden').getByLabel('Wat doe jij?')).toHaveValue(
    'Je zoekt zelf naar huisvesting op de privémarkt.\nJe schrijft je in bij De Woonbrug.',
  );
  await expectNoAxeViolations(page, 'GPMI draft (saved)');

  // ---- signing
  await tabTo(page, page.getByLabel('Naam van de cliënt die tekende'), 300);
  await expect(page.getByLabel('Naam van de cliënt die tekende')).toHaveValue('Sara Peeters');
  await press(page, 'Als ondertekend bewaren');
  await expect(page.getByText('Het GPMI is ondertekend.')).toBeVisible();
  await expect(page.getByText(/Ondertekend op \d{2}\/\d{2}\/\d{4} door Sara Peeters en Wendy Werker\./).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Verblijfplaats — Huishouden' })).toBeVisible();
  await expect(page.getByText('Je schrijft je in bij De Woonbrug.')).toBeVisible();
  await expectNoAxeViolations(page, 'GPMI signed');

  // ---- the signed GPMI as PDF (for the client and the client file), then the balance report
  const gpmiPdf = await downloadWithKeyboard(page, 'GPMI als PDF downloaden');
  expect(gpmiPdf.name).toMatch(/^gpmi_D-2026-0042_\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(gpmiPdf.pdf.info.Title).toBe('GPMI van Sara Peeters');
  expect(gpmiPdf.pdf.text).not.toContain('ONTWERP');
  for (const text of [
    'Jouw afspraken',
    'Verblijfplaats',
    'Je schrijft je in bij De Woonbrug.',
    'Mobiliteit',
    'Handtekeningen',
    'Sara Peeters',
    'Wendy Werker',
  ]) {
    expect(gpmiPdf.pdf.text, text).toContain(text);
  }
  const gpmiUrl = page.url();
  await page.goto(balancePath);
  const balancePdf = await downloadWithKeyboard(page, 'PDF downloaden');
  expect(balancePdf.name).toMatch(/^sociale-balans_D-2026-0042_\d{4}-\d{2}-\d{2}\.pdf$/);
  // Spec 04's scores: Verblijfplaats 1, Betaalbaarheid woning 2 (household).
  expect(balancePdf.pdf.text).toMatch(/Verblijfplaats 1 Acuut probleem/);
  expect(balancePdf.pdf.text).toMatch(/Betaalbaarheid woning 2 Ruim onvoldoende/);
  expect(balancePdf.pdf.text).toContain('Karim Peeters');
  expect(balancePdf.pdf.markInfo?.Marked).toBe(true);
  await page.goto(gpmiUrl);

  // ---- a change: only as a new version, with a reason
  await press(page, 'Nieuwe versie maken');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Schrijf waarom je het GPMI verandert.');
  await expectNoAxeViolations(page, 'new version refused without a reason');
  await tabTo(page, page.getByLabel('Waarom verander je het GPMI?'), 300);
  await page.keyboard.type('Sara vond intussen een tijdelijke woning via De Woonbrug.');
  await press(page, 'Nieuwe versie maken');
  await expect(page.getByText('Er is een nieuwe versie gemaakt.')).toBeVisible();
  await expect(page.locator('.meta-line')).toHaveText('Versie 2 — Ontwerp');
  await expect(page.getByText(/Versie 1 is ondertekend en blijft gelden/)).toBeVisible();
  await expectNoAxeViolations(page, 'GPMI version 2 draft');
  // An agreement without text is refused, nothing saved, the text typed elsewhere kept.
  await tabTo(page, agreement('Verblijfplaats — Huishouden').getByLabel('De afspraak in één zin'), 200);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await press(page, 'Ontwerp bewaren');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Schrijf de afspraak in één zin.');
  await expectNoAxeViolations(page, 'GPMI draft refused (agreement without text)');
  await tabTo(page, agreement('Verblijfplaats — Huishouden').getByLabel('De afspraak in één zin'), 200);
  await page.keyboard.type('Je houdt je tijdelijke woning en zoekt verder naar een vaste.');
  // Signing straight away saves what was just typed with it (one form, one transaction).
  await press(page, 'Als ondertekend bewaren', 'button', 300);
  // A full-page POST that worked: a notification banner, focused, says so (GOV.UK pattern).
  await expect(page.locator('.notification-banner')).toBeFocused();
  await expect(page.locator('.notification-banner')).toContainText('Het GPMI is ondertekend.');
  await expect(page.getByText('Je houdt je tijdelijke woning en zoekt verder naar een vaste.')).toBeVisible();
  const history = page.getByRole('table', { name: 'Alle versies van dit GPMI, met wie ze maakte en waarom' });
  await expect(history).toContainText('Sara vond intussen een tijdelijke woning via De Woonbrug.');
  await expect(history).toContainText('Eerste versie');
  // Version 1 stays readable as it was signed.
  await press(page, 'Versie 1 bekijken', 'link', 300);
  await expect(page.getByText('Je bekijkt versie 1. De nieuwste versie is versie 2.')).toBeVisible();
  await expect(page.getByText('Je houdt je tijdelijke woning')).toHaveCount(0);
  await expectNoAxeViolations(page, 'GPMI old version');

  // ---- a second finalised balance: Verblijfplaats 1 → 3, Mobiliteit 1 → 2
  await page.goto(householdPath);
  await expect(page.getByRole('heading', { name: 'GPMI', exact: true })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Sara Peeters' }).filter({ hasText: 'Ondertekend' })).toBeVisible();
  await expectNoAxeViolations(page, 'dossier with a GPMI');
  await press(page, 'Nieuwe meting starten', 'link');
  await press(page, 'Meting starten');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Meting van');
  // The editor opens on the household's first step (Wonen); Sara's Mobiliteit is one click away in the overview.
  const overview = page.getByRole('navigation', { name: 'Overzicht van de meting' });
  const saraSteps = overview.locator('.step-nav__subject', { has: page.getByRole('heading', { name: /^Sara Peeters/ }) });
  for (const [cell, score, next] of [
    [page.locator('#c-h-verblijfplaats'), 3, saraSteps.getByRole('button', { name: /^Mobiliteit/ })],
    [page.getByRole('group', { name: 'Mobiliteit — Sara Peeters', exact: true }), 2, overview.getByRole('button', { name: 'Afronden' })],
  ] as const) {
    await tabTo(page, cell.getByRole('radio').first(), 40);
    await page.keyboard.press('Space');
    for (let k = 1; k < score; k++) await page.keyboard.press('ArrowDown');
    await expect(cell.getByRole('radio').nth(score - 1)).toBeChecked();
    // The overview's step buttons save the step first, then open the next.
    await tabTo(page, next, 60);
    await page.keyboard.press('Enter');
    await expect(page.locator('#step')).toBeFocused();
  }
  await expect(page.getByText(/^2 van \d+ domeinen gescoord$/)).toBeVisible();
  await press(page, 'Meting afronden', 'button', 60);
  await expect(page.locator('.notification-banner')).toBeFocused();
  await expect(page.getByText(/Afgerond door Wendy Werker/)).toBeVisible();

  // ---- evaluation
  await page.goto(gpmiPath);
  await press(page, 'Evalueren', 'link', 300);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evaluatie van het GPMI');
  const evaluation = (name: string) => page.getByRole('group', { name, exact: true });
  await expect(evaluation('Verblijfplaats — Huishouden').getByRole('table')).toContainText('beter');
  await expect(evaluation('Verblijfplaats — Huishouden').locator('td').nth(1).locator('.chip--3')).toHaveText('3 Onvoldoende');
  await expect(evaluation('Mobiliteit — Sara Peeters').getByRole('table')).toContainText('beter');
  await expect(evaluation('Betaalbaarheid woning — Huishouden').getByRole('table')).toContainText('niet te vergelijken');
  await expectNoAxeViolations(page, 'evaluation');
  await tabTo(page, evaluation('Verblijfplaats — Huishouden').getByLabel('Wat is er gebeurd?'), 200);
  await typeAndTab(page, 'Sara woont nu tijdelijk in een woning van De Woonbrug.');
  // Tab lands on the checked status ("Lopend"); the arrow key moves the choice to "Bereikt".
  await expect(evaluation('Verblijfplaats — Huishouden').getByRole('radio', { name: 'Lopend' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(evaluation('Verblijfplaats — Huishouden').getByRole('radio', { name: 'Bereikt' })).toBeChecked();
  await press(page, 'Evaluatie bewaren');
  await expect(page.locator('.notification-banner')).toBeFocused();
  await expect(page.locator('.notification-banner')).toContainText('De evaluatie is bewaard.');
  await expect(page.getByText(/Evaluatie van \d{2}\/\d{2}\/\d{4} — Bereikt/)).toBeVisible();
  await expectNoAxeViolations(page, 'GPMI after evaluation');

  // The caseload counts the agreements still open: two of three.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossiers' }).click();
  const row = page.getByRole('row').filter({ hasText: 'D-2026-0042' });
  await expect(row.locator('td').last()).toHaveText('2');
  await expectNoAxeViolations(page, 'caseload with open agreements');
});

// The werkpunten form is plain HTML: with JavaScript off it saves the same way.
test('the werkpunten form works with JavaScript off', async ({ browser, seed, db }) => {
  const { sara, balanceId, balancePath } = await householdWithBalance(db, seed);
  // The werkpunten as the keyboard journey above chose them: Mobiliteit first for Sara.
  await fx.plan(db, Date.now(), seed.worker.scope, balanceId, {
    'h.verblijfplaats': { priority: 1, targetScore: 3 },
    'h.betaalbaarheid-woning': { priority: 2, targetScore: 3 },
    [`${sara}.mobiliteit`]: { priority: 1, clientPriority: 1, targetScore: 2 },
  });
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE' });
  await seed.signIn(context, seed.worker);
  const page = await context.newPage();
  await page.goto(`${balancePath}/plan?show=low`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkpunten en doelen');
  // The filtered table leaves the werkpunten it does not show alone.
  await expect(page.getByRole('checkbox', { name: 'Werkpunt: Verblijfplaats, Huishouden' })).toBeChecked();
  await page.getByLabel('Volgorde van de cliënt: Verblijfplaats, Huishouden').selectOption('2');
  await page.getByRole('button', { name: 'Werkpunten bewaren' }).click();
  await expect(page.getByText('De werkpunten zijn bewaard.')).toBeVisible();
  await expect(page.getByLabel('Volgorde van de cliënt: Verblijfplaats, Huishouden')).toHaveValue('2');
  await expect(page.getByRole('group', { name: '1. Mobiliteit — Sara Peeters' })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page, 'werkpunten without JavaScript');
  await context.close();
});

// Signing is a second submit button of the draft form: with JavaScript off, what was typed is saved with the signature.
test('signing with JavaScript off keeps what was typed in the draft', async ({ browser, seed, db }) => {
  const { household, sara, balanceId, householdPath } = await householdWithBalance(db, seed);
  // Sara's GPMI, signed (version 1).
  const gpmiId = await fx.gpmi(db, Date.now(), seed.worker.scope, household.id, {
    balanceId,
    memberId: household.members[0]!,
    startOn: TODAY,
    moments: [IN_THREE_MONTHS],
    agreements: [
      { subject: sara, domainKey: 'mobiliteit', text: 'Je vraagt een busabonnement aan.' },
      { domainKey: 'verblijfplaats', text: 'Je zoekt huisvesting.' },
    ],
    signed: { on: TODAY, clientName: 'Sara Peeters' },
  });
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE' });
  await seed.signIn(context, seed.worker);
  const page = await context.newPage();
  await page.goto(`${householdPath}/gpmis/${gpmiId}`);
  await page.getByLabel('Waarom verander je het GPMI?').fill('Nieuwe afspraak over de bus.');
  await page.getByRole('button', { name: 'Nieuwe versie maken' }).click();
  await expect(page.locator('.meta-line')).toHaveText('Versie 2 — Ontwerp');
  const mobility = page.getByRole('group', { name: 'Mobiliteit — Sara Peeters', exact: true });
  await mobility.getByLabel('De afspraak in één zin').fill('Je gaat met de bus naar je werk.');
  // A refused signature (no name) keeps the typed text and signs nothing.
  await page.getByLabel('Naam van de cliënt die tekende').fill('');
  await page.getByRole('button', { name: 'Als ondertekend bewaren' }).click();
  await expect(page.locator('.error-summary')).toContainText('Typ de naam van de cliënt die tekende.');
  await expect(page.locator('.meta-line')).toHaveText('Versie 2 — Ontwerp');
  await expect(mobility.getByLabel('De afspraak in één zin')).toHaveValue('Je gaat met de bus naar je werk.');
  await expectNoAxeViolationsWithoutJs(page, 'GPMI signing refused without JavaScript');
  await page.getByLabel('Naam van de cliënt die tekende').fill('Sara Peeters');
  await page.getByRole('button', { name: 'Als ondertekend bewaren' }).click();
  await expect(page.getByText('Het GPMI is ondertekend.')).toBeVisible();
  await expect(page.locator('.meta-line')).toContainText('Versie 2 — Ondertekend');
  await expect(page.getByText('Je gaat met de bus naar je werk.')).toBeVisible();
  await context.close();
});
