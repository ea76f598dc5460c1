import { expect, fx, test } from './support/fixtures.js';
import { expectNoAxeViolations } from './support/helpers.js';

// Two browsers on the same balance (say, the worker at the desk and on a laptop): the second save
// of the same domain is not silently overwritten, and nobody's text is lost.
test('two people editing the same domain: conflict shown with both texts, "keep mine" saves', async ({ seed, db }) => {
  test.setTimeout(120_000);
  const { id } = await fx.household(db, Date.now(), seed.worker.scope, { dossierRef: 'D-CONFLICT-1', members: [{ firstName: 'Sara', lastName: 'Peeters' }] });
  const household = `/households/${id}`;
  // The same worker in two browsers, each with its own session.
  const a = await seed.pageAs(seed.worker);
  const b = await seed.pageAs(seed.worker);
  for (const p of [a, b]) await p.goto(household);
  // A starts a new balance; B opens it too.
  await a.getByRole('link', { name: 'Nieuwe meting starten' }).click();
  await a.getByRole('button', { name: 'Meting starten' }).click();
  await expect(a.getByRole('heading', { level: 1 })).toContainText('Meting van');
  await b.goto(a.url());

  const cellA = a.locator('#c-h-verblijfplaats');
  const cellB = b.locator('#c-h-verblijfplaats');
  await cellB.getByRole('radio').nth(1).check();
  await cellB.getByLabel('Opmerking').fill('B: woont tijdelijk bij een vriend');
  await cellB.getByLabel('Opmerking').blur();
  await expect(b.locator('#live-region')).toContainText('Opgeslagen om');

  await cellA.getByLabel('Opmerking').fill('A: zoekt een sociale woning, wachtlijst sinds maart');
  await cellA.getByRole('radio').nth(3).check();
  const conflict = a.locator('#c-h-verblijfplaats .conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Iemand anders wijzigde dit intussen');
  await expect(conflict).toContainText('B: woont tijdelijk bij een vriend');
  await expect(a.locator('#c-h-verblijfplaats').getByLabel('Opmerking')).toHaveValue('A: zoekt een sociale woning, wachtlijst sinds maart');
  await expectNoAxeViolations(a, 'conflict');

  await a.locator('#c-h-verblijfplaats').getByRole('button', { name: 'Mijn versie bewaren' }).click();
  await expect(a.locator('#live-region')).toContainText('Opgeslagen om');
  await b.reload();
  await expect(b.locator('#c-h-verblijfplaats').getByLabel('Opmerking')).toHaveValue('A: zoekt een sociale woning, wachtlijst sinds maart');
  await expect(b.locator('#c-h-verblijfplaats').getByRole('radio').nth(3)).toBeChecked();
});
