import type { Page } from '@playwright/test';
import { expect, fx, test } from './support/fixtures.js';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, tabTo } from './support/helpers.js';

// Issue 13 (history and words): the one date field, earlier balances after an earlier "in het
// gezin sinds", the evolution that says what it shows, the catalogue's coverage before publishing,
// the audit log in words and a GPMI note shared with the client. axe on every new state, the
// keyboard for the journeys, and the member and balance forms with JavaScript off.

const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const TODAY = day(new Date());
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** Replaces a text field's value with the keyboard: focus, select all, type. */
async function retype(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await tabTo(page, field, 80);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('earlier balances: an earlier "in het gezin sinds", then a balance on paper from before the dossier, with the keyboard', async ({ seed, db }) => {
  const household = await fx.household(db, Date.now(), seed.worker.scope, {
    dossierRef: 'D100050',
    joinedOn: TODAY,
    members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }],
  });
  const path = `/households/${household.id}`;
  const page = await seed.pageAs(seed.worker);

  // The balance form says its range up front; a day before the first member is refused, and says why.
  await page.goto(`${path}/balances/new`);
  await expect(page.getByText(`Typ dag/maand/jaar: dd/mm/jjjj. Tussen ${dmy(TODAY)} en vandaag.`)).toBeVisible();
  await expectNoAxeViolations(page, 'new balance with the date range said up front');
  await retype(page, 'Datum van de meting', '12/03/2025');
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(/^Fout: /);
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(`Op 12/03/2025 was nog niemand lid van dit gezin: het eerste gezinslid is er sinds ${dmy(TODAY)}.`);
  await expectNoAxeViolations(page, 'balance date before the first member');

  // "In het gezin sinds" on the member page: its range, then an earlier day saved.
  await page.goto(`${path}/members/${household.members[0]}`);
  await expect(
    page.getByText('Een meting gaat alleen over wie op die datum in het gezin was. Typ dag/maand/jaar: dd/mm/jjjj. Tussen 01/01/1985 en vandaag.'),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'member page with "in het gezin sinds"');
  await retype(page, 'In het gezin sinds', '01/09/2024');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Het gezinslid is opgeslagen.')).toBeVisible();

  // Now the paper balance of March 2025 can be entered.
  await page.goto(`${path}/balances/new`);
  await expect(page.getByText('Tussen 01/09/2024 en vandaag.')).toBeVisible();
  await retype(page, 'Datum van de meting', '12/03/2025');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Meting van 12/03/2025' })).toBeVisible();

  // Moving "in het gezin sinds" after that balance is refused with its date; nothing changes.
  await page.goto(`${path}/members/${household.members[0]}`);
  await expect(page.getByText('Tussen 01/01/1985 en 12/03/2025.')).toBeVisible();
  await retype(page, 'In het gezin sinds', '01/04/2025');
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Dit gezinslid hoort al bij de meting van 12/03/2025.');
  await expectNoAxeViolations(page, '"in het gezin sinds" after a balance, refused');
  const stored = await db.selectFrom('household_member').select('joined_on').where('id', '=', household.members[0]!).executeTakeFirstOrThrow();
  expect(stored.joined_on).toBe('2024-09-01');
});

test('with JavaScript off: the member date and the earlier balance, by plain forms', async ({ browser, seed, db }) => {
  const household = await fx.household(db, Date.now(), seed.worker.scope, {
    joinedOn: TODAY,
    members: [{ firstName: 'Tom', lastName: 'Maes', birthYear: 1990 }],
  });
  const path = `/households/${household.id}`;
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE' });
  await seed.signIn(context, seed.worker);
  const page = await context.newPage();
  await page.goto(`${path}/members/${household.members[0]}`);
  await page.getByLabel('In het gezin sinds', { exact: true }).fill('31/02/2024');
  await page.getByRole('button', { name: 'Gezinslid opslaan' }).click();
  await expect(page.locator('.error-summary')).toContainText('Vul een bestaande datum in als dag/maand/jaar');
  await expectNoAxeViolationsWithoutJs(page, 'member date refused, without JS');
  await page.getByLabel('In het gezin sinds', { exact: true }).fill('15/01/2024');
  await page.getByRole('button', { name: 'Gezinslid opslaan' }).click();
  await expect(page.getByText('Het gezinslid is opgeslagen.')).toBeVisible();
  await page.goto(`${path}/balances/new`);
  await page.getByLabel('Datum van de meting', { exact: true }).fill('20/02/2024');
  await page.getByRole('button', { name: 'Meting starten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meting van 20/02/2024' })).toBeVisible();
  await context.close();
});

test('the evolution says per domain what got better or worse, and what each score meant then, by keyboard', async ({ seed, db }) => {
  const scope = seed.worker.scope;
  const household = await fx.household(db, Date.now(), scope, { dossierRef: 'D300300', members: [{ firstName: 'Lea', lastName: 'Claes', birthYear: 1979 }] });
  for (const [takenOn, score] of [
    ['2026-03-01', 2],
    ['2026-06-01', 4],
  ] as const)
    await fx.finalisedBalance(db, Date.now(), scope, household.id, {
      takenOn,
      scores: (subject, key) => (subject === 'h' && key === 'verblijfplaats' ? score : 3),
    });
  const page = await seed.pageAs(seed.worker);
  await page.goto(`/households/${household.id}/evolution`);
  await expect(page.getByText(/Van 01\/03\/2026 tot 01\/06\/2026: 1 domein beter, \d+ gelijk, 0 slechter\./)).toBeVisible();
  const row = page.locator('table[data-chart="heatmap"] tr[data-domain="verblijfplaats"]');
  await expect(row.locator('td').nth(1)).toContainText('beter');
  await expect(row.locator('th')).toContainText('Hele periode: beter (+2)');
  // The meanings are behind the domain's name: opened with the keyboard.
  const summary = row.locator('summary');
  await tabTo(page, summary, 120);
  await page.keyboard.press('Enter');
  await expect(row.locator('dd').first()).toBeVisible();
  await expect(row.locator('dt').first()).toHaveText('01/03/2026: 2 Ruim onvoldoende');
  await expectNoAxeViolations(page, 'evolution with a domain’s meanings open');
});

test('catalogue: coverage while editing, a confirmation before publishing a version that takes an area away, by keyboard', async ({ seed }) => {
  const page = await seed.pageAs(seed.admin);
  await page.goto('/catalogue/draft');
  await expect(page.getByRole('heading', { name: 'Dekking van de POD MI-domeinen' })).toBeVisible();
  for (const name of ['Mobiliteit (volwassene) uitzetten', 'Mobiliteit (kind) uitzetten']) {
    await tabTo(page, page.getByRole('button', { name, exact: true }), 600);
    await page.keyboard.press('Enter');
    // Switched off: the same row now offers to switch it on again, named with its level.
    await expect(page.getByRole('button', { name: name.replace('uitzetten', 'aanzetten'), exact: true })).toBeVisible();
  }
  await expect(page.getByText(/Let op: geen enkel levensdomein dat aan staat, dekt [^.]*Mobiliteit/)).toBeVisible();
  await expectNoAxeViolations(page, 'draft with an area newly uncovered');

  await page.goto('/catalogue/publication');
  await expect(page.getByText('Domeinen die uit gaan')).toBeVisible();
  await expect(page.getByText('Mobiliteit (volwassene), Mobiliteit (kind)')).toBeVisible();
  await expect(page.getByText('Let op: in deze versie dekt geen enkel levensdomein dat aan staat nog Mobiliteit.')).toBeVisible();
  await expectNoAxeViolations(page, 'publication review with the confirmation');
  await tabTo(page, page.getByRole('button', { name: 'Versie 2 publiceren' }), 400);
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.locator('.error-summary')).toContainText('Deze versie dekt Mobiliteit niet.');
  await expectNoAxeViolations(page, 'publication refused without the confirmation');
  await tabTo(page, page.getByRole('checkbox', { name: 'Ik publiceer toch, zonder levensdomein voor Mobiliteit.' }), 400);
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Versie 2 publiceren' }), 40);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/catalogue\?published=2/);
});

test('the audit log in words, and a GPMI note shared with the client', async ({ seed, db }) => {
  const scope = seed.worker.scope;
  const household = await fx.household(db, Date.now(), scope, { dossierRef: 'D400400', members: [{ firstName: 'Noor', lastName: 'Jacobs', birthYear: 1988 }] });
  const balanceId = await fx.finalisedBalance(db, Date.now(), scope, household.id, { takenOn: TODAY, scores: () => 2 });
  const gpmiId = await fx.gpmi(db, Date.now(), scope, household.id, {
    balanceId,
    memberId: household.members[0]!,
    startOn: TODAY,
    agreements: [{ domainKey: 'verblijfplaats', text: 'Je zoekt een woning.' }],
    signed: { on: TODAY, clientName: 'Noor Jacobs' },
  });
  const page = await seed.pageAs(seed.worker);
  await page.goto(`/households/${household.id}/gpmis/${gpmiId}/evaluations/new`);
  await expectNoAxeViolations(page, 'evaluation form with "share with the client"');
  await page.getByLabel('Wat is er gebeurd?').fill('Je hebt twee woningen bezocht.');
  await tabTo(page, page.getByRole('checkbox', { name: 'Deze notitie delen met de cliënt' }), 80);
  await page.keyboard.press('Space');
  // Whether it was a personal conversation is a required choice (the inspection counts these).
  await tabTo(page, page.getByRole('radio', { name: 'Ja, een persoonlijk gesprek' }), 80);
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Evaluatie bewaren' }), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Notitie gedeeld met de cliënt: staat ook op het exemplaar van de cliënt.')).toBeVisible();
  await expectNoAxeViolations(page, 'GPMI page with a shared note');

  // The worker's reads are in the log; an administrator in the same team reads them in words.
  const admin = await fx.user(db, Date.now(), seed.organisationId, {
    email: `lead-${seed.teamId}@ocmw-proefstad.be`,
    name: 'Lies Lead',
    isAdmin: true,
    teams: [{ teamId: seed.teamId, role: 'lead' }],
  });
  const adminPage = await seed.pageAs({ id: admin, email: '', name: 'Lies Lead', scope: await fx.scopeOf(db, admin) });
  await adminPage.goto('/admin/audit');
  await expect(adminPage.getByRole('cell', { name: `GPMI van D400400` }).first()).toBeVisible();
  await expectNoAxeViolations(adminPage, 'audit log in words');
});
