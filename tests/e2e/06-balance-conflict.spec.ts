import { expect, fx, test } from './support/fixtures.js';
import { expectNoAxeViolations } from './support/helpers.js';

// Two browsers on the same balance (say, the worker at the desk and on a laptop): the second save
// of the same domain is not silently overwritten, and nobody's text is lost.
test('two people editing the same domain: the conflict takes focus with both texts, announced once, "keep mine" saves', async ({ seed, db }) => {
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

  // Everything A's live region says from here on, in order.
  await a.evaluate(() => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    new MutationObserver(() => {
      const text = document.getElementById('live-region')!.textContent ?? '';
      if (text) w.said.push(text);
    }).observe(document.getElementById('live-region')!, { childList: true, characterData: true, subtree: true });
  });
  const said = () => a.evaluate(() => (window as unknown as { said: string[] }).said);
  await cellA.getByLabel('Opmerking').fill('A: zoekt een sociale woning, wachtlijst sinds maart');
  await cellA.getByRole('radio').nth(3).check();
  await cellA.getByRole('radio').nth(3).blur();
  // The conflict takes focus: a group named by its title and described by both versions. That is
  // its one announcement; nothing about it goes into the live region.
  const conflict = a.getByRole('group', { name: 'Iemand anders wijzigde dit intussen' });
  await expect(conflict).toBeFocused();
  await expect(conflict).toContainText('B: woont tijdelijk bij een vriend');
  await expect(a.locator('#c-h-verblijfplaats').getByLabel('Opmerking')).toHaveValue('A: zoekt een sociale woning, wachtlijst sinds maart');
  expect(await said()).toEqual([]);
  await expectNoAxeViolations(a, 'conflict');

  await a.locator('#c-h-verblijfplaats').getByRole('button', { name: 'Mijn versie bewaren' }).click();
  await expect(a.locator('#live-region')).toContainText('Opgeslagen om');
  expect(await said()).toEqual([expect.stringMatching(/^Opgeslagen om \d\d:\d\d$/)]);
  await b.reload();
  await expect(b.locator('#c-h-verblijfplaats').getByLabel('Opmerking')).toHaveValue('A: zoekt een sociale woning, wachtlijst sinds maart');
  await expect(b.locator('#c-h-verblijfplaats').getByRole('radio').nth(3)).toBeChecked();
});
