import type { Page } from '@playwright/test';
import { expect, fx, test, type Seed } from './support/fixtures.js';
import { expectNoAxeViolations, tabTo } from './support/helpers.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

// The balance editor as its users perceive it (issue 13): a save is announced once, in the page's
// one live region, when the user leaves what they changed; arrowing through the levels is one
// save; typing a remark is never interrupted; the client's differing score shows at once; focus
// is never hidden at 200 % zoom; the page reflows at 320 px. axe on every state.

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());

async function draftBalance(db: Kysely<Database>, seed: Seed, dossierRef: string, scores: fx.BalanceInput['scores'] = {}) {
  const household = await fx.household(db, Date.now(), seed.worker.scope, {
    dossierRef,
    members: [
      { firstName: 'Sara', lastName: 'Peeters', birthYear: 1985, role: 'aanvrager' },
      { firstName: 'Karim', lastName: 'Peeters', birthYear: 1982, role: 'partner' },
      { firstName: 'Lina', lastName: 'Peeters', birthYear: 2016, role: 'kind' },
      { firstName: 'Noor', lastName: 'Peeters', birthYear: 2019, role: 'kind' },
    ],
  });
  const balanceId = await fx.balance(db, Date.now(), seed.worker.scope, household.id, {
    takenOn: TODAY,
    participants: household.members,
    scores,
    finalise: false,
  });
  return { household, balanceId, path: `/households/${household.id}/balances/${balanceId}` };
}

/** Everything the live region says from now on, in order (read back with `said`). */
async function listen(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    const region = document.getElementById('live-region')!;
    new MutationObserver(() => {
      if (region.textContent) w.said.push(region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}
const said = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);

async function savesOf(db: Kysely<Database>, balanceId: number) {
  const rows = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'balance.scores_saved')
    .where('target_id', '=', String(balanceId))
    .executeTakeFirstOrThrow();
  return Number(rows.n);
}

test('a save is announced once, when the user leaves what they changed; arrowing and typing are not interrupted', async ({ seed, db }) => {
  test.setTimeout(90_000);
  const { balanceId, path } = await draftBalance(db, seed, 'D-FEEDBACK-1');
  const page = await seed.pageAs(seed.worker);
  await page.goto(path);
  await expect(page.locator('#step')).toHaveText('Wonen — Huishouden');
  await expectNoAxeViolations(page, 'editor, first step');
  await listen(page);
  const cell = page.getByRole('group', { name: 'Verblijfplaats — Huishouden', exact: true });

  // Space on the first level, then three arrow keys: four values passed, none saved or said yet.
  await tabTo(page, cell.getByRole('radio').first(), 20);
  await page.keyboard.press('Space');
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
  await expect(cell.getByRole('radio', { name: /^4 Voldoende/ })).toBeChecked();
  await page.waitForTimeout(400);
  expect(await said(page)).toEqual([]);
  expect(await savesOf(db, balanceId)).toBe(0);
  // Tab to the remark: the group is left, one save, one audit row, one announcement.
  await page.keyboard.press('Tab');
  await expect(cell.getByLabel('Opmerking')).toBeFocused();
  await expect(page.locator('#live-region')).toHaveText(/^Opgeslagen om \d\d:\d\d$/);
  expect(await said(page)).toEqual([expect.stringMatching(/^Opgeslagen om/)]);
  expect(await savesOf(db, balanceId)).toBe(1);
  await expect(page.locator('#ss-h-huishouden-wonen')).toHaveText('nog 1 te doen');
  await expect(page.getByText(/^1 van \d+ domeinen gescoord$/)).toBeVisible();

  // Typing a remark with a pause: saved during the pause (the status line says so), not announced.
  await page.keyboard.type('Woont bij haar zus, ', { delay: 20 });
  await expect.poll(() => savesOf(db, balanceId), { timeout: 5_000 }).toBe(2);
  await page.keyboard.type('zoekt een sociale woning.', { delay: 20 });
  await expect.poll(() => savesOf(db, balanceId), { timeout: 5_000 }).toBe(3);
  await expect(page.locator('#save-status')).toHaveText(/^Opgeslagen om/);
  expect(await said(page)).toHaveLength(1);
  // Leaving the remark: nothing new to save, and the save made meanwhile is said once.
  await page.keyboard.press('Tab');
  await expect.poll(() => said(page)).toHaveLength(2);
  expect(await savesOf(db, balanceId)).toBe(3);

  // The client's own score: the note appears at once when it differs from the worker's.
  const client = cell.getByLabel('Score van de cliënt zelf');
  await expect(client).toBeFocused();
  const note = cell.locator('.differs');
  await expect(note).toBeHidden();
  await page.keyboard.press('ArrowDown'); // "1 Acuut probleem"
  await expect(note).toHaveText('De cliënt ziet het anders: de cliënt geeft 1, de hulpverlener 4.', { timeout: 1_000 });
  expect(await savesOf(db, balanceId)).toBe(3);
  await expectNoAxeViolations(page, 'editor, the client sees it differently');
  await page.keyboard.press('Tab');
  await expect.poll(() => said(page)).toHaveLength(3);
  const row = await db.selectFrom('balance_score').selectAll().where('balance_id', '=', balanceId).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ domain_key: 'verblijfplaats', score: 4, client_score: 1, remark: 'Woont bij haar zus, zoekt een sociale woning.' });
  expect(await savesOf(db, balanceId)).toBe(4);
  // After a reload the note is there from the server.
  await page.reload();
  await expect(cell.locator('.differs')).toHaveText('De cliënt ziet het anders: de cliënt geeft 1, de hulpverlener 4.');
});

test('nothing chosen is lost when the user leaves the page at once', async ({ seed, db }) => {
  const { balanceId, path } = await draftBalance(db, seed, 'D-FEEDBACK-2');
  const page = await seed.pageAs(seed.worker);
  await page.goto(path);
  const cell = page.getByRole('group', { name: 'Betaalbaarheid woning — Huishouden', exact: true });
  await cell.getByRole('radio', { name: /^2 Ruim onvoldoende/ }).check();
  // Straight to another address (typed, a bookmark), well within the pause after a choice and
  // without leaving the group first: the page's last save goes out as the page goes.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(async () => (await db.selectFrom('balance_score').select('score').where('balance_id', '=', balanceId).executeTakeFirst())?.score).toBe(2);
});

test('200 % zoom: no focused element in the editor is hidden, even under the save message', async ({ browser, seed, db }) => {
  test.setTimeout(90_000);
  const { path } = await draftBalance(db, seed, 'D-FEEDBACK-3');
  // 1366 x 768 at 200 %: the layout of a 683 x 384 viewport.
  const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 683, height: 384 } });
  await seed.signIn(context, seed.worker);
  const page = await context.newPage();
  await page.goto(`${path}#step`);
  await expect(page.locator('#step')).toBeFocused();
  // A save first, so the save message is on screen while tabbing on.
  await page.getByRole('group', { name: 'Verblijfplaats — Huishouden', exact: true }).getByRole('radio').nth(2).check();
  await page.keyboard.press('Tab');
  await expect(page.locator('#live-region')).toHaveText(/Opgeslagen/);
  const seen = new Set<string>();
  // Down through the whole page and back up again: scrolling back lands elements at the top edge.
  for (const key of [...Array<string>(80).fill('Tab'), ...Array<string>(80).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    const check = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      const label = el.closest('label');
      return {
        name: `${el.tagName} ${el.getAttribute('name') ?? ''} ${el.textContent?.slice(0, 40) ?? ''}`,
        inView: r.bottom > 0 && r.top < window.innerHeight,
        // What is drawn at the element's centre is the element itself (or its own label/content).
        shown: !!top && (el === top || el.contains(top) || (label !== null && label.contains(top))),
      };
    });
    if (!check) continue;
    seen.add(check.name);
    expect(check, `focus on ${check.name} (${key})`).toMatchObject({ inView: true, shown: true });
  }
  // Nothing on the page is sticky or fixed except the save message, which lets clicks through.
  const pinned = await page.evaluate(() =>
    [...document.querySelectorAll('body *')].filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position)).map((el) => `${el.tagName}#${el.id}`),
  );
  expect(pinned).toEqual(['DIV#live-region']);
  expect(seen.size).toBeGreaterThan(20);
  await context.close();
});

test('1366 x 768 and 320 px: the first screen has something to score; the editor, the finish step and the finalised balance reflow', async ({
  browser,
  seed,
  db,
}) => {
  test.setTimeout(90_000);
  const { path } = await draftBalance(db, seed, 'D-FEEDBACK-4', {
    'h.verblijfplaats': { score: 2, clientScore: 3, remark: 'Woont tijdelijk bij haar zus met de kinderen.' },
  });
  // The screenshots in docs/screenshots come from here (copied from the test's output folder).
  const shot = (name: string) => test.info().outputPath(name);
  const wide = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1366, height: 768 } });
  await seed.signIn(wide, seed.worker);
  const desk = await wide.newPage();
  await desk.goto(path);
  // Above the fold: the step's heading and the first domain's levels, beside the overview.
  await expect(desk.locator('#step')).toHaveText('Wonen — Huishouden');
  await expect(desk.locator('#step')).toBeInViewport();
  await expect(desk.getByRole('group', { name: 'Verblijfplaats — Huishouden', exact: true }).getByRole('radio').first()).toBeInViewport();
  await expect(desk.getByRole('heading', { name: 'Overzicht van de meting' })).toBeInViewport();
  await expect(desk.locator('.differs:visible')).toHaveText('De cliënt ziet het anders: de cliënt geeft 3, de hulpverlener 2.');
  // Each level is a target of at least 44 px high.
  for (const level of await desk.locator('label.level').all()) expect((await level.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await desk.screenshot({ path: shot('editor-step-1366x768.png') });
  await wide.close();

  const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 320, height: 640 } });
  await seed.signIn(context, seed.worker);
  const page = await context.newPage();
  const noSidewaysScroll = async (label: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${label}: page width`).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, `${label} at 320 px`);
  };
  await page.goto(path);
  await expect(page.locator('#step')).toHaveText('Wonen — Huishouden');
  await noSidewaysScroll('editor step');
  await page.screenshot({ path: shot('editor-step-320.png'), fullPage: true });
  await page.goto(`${path}?step=afronden`);
  await noSidewaysScroll('finish step');
  await page.getByRole('button', { name: 'Meting afronden' }).click();
  await expect(page.locator('.notification-banner')).toBeFocused();
  await noSidewaysScroll('finalised balance with its banner');
  await page.screenshot({ path: shot('balance-finalised-320.png') });
  await context.close();
});

test('checkboxes and radios are at a comfortable size (24 px) on every form that has them', async ({ seed, db }) => {
  const { household, path } = await draftBalance(db, seed, 'D-FEEDBACK-5');
  const finalised = await fx.finalisedBalance(db, Date.now(), seed.worker.scope, household.id, { takenOn: TODAY, scores: () => 2 });
  const page = await seed.pageAs(seed.worker);
  for (const url of [
    '/households/new',
    `/households/${household.id}/balances/new`,
    path,
    `/households/${household.id}/balances/${finalised}/plan`,
    `/households/${household.id}/balances/${finalised}`,
  ]) {
    await page.goto(url);
    const boxes = page.locator('input[type=checkbox], input[type=radio]');
    expect(await boxes.count(), url).toBeGreaterThan(0);
    for (const box of await boxes.all()) {
      if (!(await box.isVisible())) continue; // inside a closed disclosure
      const b = (await box.boundingBox())!;
      expect(Math.min(b.width, b.height), `${url}: ${await box.evaluate((el) => el.outerHTML)}`).toBeGreaterThanOrEqual(24);
    }
  }
});

test('a refused save says only what is wrong, once; an earlier silent save is not said after it', async ({ seed, db }) => {
  const { balanceId, path } = await draftBalance(db, seed, 'D-FEEDBACK-6');
  const page = await seed.pageAs(seed.worker);
  await page.goto(`${path}#step`);
  await listen(page);
  const cell = page.getByRole('group', { name: 'Verblijfplaats — Huishouden', exact: true });
  await tabTo(page, cell.getByRole('radio').first(), 8);
  await page.keyboard.press('Space');
  // The pause after a choice saves it, silently (still in the group).
  await expect.poll(() => savesOf(db, balanceId), { timeout: 5_000 }).toBe(1);
  expect(await said(page)).toEqual([]);
  // The next save arrives at the server with a score it refuses (as a tampered or outdated page would send).
  await page.route(
    '**/scores',
    (route) =>
      route.continue({
        postData: route
          .request()
          .postData()!
          .replace(/s\.h\.verblijfplaats=\d/, 's.h.verblijfplaats=7'),
      }),
    {
      times: 1,
    },
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.locator('#save-status')).toHaveText(/Kies een score van 1 tot 5/);
  await expect.poll(() => said(page)).toEqual([expect.stringMatching(/^Kies een score van 1 tot 5/)]);
  await page.waitForTimeout(500);
  expect(await said(page)).toHaveLength(1);
  expect(await savesOf(db, balanceId)).toBe(1);
});
