import { expect, fx, test } from './support/fixtures.js';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, tabTo, typeAndTab, expectSuccessBanner } from './support/helpers.js';
import { e2eIdp } from './support/global-setup.js';

// Single sign-on in a real browser, keyboard only, axe on every screen: the administrator sets up
// the organisation's identity provider (an OpenID Connect provider that this test run started, on
// https with a certificate only the server under test trusts), then a worker signs in through it,
// with JavaScript (htmx goes straight to the provider) and without (a page with a link first).
// The provider here signs in whoever the sign-in names and says it asked a second factor.

test('an administrator sets up sign-in through the organisation, and a worker signs in with it', async ({ seed, browser, db }) => {
  const idp = e2eIdp();
  const domain = `sso-${seed.organisationId}.ocmw-proefstad.be`;
  const workerEmail = `wendy@${domain}`;
  await fx.user(db, Date.now(), seed.organisationId, { email: workerEmail, name: 'Wendy Werker', teams: [{ teamId: seed.teamId, role: 'worker' }] });

  const admin = await seed.pageAs(seed.admin);
  await admin.goto('/admin/users');
  await tabTo(admin, admin.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Aanmelden via organisatie' }));
  await admin.keyboard.press('Enter');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Aanmelden via je organisatie');
  await expectNoAxeViolations(admin, 'SSO settings, not set up');
  for (const box of await admin.locator('input[type=checkbox]').all()) {
    const b = (await box.boundingBox())!;
    expect(Math.min(b.width, b.height), 'checkboxes at 24 px').toBeGreaterThanOrEqual(24);
  }

  // A refused form: a word that is no e-mail domain. The summary takes focus; nothing is saved.
  await tabTo(admin, admin.getByLabel('Adres van de identiteitsprovider (issuer)'));
  await typeAndTab(admin, idp.issuer);
  await typeAndTab(admin, idp.clientId);
  await typeAndTab(admin, idp.clientSecret);
  await admin.keyboard.type(`${domain}\nniet een domein`);
  await tabTo(admin, admin.getByRole('button', { name: 'Opslaan' }));
  await admin.keyboard.press('Enter');
  await expect(admin.locator('.error-summary')).toBeFocused();
  await expect(admin.locator('.error-summary')).toContainText('Dit is geen e-maildomein: niet, een, domein.');
  await expect(admin).toHaveTitle(/^Fout: /);
  await expectNoAxeViolations(admin, 'SSO settings refused');

  // Corrected; the secret is never shown back, so it is typed again. The provider is checked for real.
  await tabTo(admin, admin.getByLabel('Geheim (client secret)'));
  await admin.keyboard.type(idp.clientSecret);
  await tabTo(admin, admin.getByLabel('E-maildomeinen'));
  await admin.keyboard.press('Control+A');
  await admin.keyboard.type(domain);
  await tabTo(admin, admin.getByRole('button', { name: 'Opslaan' }));
  await admin.keyboard.press('Enter');
  await expectSuccessBanner(admin, 'De instellingen zijn opgeslagen.');
  await expect(admin.getByText('Gekoppelde accounts: 0')).toBeVisible();
  await expectNoAxeViolations(admin, 'SSO settings saved');

  // The worker, with JavaScript: one e-mail field, the organisation's button, straight to the provider and back.
  const context = await browser.newContext({ locale: 'nl-BE', ignoreHTTPSErrors: true });
  const worker = await context.newPage();
  await worker.goto('/signin');
  await expect(worker.getByRole('button', { name: 'Aanmelden met het account van je organisatie' })).toBeVisible();
  await expectNoAxeViolations(worker, 'sign-in page with the organisation’s sign-in');
  await tabTo(worker, worker.getByLabel('E-mailadres'));
  await worker.keyboard.type(workerEmail);
  await tabTo(worker, worker.getByRole('button', { name: 'Aanmelden met het account van je organisatie' }));
  await worker.keyboard.press('Enter');
  await expect(worker.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossiers' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(worker, 'caseload after signing in through the organisation');
  await context.close();

  // Without JavaScript: the button posts the form, a page with a link goes on (a form may not redirect elsewhere).
  const plain = await browser.newContext({ locale: 'nl-BE', ignoreHTTPSErrors: true, javaScriptEnabled: false });
  const nojs = await plain.newPage();
  await nojs.goto('/signin');
  await tabTo(nojs, nojs.getByLabel('E-mailadres'));
  await nojs.keyboard.type(workerEmail);
  await tabTo(nojs, nojs.getByRole('button', { name: 'Aanmelden met het account van je organisatie' }));
  await nojs.keyboard.press('Enter');
  await expect(nojs.getByRole('heading', { level: 1 })).toHaveText('Naar de aanmeldpagina van je organisatie');
  await expectNoAxeViolationsWithoutJs(nojs, 'on to the organisation’s sign-in page');
  await tabTo(nojs, nojs.getByRole('link', { name: 'Verder naar de aanmeldpagina' }));
  await nojs.keyboard.press('Enter');
  await expect(nojs.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossiers' })).toHaveAttribute('aria-current', 'page');
  await plain.close();

  // An address no organisation signs in with: said on the sign-in page itself.
  const other = await browser.newContext({ locale: 'nl-BE' });
  const visitor = await other.newPage();
  await visitor.goto('/signin');
  await tabTo(visitor, visitor.getByLabel('E-mailadres'));
  await visitor.keyboard.type('iemand@nergens-ingesteld.be');
  await tabTo(visitor, visitor.getByRole('button', { name: 'Aanmelden met het account van je organisatie' }));
  await visitor.keyboard.press('Enter');
  await expect(visitor.locator('.error-summary')).toBeFocused();
  await expect(visitor.locator('.error-summary')).toContainText('Voor dit e-mailadres is aanmelden via je organisatie niet ingesteld.');
  await expectNoAxeViolations(visitor, 'sign-in page, no provider for the address');
  await other.close();

  // The administrator's own account has a password: it is linked only from Mijn account, by a
  // button the keyboard reaches (an e-mail claim alone does not link it).
  await admin.goto('/account');
  await expect(admin.getByRole('heading', { level: 2, name: 'Aanmelden via je organisatie' })).toBeVisible();
  await tabTo(admin, admin.getByRole('button', { name: 'Koppelen' }), 120);
  await expectNoAxeViolations(admin, 'Mijn account with the link to the organisation’s sign-in');

  // The administrator sees the linked account and the sign-ins in the audit log.
  await admin.goto('/admin/sso');
  await expect(admin.getByText('Gekoppelde accounts: 1')).toBeVisible();
  await admin.goto('/admin/audit');
  await expect(admin.getByRole('cell', { name: 'Aangemeld via de organisatie' }).first()).toBeVisible();
  await expect(admin.getByRole('cell', { name: 'Account gekoppeld aan de identiteitsprovider' })).toBeVisible();
});

test('a refused sign-in through the organisation says why, and leads back', async ({ seed, browser, db }) => {
  const idp = e2eIdp();
  const domain = `sso-refused-${seed.organisationId}.ocmw-proefstad.be`;
  await fx.ssoProvider(db, Date.now(), seed.organisationId, { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, domains: [domain] });
  // No account for this address, and the organisation does not make them.
  const context = await browser.newContext({ locale: 'nl-BE', ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto('/signin');
  await tabTo(page, page.getByLabel('E-mailadres'));
  await page.keyboard.type(`onbekend@${domain}`);
  await tabTo(page, page.getByRole('button', { name: 'Aanmelden met het account van je organisatie' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden via je organisatie lukte niet');
  await expect(page.getByRole('alert')).toContainText('Er is nog geen account voor dit e-mailadres.');
  await expectNoAxeViolations(page, 'sign-in through the organisation refused');
  await tabTo(page, page.getByRole('link', { name: 'Terug naar aanmelden' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/signin$/);
  await context.close();
});
