import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectNoAxeViolations, tabTo, totpFromKeyText, typeAndTab } from './support/helpers.js';

const ADMIN_PASSWORD = 'blauwe fiets op de markt';
const WORKER = { name: 'Nora Nieuwkomer', password: 'groene tram naar de zee' };

// The organisation asks everyone for two-step verification, as a new installation does.
test.use({ requireTwoFactor: true });

async function signInAdmin(page: Page, email: string, recoveryCode: string) {
  await page.goto('/signin');
  await tabTo(page, page.getByLabel('E-mailadres'));
  await typeAndTab(page, email);
  await page.keyboard.type(ADMIN_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/signin\/two-factor/);
  await tabTo(page, page.getByText('Telefoon niet bij de hand?'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Herstelcode'));
  await page.keyboard.type(recoveryCode);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
}

// The administrator makes a team and invites a social worker; the worker follows the one-time link,
// chooses a password and sets up 2FA. Keyboard only, axe on every screen.
test('an administrator invites a social worker, who signs in with 2FA', async ({ page, browser, seed }) => {
  const { recoveryCodes } = await seed.credentials(seed.admin, ADMIN_PASSWORD);
  // The seed's organisation has "Team Noord"; the administrator makes a second team.
  const TEAM = 'Team Zuid';
  const workerEmail = `nieuw-${seed.organisationId}@ocmw-proefstad.be`;
  await signInAdmin(page, seed.admin.email, recoveryCodes[0]!);

  await tabTo(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers en teams' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');
  await expectNoAxeViolations(page, 'admin users');

  await tabTo(page, page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Teams' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teams');
  await tabTo(page, page.getByLabel('Naam van het team', { exact: true }));
  await page.keyboard.type(TEAM);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('cell', { name: TEAM }).or(page.getByText(TEAM).first())).toBeVisible();
  await expectNoAxeViolations(page, 'admin teams');

  await tabTo(page, page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikers' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Naam', { exact: true }));
  await typeAndTab(page, WORKER.name);
  await page.keyboard.type(workerEmail);
  const workerRole = page.getByRole('group', { name: `Rol in ${TEAM}` }).getByLabel('Maatschappelijk werker');
  // Tab lands on the checked radio of the group ("Geen"); arrow keys move within the group.
  await tabTo(page, page.getByRole('group', { name: `Rol in ${TEAM}` }).getByRole('radio', { checked: true }));
  while (!(await workerRole.isChecked())) await page.keyboard.press('ArrowDown');
  await tabTo(page, page.getByRole('button', { name: 'Uitnodiging maken' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitnodiging gemaakt');
  await expectNoAxeViolations(page, 'invitation link');
  // The link field takes focus, so it can be copied at once.
  await expect(page.getByLabel('Eenmalige link')).toBeFocused();
  const link = await page.getByLabel('Eenmalige link').inputValue();
  expect(link).toMatch(new RegExp(`^http://localhost:${process.env.E2E_PORT ?? 3999}/password/[a-z2-9]{16}\\.[a-z2-9]{26}$`));
  const path = new URL(link).pathname;

  // The worker, in their own browser.
  const context = await browser.newContext({ locale: 'nl-BE' });
  const worker = await context.newPage();
  await worker.goto(path);
  await expect(worker.getByRole('heading', { level: 1 })).toHaveText('Kies je wachtwoord');
  await expectNoAxeViolations(worker, 'choose password');
  await tabTo(worker, worker.getByLabel('Nieuw wachtwoord'));
  await worker.keyboard.type('kort');
  await worker.keyboard.press('Enter');
  await expect(worker.locator('.error-summary')).toBeFocused();
  await expect(worker.locator('.error-summary')).toContainText('minstens 12 tekens');
  await expectNoAxeViolations(worker, 'choose password with error');
  await tabTo(worker, worker.getByLabel('Nieuw wachtwoord'));
  await worker.keyboard.type(WORKER.password);
  await worker.keyboard.press('Enter');

  await expect(worker).toHaveURL(/\/account\/two-factor\/setup$/);
  const keyText = (await worker.locator('#totp-key').textContent())!;
  await tabTo(worker, worker.getByLabel('Typ de code van 6 cijfers die de app nu toont.'));
  await worker.keyboard.type(totpFromKeyText(keyText));
  await worker.keyboard.press('Enter');
  await expect(worker.getByRole('heading', { level: 1 })).toHaveText('Jouw herstelcodes');
  await expect(worker.locator('.recovery-codes code')).toHaveCount(10);
  await tabTo(worker, worker.getByRole('link', { name: 'Verder' }));
  await worker.keyboard.press('Enter');
  // A worker's start page is the caseload.
  await expect(worker.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossiers' })).toHaveAttribute('aria-current', 'page');
  await expect(worker.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers en teams' })).toHaveCount(0);
  await expectNoAxeViolations(worker, 'worker home');
  await context.close();

  // Back with the administrator: the worker is active with 2FA on.
  await page.goto('/admin/users');
  const row = page.getByRole('row').filter({ hasText: workerEmail });
  await expect(row).toContainText('Actief');
  await expect(row).toContainText('Aan');
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, 'audit log');
  await page.goto('/admin/settings');
  await expectNoAxeViolations(page, 'settings');
});
