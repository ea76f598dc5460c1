import { expect, test } from './support/fixtures.js';
import { e2eSetupCode } from './support/global-setup.js';
import { ADMIN, expectNoAxeViolations, tabTo, totpFromKeyText, typeAndTab } from './support/helpers.js';

// A newcomer's first minutes, keyboard only: setup with the code from the server log, two-step
// verification with an authenticator app, recovery codes, the account page, sign-out and sign-in.
test('from a fresh start to a signed-in administrator with 2FA, keyboard only', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eerste installatie');
  await expectNoAxeViolations(page, 'setup');

  // The first Tab reaches the skip link; following it lands in main.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();

  // A wrong code first: the error summary takes focus and names the field.
  await tabTo(page, page.getByLabel('Installatiecode'));
  await typeAndTab(page, 'FOUTECODE');
  await typeAndTab(page, 'OCMW Teststad');
  await typeAndTab(page, ADMIN.name);
  await typeAndTab(page, ADMIN.email);
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Deze installatiecode klopt niet');
  await expectNoAxeViolations(page, 'setup with errors');

  // The values typed are kept, except the code and password.
  await expect(page.getByLabel('Naam van het OCMW')).toHaveValue('OCMW Teststad');
  await tabTo(page, page.getByLabel('Installatiecode'));
  await page.keyboard.type(e2eSetupCode());
  await tabTo(page, page.getByLabel('Wachtwoord'));
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');

  // Two-step verification is mandatory by default: set up before anything else.
  await expect(page).toHaveURL(/\/account\/two-factor\/setup$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweestapsverificatie instellen');
  await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
  await expectNoAxeViolations(page, '2FA setup');
  const keyText = (await page.locator('#totp-key').textContent())!;
  await tabTo(page, page.getByLabel('Typ de code van 6 cijfers die de app nu toont.'));
  await page.keyboard.type(totpFromKeyText(keyText));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jouw herstelcodes');
  const codes = await page.locator('.recovery-codes code').allTextContents();
  expect(codes).toHaveLength(10);
  await expectNoAxeViolations(page, 'recovery codes');
  await tabTo(page, page.getByRole('link', { name: 'Verder' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Welkom, ${ADMIN.name}`);
  await expect(page.getByText('Beheerder', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'home');

  // My account: sessions listed, this one marked.
  await tabTo(page, page.getByRole('link', { name: 'Mijn account' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
  await expect(page.getByText('(Deze sessie)')).toBeVisible();
  await expectNoAxeViolations(page, 'account');

  // Sign out, then sign in again: password, then a recovery code (the app's current code was just used).
  await tabTo(page, page.getByRole('button', { name: 'Afmelden' }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/signin\?signedout=1$/);
  await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
  await expectNoAxeViolations(page, 'sign-in');

  // Wrong password through htmx: only the form is swapped, focus moves to the error summary.
  await tabTo(page, page.getByLabel('E-mailadres'));
  await typeAndTab(page, ADMIN.email);
  await page.keyboard.type('niet het juiste wachtwoord');
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('horen niet bij elkaar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden');
  await expectNoAxeViolations(page, 'sign-in with error (htmx swap)');

  await tabTo(page, page.getByLabel('Wachtwoord'));
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/signin\/two-factor/);
  await expectNoAxeViolations(page, '2FA step');
  await tabTo(page, page.getByText('Telefoon niet bij de hand? Gebruik een herstelcode.'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Herstelcode'));
  await page.keyboard.type(codes[0]!);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
});

test('the idle warning offers to stay signed in, and keeps the session', async ({ page, context, seed }) => {
  await page.clock.install();
  await seed.signIn(context, seed.admin);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');

  await page.clock.fastForward('28:01');
  const dialog = page.getByRole('dialog', { name: 'Ben je er nog?' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aangemeld blijven' })).toBeFocused();
  await expectNoAxeViolations(page, 'idle warning');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('#live-region')).toHaveText('Je blijft aangemeld.');
});

test('error pages and the forgotten-password page are accessible', async ({ page }) => {
  const res = await page.goto('/bestaat/niet');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expectNoAxeViolations(page, '404');
  await page.goto('/password/forgotten');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten');
  await expectNoAxeViolations(page, 'forgotten password');
});
