import { expect, test } from './support/fixtures.js';
import { expectNoAxeViolationsWithoutJs } from './support/helpers.js';

test.use({ javaScriptEnabled: false });

// The same journey on a PC where scripts are blocked: plain forms, one step at a time, every button saves.
test('with JavaScript off: create a household, score every domain step by step, finalise, read the result', async ({ page, context, seed }) => {
  test.setTimeout(180_000);
  await seed.signIn(context, seed.worker);
  await page.goto('/households/new');
  await page.getByLabel('Dossiernummer').fill('D-2026-0077');
  const m1 = page.getByRole('group', { name: 'Gezinslid 1', exact: true });
  await m1.getByLabel('Voornaam').fill('Ali');
  await m1.getByLabel('Achternaam').fill('Demir');
  await m1.getByLabel('Geboortejaar').fill('1979');
  await page.getByRole('button', { name: 'Nog een gezinslid toevoegen' }).click();
  const m2 = page.getByRole('group', { name: 'Gezinslid 2', exact: true });
  await m2.getByLabel('Voornaam').fill('Ela');
  await m2.getByLabel('Achternaam').fill('Demir');
  await m2.getByLabel('Geboortejaar').fill('2014');
  await m2.getByLabel('Kind', { exact: true }).check();
  await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Huishouden van');

  await page.getByRole('link', { name: 'Nieuwe meting starten' }).click();
  await page.getByRole('button', { name: 'Meting starten' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Meting van');
  await expectNoAxeViolationsWithoutJs(page, 'editor without JS');

  // Step by step with plain forms: every button of a step (here "Volgende") saves the step first.
  const stepCount = (await page.locator('button[form="step-form"][name="go"]').count()) - 1; // without "Afronden"
  let scored = 0;
  for (let step = 0; step < stepCount; step++) {
    await expect(page.getByText(`Stap ${step + 1} van ${stepCount}`)).toBeVisible();
    const cells = page.locator('fieldset.cell');
    const n = await cells.count();
    for (let i = 0; i < n; i++) {
      await cells
        .nth(i)
        .getByRole('radio')
        .nth((scored + i) % 5)
        .check();
    }
    await cells
      .first()
      .getByLabel('Opmerking')
      .fill(`Stap ${step + 1} besproken zonder JavaScript`);
    if (step === 0) {
      // Enter in a field saves and stays (the step's first, hidden button).
      await cells.first().getByRole('radio').nth(0).press('Enter');
      await expect(page.locator('#save-status')).toContainText('Opgeslagen om');
      await expect(page.getByText(new RegExp(`^${n} van \\d+ domeinen gescoord$`))).toBeVisible();
      await expect(page.locator('#step')).toHaveText('Wonen — Huishouden');
      await expect(cells.first().getByLabel('Opmerking')).toHaveValue('Stap 1 besproken zonder JavaScript');
      await expectNoAxeViolationsWithoutJs(page, 'editor without JS, a step saved');
    }
    scored += n;
    await page.getByRole('button', { name: /^Volgende: / }).click();
    // A full page came back (303 → GET) at the next step, with the save confirmed (step 1 was
    // already saved with Enter: nothing new, so no "Opgeslagen").
    await expect(page.getByText(new RegExp(`^${scored} van \\d+ domeinen gescoord$`))).toBeVisible();
    await expect(page.locator('#save-status')).toHaveText(step === 0 ? '' : /^Opgeslagen om \d\d:\d\d$/);
  }
  await expect(page.locator('#step')).toHaveText('Afronden');
  await expect(page.getByText(`${scored} van ${scored} domeinen gescoord`)).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page, 'finish step without JS');

  // A jump from the overview saves what was typed on the step first.
  await page
    .getByRole('navigation', { name: 'Overzicht van de meting' })
    .getByRole('button', { name: /^Wonen/ })
    .click();
  await expect(page.locator('#step')).toHaveText('Wonen — Huishouden');
  await page.locator('fieldset.cell').nth(1).getByLabel('Opmerking').fill('Aangevuld na het overzicht');
  await page.getByRole('navigation', { name: 'Overzicht van de meting' }).getByRole('button', { name: 'Afronden' }).click();
  await expect(page.locator('#step')).toHaveText('Afronden');
  await expect(page.locator('#save-status')).toContainText('Opgeslagen om');
  await page.getByRole('button', { name: 'Meting afronden' }).click();
  // Without JS the banner takes focus through its autofocus attribute.
  await expect(page.locator('.notification-banner')).toBeFocused();
  await expect(page.locator('.notification-banner')).toContainText('De meting is afgerond.');
  await expect(page.getByText(/Afgerond door Wendy Werker/)).toBeVisible();
  await expect(page.locator('p.pre-wrap', { hasText: 'Stap 1 besproken zonder JavaScript' })).toBeVisible();
  await expect(page.locator('p.pre-wrap', { hasText: 'Aangevuld na het overzicht' })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page, 'finalised balance without JS');

  // A correction without JS: <details> opens natively, the reason is required.
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Verblijfplaats' }) });
  await row.locator('summary').click();
  await row.getByRole('radio').nth(4).check();
  await row.getByRole('button', { name: 'Correctie bewaren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Geef een reden voor de correctie.' })).toBeVisible();
  await expectNoAxeViolationsWithoutJs(page, 'correction refused without a reason');
  const row2 = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Verblijfplaats' }) });
  await row2.getByRole('radio').nth(4).check();
  await row2.getByLabel('Reden van de correctie').fill('Verkeerd aangeduid tijdens het gesprek');
  await row2.getByRole('button', { name: 'Correctie bewaren' }).click();
  await expect(page.getByRole('heading', { name: 'Correcties' })).toBeVisible();
  await expect(page.getByText('Verkeerd aangeduid tijdens het gesprek')).toBeVisible();
});
