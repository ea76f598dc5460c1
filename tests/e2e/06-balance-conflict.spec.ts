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
  // A types a remark; the pause after typing saves it, on a revision B has replaced.
  await cellA.getByLabel('Opmerking').fill('A: zoekt een sociale woning, wachtlijst sinds maart');
  // The conflict takes focus: a group named by its title and described by both versions. That is
  // its one announcement; nothing about it goes into the live region.
  const conflict = a.getByRole('group', { name: 'Iemand anders wijzigde dit intussen' });
  await expect(conflict).toBeFocused();
  await expect(conflict).toContainText('B: woont tijdelijk bij een vriend');
  await expect(a.locator('#c-h-verblijfplaats').getByLabel('Opmerking')).toHaveValue('A: zoekt een sociale woning, wachtlijst sinds maart');
  expect(await said()).toEqual([]);
  await expectNoAxeViolations(a, 'conflict');

  // A also chooses a score, then keeps their version: one save, announced once.
  await a.locator('#c-h-verblijfplaats').getByRole('radio').nth(3).check();
  await a.locator('#c-h-verblijfplaats').getByRole('button', { name: 'Mijn versie bewaren' }).click();
  await expect(a.locator('#live-region')).toContainText('Opgeslagen om');
  expect(await said()).toEqual([expect.stringMatching(/^Opgeslagen om \d\d:\d\d$/)]);
  await b.reload();
  await expect(b.locator('#c-h-verblijfplaats').getByLabel('Opmerking')).toHaveValue('A: zoekt een sociale woning, wachtlijst sinds maart');
  await expect(b.locator('#c-h-verblijfplaats').getByRole('radio').nth(3)).toBeChecked();
});

// The conflict answer re-renders the cell; what A typed and chose while that save was on its way
// (here held back for a second) is put back, not replaced by what was posted.
test('what is typed while a conflicting save is under way is kept', async ({ seed, db }) => {
  const { id } = await fx.household(db, Date.now(), seed.worker.scope, { dossierRef: 'D-CONFLICT-2', members: [{ firstName: 'Sara', lastName: 'Peeters' }] });
  const balanceId = await fx.balance(db, Date.now(), seed.worker.scope, id, { takenOn: '2026-11-20', finalise: false });
  const path = `/households/${id}/balances/${balanceId}`;
  const a = await seed.pageAs(seed.worker);
  const b = await seed.pageAs(seed.worker);
  await a.goto(path);
  await b.goto(path);
  await b.locator('#c-h-verblijfplaats').getByRole('radio').nth(1).check();
  await b.locator('#c-h-verblijfplaats').getByRole('radio').nth(1).blur();
  await expect(b.locator('#live-region')).toContainText('Opgeslagen om');

  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await a.route('**/scores', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const cellA = a.locator('#c-h-verblijfplaats');
  const remark = cellA.getByLabel('Opmerking');
  await remark.fill('A: eerste zin.');
  await remark.blur(); // the save leaves, and is held back
  await remark.fill('A: eerste zin. En nog een tweede.');
  await cellA.getByRole('radio').nth(4).check();
  release();
  await expect(a.getByRole('group', { name: 'Iemand anders wijzigde dit intussen' })).toBeFocused();
  await expect(cellA.getByLabel('Opmerking')).toHaveValue('A: eerste zin. En nog een tweede.');
  await expect(cellA.getByRole('radio').nth(4)).toBeChecked();
});
