import { expect, test } from './support/fixtures.js';
import { expectNoAxeViolations, tabTo, typeAndTab, expectSuccessBanner } from './support/helpers.js';

// The administrator registers an API client for the client file software, keyboard only, axe on
// every screen: a refused form, the secret shown once, a change, a new secret, revoking. The
// software then uses the credentials; the API's reference page is checked too.

test('an administrator registers, changes, renews and revokes an API client', async ({ seed, request }) => {
  const page = await seed.pageAs(seed.admin);
  await page.goto('/admin/users');
  await tabTo(page, page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'API-koppelingen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API-koppelingen');
  await expect(page.getByText('Er zijn nog geen API-koppelingen.')).toBeVisible();
  await expectNoAxeViolations(page, 'API clients, none yet');
  for (const box of await page.locator('input[type=checkbox]').all()) {
    const b = (await box.boundingBox())!;
    expect(Math.min(b.width, b.height), 'scope checkboxes at 24 px').toBeGreaterThanOrEqual(24);
  }

  // A refused form: no scope ticked. The error summary takes focus and links to the field.
  await tabTo(page, page.getByLabel('Naam', { exact: true }));
  await page.keyboard.type('Cevi-koppeling');
  await tabTo(page, page.getByRole('button', { name: 'Koppeling maken' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Vink minstens één recht aan.');
  await expect(page).toHaveTitle(/^Fout: /);
  await expectNoAxeViolations(page, 'API client form refused');

  // Ticked with the space bar, as a keyboard user does; the name was kept.
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Cevi-koppeling');
  for (const scope of ['Dossiers opzoeken en lezen', 'Metingen lezen', 'Opmerkingen lezen', 'PDF’s downloaden']) {
    await tabTo(page, page.getByRole('checkbox', { name: new RegExp(scope) }));
    await page.keyboard.press('Space');
  }
  await tabTo(page, page.getByLabel('Aanvragen per minuut'));
  await page.keyboard.press('Control+A');
  await typeAndTab(page, '60');
  await tabTo(page, page.getByRole('button', { name: 'Koppeling maken' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koppeling gemaakt');
  // The success banner takes focus (decision 021); the client id and the secret follow it.
  await expectSuccessBanner(page, 'De koppeling Cevi-koppeling is gemaakt.');
  await expectNoAxeViolations(page, 'API client secret shown once');
  const clientId = await page.getByLabel('Client-id').inputValue();
  const clientSecret = await page.getByLabel('Geheim (client_secret)').inputValue();
  expect(clientSecret).toMatch(/^sbs_[a-z2-9]{40}$/);

  // The software gets a token: it reads households, not the catalogue (no scope for it).
  const token = await request.post('/api/oauth/token', {
    form: { grant_type: 'client_credentials' },
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
  });
  expect(token.status()).toBe(200);
  const { access_token } = (await token.json()) as { access_token: string };
  expect((await request.get('/api/v1/households', { headers: { Authorization: `Bearer ${access_token}` } })).status()).toBe(200);
  expect((await request.get('/api/v1/catalogue', { headers: { Authorization: `Bearer ${access_token}` } })).status()).toBe(403);

  // The client's page: a change, then a new secret, then revoking.
  await tabTo(page, page.getByRole('link', { name: 'Koppeling Cevi-koppeling' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koppeling Cevi-koppeling');
  await expectNoAxeViolations(page, 'API client page');
  await tabTo(page, page.getByRole('checkbox', { name: /Catalogus lezen/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Wijzigingen opslaan' }));
  await page.keyboard.press('Enter');
  await expectSuccessBanner(page, 'De wijzigingen zijn opgeslagen.');
  expect((await request.get('/api/v1/catalogue', { headers: { Authorization: `Bearer ${access_token}` } })).status()).toBe(403);

  await tabTo(page, page.getByRole('button', { name: 'Nieuw geheim maken' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw geheim gemaakt');
  await expect(page.locator('.notification-banner')).toBeFocused();
  await expectNoAxeViolations(page, 'API client new secret');
  expect(await page.getByLabel('Geheim (client_secret)').inputValue()).not.toBe(clientSecret);
  expect((await request.get('/api/v1/households', { headers: { Authorization: `Bearer ${access_token}` } })).status()).toBe(401);

  await tabTo(page, page.getByRole('link', { name: 'Koppeling Cevi-koppeling' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Koppeling intrekken' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API-koppelingen');
  await expectSuccessBanner(page, 'De koppeling is ingetrokken.');
  await expect(page.getByRole('row').filter({ hasText: 'Cevi-koppeling' })).toContainText('Ingetrokken op');
  await expectNoAxeViolations(page, 'API clients with a revoked one');
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, 'API clients at 320 px');
  await page.setViewportSize({ width: 1280, height: 720 });

  // Every call is in the audit log, with the client as who.
  await page.goto('/admin/audit');
  await expect(page.getByRole('cell', { name: 'API-koppeling ‘Cevi-koppeling’' }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'audit log with API calls');
});

test('the API reference page reads without JavaScript, at 320 px, and is accessible', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto('/api/reference');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API — technische beschrijving');
  await expect(
    page.getByRole('heading', { level: 3, name: /GET \/api\/v1\/households\/\{householdId\}\/balances\/\{balanceId\} — A balance with its scores/ }),
  ).toBeVisible();
  // No sideways scrolling of the page at 320 px (tables scroll inside their own frame).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await context.close();
  const js = await browser.newContext({ locale: 'nl-BE' });
  const checked = await js.newPage();
  await checked.goto('/api/reference');
  await expectNoAxeViolations(checked, 'API reference');
  await checked.setViewportSize({ width: 320, height: 640 });
  await expectNoAxeViolations(checked, 'API reference at 320 px');
  await js.close();
});
