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

// The heart of the product, keyboard only: a household with two adults and a child, a balance
// scored step by step (one theme of one person at a time) with remarks typed, saved as it goes
// (htmx) and by each "Volgende", finalised, and the result read.
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

  // The editor opens on the first step with something to do; every step is one theme of one person.
  const total = onAt('huishouden') + 2 * onAt('volwassene') + onAt('kind'); // household, two adults, one child
  await expect(page.getByText(`0 van ${total} domeinen gescoord`)).toBeVisible();
  await expect(page.locator('#step')).toHaveText('Wonen — Huishouden');
  const stepCount = (await page.locator('button[form="step-form"][name="go"]').count()) - 1; // without "Afronden"
  const remarks: string[] = [];
  let i = 0;
  for (let step = 0; step < stepCount; step++) {
    await expect(page.getByText(`Stap ${step + 1} van ${stepCount}`)).toBeVisible();
    if (step > 0) await expect(page.locator('#step')).toBeFocused(); // reached with "Volgende": the step's heading has focus
    const cells = page.locator('fieldset.cell');
    const n = await cells.count();
    for (let c = 0; c < n; c++, i++) {
      const cell = cells.nth(c);
      const score = 1 + (i % 5);
      // From the heading (or the previous cell; from the top of the page on the first step) the first level is a few Tab presses away; Space
      // chooses it, the arrow keys move the choice; Tab on leaves the group (one save).
      await tabTo(page, cell.getByRole('radio').first(), step === 0 && c === 0 ? 20 : 8);
      await page.keyboard.press('Space');
      for (let k = 1; k < score; k++) await page.keyboard.press('ArrowDown');
      await expect(cell.getByRole('radio').nth(score - 1)).toBeChecked();
      if (i % 4 === 0) {
        await page.keyboard.press('Tab');
        await expect(cell.getByLabel('Opmerking')).toBeFocused();
        const remark = `Opmerking ${i + 1}: besproken met Sara.`;
        await page.keyboard.type(remark);
        remarks.push(remark);
      }
    }
    if (step === 0) await expectNoAxeViolations(page, 'balance editor, first step scored');
    // "Volgende" saves the step (after any autosave still under way) and opens the next one.
    await tabTo(page, page.getByRole('button', { name: /^Volgende: / }), 8);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]step=/);
  }
  // The finish step: everything scored; finalise.
  await expect(page.locator('#step')).toHaveText('Afronden');
  await expect(page.getByText(`${total} van ${total} domeinen gescoord`)).toBeVisible();
  await expect(page.getByText('Alle domeinen zijn gescoord en bevestigd.')).toBeVisible();
  await expectNoAxeViolations(page, 'balance editor, finish step');
  await tabTo(page, page.getByRole('button', { name: 'Meting afronden' }), 8);
  await page.keyboard.press('Enter');
  // The finalised balance opens on a focused notification banner with the next steps.
  const banner = page.locator('.notification-banner');
  await expect(banner).toBeFocused();
  await expect(banner).toContainText('De meting is afgerond.');
  await expect(banner.getByRole('link', { name: 'Werkpunten en doelen kiezen' })).toBeVisible();
  await expect(page.getByText(/Afgerond door Wendy Werker/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Destabiliserend (1 en 2)' }).first()).toBeVisible();
  for (const remark of [remarks[0]!, remarks[remarks.length - 1]!]) await expect(page.locator('p.pre-wrap', { hasText: remark })).toBeVisible();
  await expectNoAxeViolations(page, 'finalised balance');

  // Back on the caseload the household shows its last balance date.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossiers' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'D-2026-0042' })).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expectNoAxeViolations(page, 'caseload (one household)');
});
