import { expect, test } from './support/fixtures.js';
import { expectNoAxeViolationsWithoutJs } from './support/helpers.js';

test.use({ javaScriptEnabled: false });

// The same journey on a PC where scripts are blocked: plain forms, a save button per theme.
test('with JavaScript off: create a household, score every domain per theme, finalise, read the result', async ({ page, context, seed }) => {
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

  const forms = page.locator('form.theme-form');
  const formCount = await forms.count();
  let scored = 0;
  for (let f = 0; f < formCount; f++) {
    const form = forms.nth(f);
    const cells = form.locator('fieldset.cell');
    const n = await cells.count();
    for (let i = 0; i < n; i++) {
      await cells
        .nth(i)
        .getByRole('radio')
        .nth((scored + i) % 5)
        .check();
    }
    await form
      .getByLabel('Opmerking')
      .first()
      .fill(`Thema ${f + 1} besproken zonder JavaScript`);
    await form.getByRole('button', { name: /^Opslaan:/ }).click();
    scored += n;
    // A full page came back (303 → GET), at the same theme, with the save confirmed.
    await expect(page.getByText(`${scored} van`)).toBeVisible();
    await expect(forms.nth(f).locator('.save-status')).toContainText('Opgeslagen om');
  }
  await expect(page.getByText(`${scored} van ${scored} domeinen gescoord`)).toBeVisible();
  await page.getByRole('button', { name: 'Meting afronden' }).click();
  await expect(page.getByText(/Afgerond door Wendy Werker/)).toBeVisible();
  await expect(page.locator('p.pre-wrap', { hasText: 'Thema 1 besproken zonder JavaScript' })).toBeVisible();
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
