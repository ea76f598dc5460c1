import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectNoAxeViolations, tabTo, typeAndTab } from './support/helpers.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';

const onAt = (level: string) =>
  defaultCatalogue.themes
    .filter((t) => t.level === level)
    .flatMap((t) => t.domains)
    .filter((d) => d.defaultOn).length;

async function fillMember(page: Page, n: number, m: { first: string; last: string; year: string; role: string }) {
  const group = page.getByRole('group', { name: `Gezinslid ${n}`, exact: true });
  await tabTo(page, group.getByLabel('Voornaam'));
  await typeAndTab(page, m.first);
  await typeAndTab(page, m.last);
  await page.keyboard.type(m.year);
  const role = group.getByRole('group', { name: 'Rol in het gezin' });
  await tabTo(page, role.getByRole('radio', { checked: true }).or(role.getByRole('radio').first()).first());
  const wanted = role.getByLabel(m.role, { exact: true });
  for (let i = 0; i < 5 && !(await wanted.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeChecked();
}

// The heart of the product, keyboard only: a household with two adults and a child, a balance with
// every domain scored and remarks typed, saved as it goes (htmx), finalised, and the result read.
test('a social worker scores a whole household with the keyboard and finalises the balance', async ({ page, context, seed }) => {
  test.setTimeout(180_000);
  await seed.signIn(context, seed.worker);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, 'caseload (empty)');

  await tabTo(page, page.getByRole('link', { name: 'Nieuw huishouden' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw huishouden');
  await expectNoAxeViolations(page, 'new household');
  await tabTo(page, page.getByLabel('Dossiernummer'));
  await page.keyboard.type('D-2026-0042');
  await fillMember(page, 1, { first: 'Sara', last: 'Peeters', year: '1985', role: 'Aanvrager' });
  for (const [n, m] of [
    [2, { first: 'Karim', last: 'Peeters', year: '1982', role: 'Partner' }],
    [3, { first: 'Lina', last: 'Peeters', year: '2016', role: 'Kind' }],
  ] as const) {
    await tabTo(page, page.getByRole('button', { name: 'Nog een gezinslid toevoegen' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: `Gezinslid ${n}`, exact: true })).toBeVisible();
    await fillMember(page, n, m);
  }
  await tabTo(page, page.getByRole('button', { name: 'Huishouden aanmaken' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Huishouden van');
  await expectNoAxeViolations(page, 'dossier');

  await tabTo(page, page.getByRole('link', { name: 'Nieuwe meting starten' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe meting');
  await expectNoAxeViolations(page, 'new balance');
  await tabTo(page, page.getByRole('button', { name: 'Meting starten' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Meting van');
  await expectNoAxeViolations(page, 'balance editor (empty)');

  const cells = page.locator('fieldset.cell');
  const total = await cells.count();
  expect(total).toBe(onAt('huishouden') + 2 * onAt('volwassene') + onAt('kind')); // household, two adults, one child
  await expect(page.getByText(`0 van ${total} domeinen gescoord`)).toBeVisible();
  for (let i = 0; i < total; i++) {
    const cell = cells.nth(i);
    const score = 1 + (i % 5);
    // Tab lands on the first radio of an unanswered group; Space chooses it, arrows move the choice.
    await tabTo(page, cell.getByRole('radio').first());
    await page.keyboard.press('Space');
    for (let k = 1; k < score; k++) await page.keyboard.press('ArrowDown');
    await expect(cell.getByRole('radio').nth(score - 1)).toBeChecked();
    if (i % 4 === 0) {
      await page.keyboard.press('Tab');
      await expect(cell.getByLabel('Opmerking')).toBeFocused();
      await page.keyboard.type(`Opmerking ${i + 1}: besproken met Sara.`);
    }
  }
  // The last change is saved on its own (debounced); the progress line follows the server.
  await expect(page.getByText(`${total} van ${total} domeinen gescoord`)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#live-region')).toContainText('Opgeslagen om');
  await expectNoAxeViolations(page, 'balance editor (all scored)');

  // Reload: everything typed is there.
  await page.reload();
  await expect(page.getByText(`${total} van ${total} domeinen gescoord`)).toBeVisible();
  await expect(cells.nth(0).getByLabel('Opmerking')).toHaveValue('Opmerking 1: besproken met Sara.');
  await expect(cells.nth(24).getByLabel('Opmerking')).toHaveValue('Opmerking 25: besproken met Sara.');

  // After the reload focus is at the top: a long way through every cell to the end of the page.
  await tabTo(page, page.getByRole('button', { name: 'Meting afronden' }), 400);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Afgerond door Wendy Werker/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Destabiliserend (1 en 2)' }).first()).toBeVisible();
  await expect(page.locator('p.pre-wrap', { hasText: 'Opmerking 1: besproken met Sara.' })).toBeVisible();
  await expectNoAxeViolations(page, 'finalised balance');

  // Back on the caseload the household shows its last balance date.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossiers' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'D-2026-0042' })).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expectNoAxeViolations(page, 'caseload (one household)');
});
