import { expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';

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

/** The first administrator, made by the setup journey (01). */
export const ADMIN = { email: 'beheer@ocmw-teststad.be', password: 'blauwe fiets op de markt', name: 'Beheerder Test' };

/** A full-page POST that worked: the page opens with the success banner, focused (decision 021). */
export async function expectSuccessBanner(page: Page, text: string) {
  const banner = page.locator('.notification-banner');
  await expect(banner).toBeFocused();
  await expect(banner).toContainText(text);
}
