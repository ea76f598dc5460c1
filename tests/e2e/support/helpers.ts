import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { STATE_FILE } from './global-setup.js';

export interface E2eState {
  setupCode: string;
  adminKey?: string;
  recoveryCodes?: string[];
  [k: string]: unknown;
}

export function e2eState(): E2eState {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
}

/** Remembers something for later spec files (they share one server and database). */
export function saveState(patch: Partial<E2eState>) {
  fs.writeFileSync(STATE_FILE, JSON.stringify({ ...e2eState(), ...patch }));
}

/** Takes one unused recovery code of the administrator (each works once). */
export function takeRecoveryCode(): string {
  const state = e2eState();
  const [code, ...rest] = state.recoveryCodes ?? [];
  if (!code) throw new Error('no recovery codes left in e2e state');
  saveState({ recoveryCodes: rest });
  return code;
}

/** WCAG 2.2 A/AA check of the page as it is now: zero violations, with a readable failure. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n  ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * axe needs script in the page, so a page seen with JavaScript off is checked by loading the same
 * HTML, from the same origin, into a page that has script enabled.
 */
export async function expectNoAxeViolationsWithoutJs(page: Page, label: string) {
  const html = await page.content();
  const url = page.url();
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, locale: 'nl-BE' });
  const checker = await context.newPage();
  await checker.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await checker.goto(url);
  await expectNoAxeViolations(checker, label);
  await context.close();
}

/** Types into the focused element and tabs on, as a keyboard user would. */
export async function typeAndTab(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Tabs until the element matching the locator has focus (fails after `max` presses). */
export async function tabTo(page: Page, locator: ReturnType<Page['locator']>, max = 40) {
  await expect(locator, 'tabTo needs exactly one element').toHaveCount(1);
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach element with Tab');
}

export function totpFromKeyText(keyText: string): string {
  return generateTOTP(decodeBase32IgnorePadding(keyText.replace(/\s+/g, '')), 30, 6);
}

export const ADMIN = { email: 'beheer@ocmw-teststad.be', password: 'blauwe fiets op de markt', name: 'Beheerder Test' };

export const WORKER = { name: 'Wendy Werker', email: 'wendy@ocmw-teststad.be', password: 'groene tram naar de zee' };

/** Signs in with password and one of the saved recovery codes (the app's current TOTP code may already be used). */
export async function signIn(page: Page, who: { email: string; password: string }, codesKey: 'recoveryCodes' | 'workerRecoveryCodes') {
  await page.goto('/signin');
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/signin\/two-factor/);
  const state = e2eState();
  const codes = (state[codesKey] as string[] | undefined) ?? [];
  const [code, ...rest] = codes;
  if (!code) throw new Error(`no ${codesKey} left`);
  saveState({ [codesKey]: rest });
  await page.getByText('Telefoon niet bij de hand?').click();
  await page.getByLabel('Herstelcode').fill(code);
  await page.getByRole('button', { name: 'Bevestigen' }).last().click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
}
