import { expect, fx, test } from './support/fixtures.js';
import { expectNoAxeViolations } from './support/helpers.js';

// An administrator changes an anchor text and publishes a new catalogue version. A balance made
// before keeps showing the text it was scored against; a new balance shows the new text.
test('catalogue: edit, publish, and an older balance still shows its old text', async ({ page, context, seed, db }) => {
  test.setTimeout(120_000);
  // The worker's household with a finalised balance, scored 1 on Verblijfplaats, on catalogue version 1.
  const now = Date.now();
  const household = await fx.household(db, now, seed.worker.scope, { dossierRef: 'D-CAT-1', members: [{ firstName: 'Sara', lastName: 'Peeters' }] });
  const firstBalance = await fx.finalisedBalance(db, now, seed.worker.scope, household.id, { takenOn: '2026-11-02', scores: { 'h.verblijfplaats': 1 } });
  const householdPath = `/households/${household.id}`;
  await seed.signIn(context, seed.admin);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Catalogus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catalogus van de levensdomeinen');
  await expect(page.getByText('Versie 1', { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'catalogue');

  await page.getByRole('link', { name: 'Catalogus aanpassen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catalogus aanpassen');
  await expectNoAxeViolations(page, 'catalogue draft');
  await page.getByRole('link', { name: 'Verblijfplaats bewerken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verblijfplaats bewerken');
  await expectNoAxeViolations(page, 'domain form');
  const anchor1 = page
    .getByRole('group', { name: /^Score 1/ })
    .getByRole('textbox')
    .first();
  const oldText = await anchor1.inputValue();
  const newText = 'Geen eigen slaapplaats: slaapt op straat of in de nachtopvang.';
  await anchor1.fill(newText);
  await page.getByRole('button', { name: 'Opslaan in het ontwerp' }).click();
  await expect(page.getByText('De wijziging staat in het ontwerp.')).toBeVisible();

  await page.getByRole('link', { name: 'Wijzigingen nakijken en publiceren' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wijzigingen publiceren');
  await expect(page.locator('main')).toContainText(newText);
  await expectNoAxeViolations(page, 'publication summary');
  await page.getByLabel('Toelichting bij deze versie').fill('Duidelijkere tekst bij dakloosheid');
  await page.getByRole('button', { name: 'Versie 2 publiceren' }).click();
  await expect(page.getByText('Versie 2 is gepubliceerd.')).toBeVisible();

  await page.getByRole('link', { name: 'Versiegeschiedenis' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versiegeschiedenis van de catalogus');
  await expectNoAxeViolations(page, 'version history');
  await page.getByRole('link', { name: 'Versie 1 bekijken' }).click();
  await expect(page.locator('main')).toContainText(oldText);
  await expectNoAxeViolations(page, 'old version');
  await page.goto('/catalogue/import');
  await expectNoAxeViolations(page, 'catalogue import');

  // The worker's finalised balance still shows the old text.
  const worker = await seed.pageAs(seed.worker);
  await worker.goto(`${householdPath}/balances/${firstBalance}`);
  const row = worker.locator('tr', { has: worker.getByRole('rowheader', { name: 'Verblijfplaats' }) });
  await expect(row.locator('.anchor-text')).toHaveText(oldText);
  await expect(worker.getByText('Catalogus versie 1')).toBeVisible();
  // A new balance uses version 2.
  await worker.goto(householdPath);
  await expect(worker.getByRole('heading', { name: 'Metingen' })).toBeVisible();
  await expectNoAxeViolations(worker, 'dossier with its balances');
  await worker.getByRole('link', { name: 'Nieuwe meting starten' }).click();
  await worker.getByRole('button', { name: 'Meting starten' }).click();
  await expect(worker.getByText('Catalogus versie 2')).toBeVisible();
  await expect(worker.locator('#c-h-verblijfplaats')).toContainText(newText);
});
