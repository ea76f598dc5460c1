import type { Kysely } from 'kysely';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { Database } from '../../src/db/schema.js';
import { expect, fx, test, type Seed, type SeededUser } from './support/fixtures.js';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, tabTo, expectSuccessBanner } from './support/helpers.js';

// Issue 15: the team lead reaches the figures from their home page, chooses a year and a level with
// the keyboard, reads a chart beside its data table, moves between the views and downloads a CSV;
// the same pages work with JavaScript off and at 320 px. A worker's "Te doen" list and a
// beneficiary's living wage, typed with the keyboard. axe on every page and state.

const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const TODAY = day(new Date());
const YEAR = TODAY.slice(0, 4);

async function leadWithData(db: Kysely<Database>, seed: Seed): Promise<SeededUser> {
  const now = Date.now();
  const id = await fx.user(db, now, seed.organisationId, {
    email: `lead-${seed.teamId}@ocmw-proefstad.be`,
    name: 'Lien Leiding',
    teams: [{ teamId: seed.teamId, role: 'lead' }],
  });
  const lead = { id, email: `lead-${seed.teamId}@ocmw-proefstad.be`, name: 'Lien Leiding', scope: await fx.scopeOf(db, id) };
  // 24 households with a finalised balance today: large enough counts to show, a few small ones.
  for (let i = 0; i < 24; i++) {
    const h = await fx.household(db, now, seed.worker.scope, {
      dossierRef: `F-${seed.teamId}-${i}`,
      assignedUserId: seed.worker.id,
      members: [{ firstName: `Cijfer${i}`, lastName: 'Proef', birthYear: 1980 }],
    });
    await fx.finalisedBalance(db, now, seed.worker.scope, h.id, { takenOn: TODAY, scores: (_s, _d, index) => (i < 12 ? 2 : 3) + (index % 2) });
  }
  return lead;
}

async function press(page: Page, name: string, role: 'button' | 'link' = 'button', max = 120) {
  await tabTo(page, page.getByRole(role, { name, exact: true }), max);
  await page.keyboard.press('Enter');
}

test('a team lead reads the figures from home with the keyboard, with a chart and its table, and downloads a CSV', async ({ seed, db }) => {
  const lead = await leadWithData(db, seed);
  const page = await seed.pageAs(lead);
  await page.goto('/');
  await press(page, 'Cijfers', 'link');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers');
  await expect(page.getByRole('heading', { level: 2, name: 'Verdeling per domein' })).toBeVisible();
  await expectNoAxeViolations(page, 'figures: distribution');

  // Choose adults, the first balance, with the keyboard.
  await tabTo(page, page.getByLabel('Niveau', { exact: true }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Niveau', { exact: true })).toHaveValue('volwassene');
  await press(page, 'Toon de cijfers');
  await expect(page).toHaveURL(/level=volwassene/);
  const figure = page.getByRole('figure', { name: /Aantal mensen per score, per domein/ });
  await expect(figure.getByRole('img')).toBeVisible();
  const table = figure.getByRole('table');
  await expect(table.getByRole('row', { name: /Vangnet/ })).toContainText('12');
  // No names or dossier numbers anywhere.
  await expect(page.locator('body')).not.toContainText('Cijfer1');
  await expect(page.locator('body')).not.toContainText(`F-${seed.teamId}-1`);
  await expectNoAxeViolations(page, 'figures: adults');

  for (const view of ['Beweging tussen scores', 'Afspraken in het GPMI', 'Voor de inspectie']) {
    await press(page, view, 'link');
    await expect(page.getByRole('link', { name: view, exact: true })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page, `figures: ${view}`);
  }
  await press(page, 'Verdeling per domein', 'link');

  // Download the table as CSV with the keyboard.
  await tabTo(page, page.getByRole('link', { name: 'Verdeling per domein als CSV' }), 200);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('Domein;Score 1;Score 2');
  expect(bytes.toString('utf8')).not.toContain('Cijfer');

  // 320 px wide (400 % zoom of a 1280 px screen): nothing scrolls sideways but the tables' own boxes.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the figures filters are a plain form', async ({ seed, db }) => {
    const lead = await leadWithData(db, seed);
    const page = await seed.pageAs(lead);
    await page.goto('/figures');
    await page.getByLabel('Periode', { exact: true }).selectOption(YEAR);
    await page.getByLabel('Meting', { exact: true }).selectOption('first');
    await page.getByRole('button', { name: 'Toon de cijfers' }).click();
    await expect(page).toHaveURL(/moment=first/);
    await expect(page.getByRole('table').first()).toContainText('Verblijfplaats');
    await expectNoAxeViolationsWithoutJs(page, 'figures without JS');
  });
});

test('a worker’s Te doen list, and the living wage typed with the keyboard', async ({ seed, db }) => {
  const now = Date.now();
  const h = await fx.household(db, now, seed.worker.scope, {
    dossierRef: 'D-2026-0777',
    assignedUserId: seed.worker.id,
    members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }],
  });
  const page = await seed.pageAs(seed.worker);
  await page.goto('/');
  await press(page, 'Te doen', 'link');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Te doen');
  await expect(page.getByRole('table')).toContainText('D-2026-0777');
  await expectNoAxeViolations(page, 'todo');

  await page.goto(`/households/${h.id}/members/${h.members[0]}`);
  await press(page, 'Leefloon', 'link');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leefloon van Sara Peeters');
  await expectNoAxeViolations(page, 'living wage');
  // A date in the future first: refused, with the error summary focused.
  await tabTo(page, page.getByLabel('Leefloon toegekend op'));
  await page.keyboard.type('01/01/2099');
  await press(page, 'Opslaan');
  await expect(page.locator('.error-summary')).toContainText('De datum ligt in de toekomst');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'living wage refused');
  await tabTo(page, page.getByLabel('Leefloon toegekend op'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('15/10/2026');
  // Tab lands on the chosen radio ("Geen vrijstelling"); the arrow keys move the choice.
  await tabTo(page, page.getByRole('radio', { name: 'Geen vrijstelling' }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Om redenen van billijkheid' })).toBeChecked();
  await press(page, 'Opslaan');
  await expectSuccessBanner(page, 'Het leefloon is opgeslagen.');
  await expect(page.getByText('Vrijgesteld: om redenen van billijkheid')).toBeVisible();
  await expectNoAxeViolations(page, 'living wage saved');
});

test('the administrator sets the figures threshold (never below 3)', async ({ seed }) => {
  const page = await seed.pageAs(seed.admin);
  await page.goto('/admin/users');
  await press(page, 'Cijfers en opvolging', 'link');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen voor cijfers en opvolging');
  await expectNoAxeViolations(page, 'figures settings');
  await tabTo(page, page.getByLabel('Kleinste aantal dat getoond wordt'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await press(page, 'Opslaan');
  await expect(page.locator('.error-summary')).toContainText('Geef een geheel getal van 3 tot 50.');
  await expectNoAxeViolations(page, 'figures settings refused');
  await tabTo(page, page.getByLabel('Kleinste aantal dat getoond wordt'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4');
  await press(page, 'Opslaan');
  await expectSuccessBanner(page, 'De instellingen zijn opgeslagen.');
});
