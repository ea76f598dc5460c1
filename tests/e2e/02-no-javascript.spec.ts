import { expect, test } from './support/fixtures.js';
import { expectNoAxeViolationsWithoutJs } from './support/helpers.js';

const PASSWORD = 'blauwe fiets op de markt';

test.use({ javaScriptEnabled: false });

// Locked-down municipal PCs sometimes block scripts: every form must still work as plain HTML.
test('sign-in, errors and the account page work with JavaScript off', async ({ page, seed }) => {
  const { recoveryCodes } = await seed.credentials(seed.admin, PASSWORD);
  await page.goto('/signin');
  await page.getByLabel('E-mailadres').fill(seed.admin.email);
  await page.getByLabel('Wachtwoord').fill('dit is niet het wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  // A full page came back (no htmx): still the sign-in page, with the error summary.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden');
  await expect(page.locator('.error-summary')).toContainText('horen niet bij elkaar');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(seed.admin.email);
  await expectNoAxeViolationsWithoutJs(page, 'sign-in error without JS');

  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/signin\/two-factor/);
  // <details> opens without script.
  await page.getByText('Telefoon niet bij de hand?').click();
  await page.getByLabel('Herstelcode').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Bevestigen' }).last().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');

  await page.getByRole('link', { name: 'Mijn account' }).click();
  await page.getByLabel('Taal van de schermen').selectOption('en');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language of the screens').selectOption('nl');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
});
