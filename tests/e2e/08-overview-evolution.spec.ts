import Database from 'better-sqlite3';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { e2eDatabasePath } from './support/global-setup.js';
import { expectNoAxeViolations, expectNoAxeViolationsWithoutJs, tabTo } from './support/helpers.js';

// At a glance: a household with three finalised balances, its overview ("foto"), evolution (heatmap
// and line chart), and a comparison; the numbers on screen are checked against the database, every
// state with axe, the print view as a PDF, and the pages once more with JavaScript off.

// Members added in the app join "today", and a balance can only count members present on its date
// and cannot be in the future: all three balances are today's, told apart as "dd/mm/jjjj (1)", "(2)", "(3)".
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const D = TODAY.split('-').reverse().join('/');
const DATES = [TODAY, TODAY, TODAY];

/** The score a cell gets in balance n: each balance a little better, so the evolution has a direction. */
const scoreFor = (n: number, i: number) => Math.min(5, 1 + ((i * 2 + n) % 4) + (n === 2 && i % 3 === 0 ? 1 : 0));

/**
 * One balance through the app's own routes with the signed-in session: start it, post every cell in
 * one form (the server takes any cells of the balance in one post; each cell's revision and
 * fingerprint come from its step of the editor),
 * finalise it. Returns the balance's path.
 */
async function makeBalance(request: APIRequestContext, origin: string, householdPath: string, takenOn: string, n: number): Promise<string> {
  // A browser on our own site sends its Origin with a form post (the CSRF check wants it).
  const headers = { Origin: origin };
  const start = await request.post(`${householdPath}/balances`, { form: { takenOn, method: 'samen' }, headers, maxRedirects: 0 });
  expect(start.status()).toBe(303);
  const balancePath = start.headers()['location']!;
  // The editor asks one step (a theme of one person) at a time: read every step's page, in order.
  const first = await (await request.get(balancePath)).text();
  const steps = [...first.matchAll(/form="step-form" name="go" value="([^"]+)"/g)].map((m) => m[1]!).filter((s) => s !== 'afronden');
  let editor = '';
  for (const step of steps) editor += await (await request.get(`${balancePath}?step=${encodeURIComponent(step)}`)).text();
  const form = new URLSearchParams({ editor: 'e2e-08' });
  const keys = [...editor.matchAll(/name="v\.([^"]+)" value="(\d+)"/g)];
  expect(keys.length).toBeGreaterThan(10);
  for (const [i, [, key, revision]] of keys.entries()) {
    const fingerprint = new RegExp(`name="o\\.${key!.replace(/\./g, '\\.')}" value="([^"]+)"`).exec(editor)![1]!;
    form.set(`v.${key}`, revision!);
    form.set(`o.${key}`, fingerprint);
    form.set(`s.${key}`, String(scoreFor(n, i)));
    form.set(`r.${key}`, i === 0 ? `Opmerking bij meting ${n + 1}` : '');
    form.set(`c.${key}`, '');
  }
  const saved = await request.post(`${balancePath}/scores`, {
    data: form.toString(),
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    maxRedirects: 0,
  });
  expect(saved.status()).toBe(303);
  const finalised = await request.post(`${balancePath}/finalisation`, { form: {}, headers, maxRedirects: 0 });
  expect(finalised.status()).toBe(303);
  return balancePath;
}

/** The data table of a chart as {domain key: data-score per column}. */
async function chartTable(page: Page, chart: string): Promise<Record<string, string[]>> {
  return page
    .locator(`table[data-chart="${chart}"] tbody tr`)
    .evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-domain')!, [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-score') ?? '')])),
    );
}

function database() {
  return new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
}

test('a household with three balances: overview, heatmap, line chart and comparison, on screen, in print and without JavaScript', async ({
  page,
  context,
  browser,
  seed,
}) => {
  test.setTimeout(90_000);
  await seed.signIn(context, seed.worker);

  // A new household: an adult and a child.
  await page.goto('/households/new');
  await page.getByLabel('Dossiernummer').fill('D-2026-0808');
  const m1 = page.getByRole('group', { name: 'Gezinslid 1', exact: true });
  await m1.getByLabel('Voornaam').fill('Nora');
  await m1.getByLabel('Achternaam').fill('Maes');
  await m1.getByLabel('Geboortejaar').fill('1988');
  await page.getByRole('button', { name: 'Nog een gezinslid toevoegen' }).click();
  const m2 = page.getByRole('group', { name: 'Gezinslid 2', exact: true });
  await m2.getByLabel('Voornaam').fill('Wout');
  await m2.getByLabel('Achternaam').fill('Maes');
  await m2.getByLabel('Geboortejaar').fill('2015');
  await m2.getByLabel('Kind', { exact: true }).check();
  await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Huishouden van Nora Maes');
  const householdPath = new URL(page.url()).pathname;

  const balances: string[] = [];
  for (const [n, date] of DATES.entries()) balances.push(await makeBalance(page.request, new URL(page.url()).origin, householdPath, date, n));
  const ids = balances.map((p) => Number(p.split('/').pop()));

  // The dossier: per balance the direction since the previous one, and the way to the overview.
  await page.goto(householdPath);
  const rows = page.getByRole('table', { name: 'Metingen' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(/beter|gelijk|slechter/); // newest first
  await expect(rows.nth(3)).toContainText('—');
  await expectNoAxeViolations(page, 'dossier with three balances');

  // ---- the overview of the latest balance, reached with the keyboard
  await tabTo(page, page.getByRole('link', { name: `Overzicht van de meting van ${D}` }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${balances[2]}/overview$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Overzicht van de meting van ${D}`);
  await expect(page.getByRole('table', { name: 'Alle scores in één oogopslag' })).toBeVisible();
  await expect(page.getByRole('img', { name: new RegExp(`^Balans van Nora Maes op ${D}: \\d+ domeinen? acuut of ruim onvoldoende`) })).toBeVisible();
  await expect(page.getByRole('figure', { name: `Balans van Wout Maes op ${D}` })).toBeVisible();
  await expectNoAxeViolations(page, 'overview');
  // The remarks are one step away: a disclosure opened with the keyboard.
  const remark = page.locator('details.remarks');
  await tabTo(page, remark.locator('summary'));
  await page.keyboard.press('Enter');
  await expect(remark.getByText('Opmerking bij meting 3').first()).toBeVisible();
  await expectNoAxeViolations(page, 'overview with a remark open');

  // The data tables hold exactly the scores in the database.
  const db = database();
  try {
    const scores = db.prepare('select subject, domain_key, score from balance_score where balance_id = ?').all(ids[2]) as {
      subject: string;
      domain_key: string;
      score: number | null;
    }[];
    const subjects = [...new Set(scores.map((s) => s.subject))];
    expect(subjects).toHaveLength(3);
    for (const subject of subjects) {
      const table = await chartTable(page, `radar-${subject}`);
      const expected = Object.fromEntries(scores.filter((s) => s.subject === subject).map((s) => [s.domain_key, [s.score === null ? '' : String(s.score)]]));
      expect(table).toEqual(expected);
    }
  } finally {
    db.close();
  }

  // Print: A4 landscape, charts inline, remarks listed (the PDF is looked at by a person; see the report).
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-only').first()).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await page.pdf({ format: 'A4', landscape: true, path: test.info().outputPath('overview-print.pdf'), printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // ---- evolution: timeline, heatmap, line chart
  await page.getByRole('navigation', { name: 'Verder met deze meting' }).getByRole('link', { name: 'Evolutie van het gezin' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evolutie van het gezin');
  await expect(page.getByRole('img', { name: `Scores van Huishouden in 3 metingen van ${D} (1) tot ${D} (3)`, exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'evolution (household)');
  await page.getByRole('navigation', { name: 'Kies een persoon' }).getByRole('link', { name: 'Nora Maes' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Nora Maes' })).toBeVisible();
  const heat = await chartTable(page, 'heatmap');
  const db2 = database();
  try {
    const nora = db2.prepare("select id from household_member where first_name = 'Nora' and last_name = 'Maes'").get() as { id: number };
    const rowsDb = db2
      .prepare(`select balance_id, domain_key, score from balance_score where subject = ? and balance_id in (${ids.join(',')})`)
      .all(`m${nora.id}`) as { balance_id: number; domain_key: string; score: number | null }[];
    const expected: Record<string, string[]> = {};
    for (const key of Object.keys(heat))
      expected[key] = ids.map((id) => {
        const r = rowsDb.find((x) => x.balance_id === id && x.domain_key === key);
        return r?.score == null ? '' : String(r.score);
      });
    expect(heat).toEqual(expected);
    expect(Object.keys(heat).length).toBe(new Set(rowsDb.map((r) => r.domain_key)).size);
  } finally {
    db2.close();
  }
  // The line chart's domains are chosen in a plain GET form, with the keyboard.
  const lineForm = page.locator('form.line-form');
  await tabTo(page, lineForm.getByRole('checkbox', { name: 'Mobiliteit' }));
  await page.keyboard.press('Space');
  await tabTo(page, lineForm.getByRole('button', { name: 'Lijn tonen' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/domains=mobiliteit/);
  await expect(page.locator('table[data-chart="line"] tbody tr[data-domain="mobiliteit"]')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /^Verloop van Nora Maes: .*Mobiliteit van \d naar \d/ })).toBeVisible();
  await expectNoAxeViolations(page, 'evolution (person, line chart with chosen domains)');

  // ---- comparison of the first and the last balance
  await page.getByLabel('Eerste meting').selectOption({ label: `${D} (1)` });
  await page.getByLabel('Tweede meting').selectOption({ label: `${D} (3)` });
  await page.getByRole('button', { name: 'Vergelijken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Vergelijking: ${D} (1) en ${D} (3)`);
  await expect(page.getByText(/\d+ domeinen? beter, \d+ gelijk, \d+ slechter\./)).toBeVisible();
  const changed = page.locator('tr[data-change="better"]').first();
  await expect(changed).toContainText(/beter \(\+\d\)/);
  await expectNoAxeViolations(page, 'comparison');
  // Comparing a balance with itself is refused in words.
  await page.goto(`${householdPath}/evolution/comparison?from=${ids[1]}&to=${ids[1]}`);
  await expect(page.getByText('Kies twee verschillende metingen.')).toBeVisible();
  await expectNoAxeViolations(page, 'comparison refused (same balance)');

  // ---- the same pages without JavaScript: everything is server-rendered
  const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE', storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  try {
    await plain.goto(`${householdPath}/balances/${ids[2]}/overview`);
    await expect(plain.getByRole('img', { name: /^Balans van Nora Maes/ })).toBeVisible();
    await plain.locator('details.remarks summary').click();
    await expect(plain.locator('details.remarks').getByText('Opmerking bij meting 3').first()).toBeVisible();
    await expectNoAxeViolationsWithoutJs(plain, 'overview without JS');
    await plain.goto(`${householdPath}/evolution`);
    await plain.getByRole('checkbox', { name: 'Inkomen' }).check();
    await plain.getByRole('button', { name: 'Lijn tonen' }).click();
    await expect(plain.locator('table[data-chart="line"] tbody tr[data-domain="inkomen"]')).toHaveCount(1);
    await expectNoAxeViolationsWithoutJs(plain, 'evolution without JS');
    await plain.getByRole('button', { name: 'Vergelijken' }).click();
    await expect(plain.getByRole('heading', { level: 1 })).toContainText('Vergelijking:');
    await expectNoAxeViolationsWithoutJs(plain, 'comparison without JS');
  } finally {
    await noJs.close();
  }
});

/** No horizontal scroll of the page itself (WCAG 1.4.10); a wide table scrolls in its own region. */
async function expectNoPageScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page wider than the screen on ${label}`).toBeLessThanOrEqual(clientWidth);
}

test('the overview of a household of four: one matrix above the fold at 1366x768, reflow at 320 px, details by keyboard', async ({ browser, seed }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1366, height: 768 } });
  await seed.signIn(context, seed.worker);
  const page = await context.newPage();
  try {
    // Two adults and two children, the organisation's default (core) catalogue.
    await page.goto('/households/new');
    await page.getByLabel('Dossiernummer').fill('D-2026-0804');
    const people: [string, string, string | null][] = [
      ['Sara', '1985', null],
      ['Karim', '1982', 'Partner'],
      ['Lina', '2014', 'Kind'],
      ['Adam', '2018', 'Kind'],
    ];
    for (const [i, [first, year, role]] of people.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Nog een gezinslid toevoegen' }).click();
      const m = page.getByRole('group', { name: `Gezinslid ${i + 1}`, exact: true });
      await m.getByLabel('Voornaam').fill(first);
      await m.getByLabel('Achternaam').fill('Janssens');
      await m.getByLabel('Geboortejaar').fill(year);
      if (role) await m.getByLabel(role, { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Huishouden van Sara Janssens');
    const householdPath = new URL(page.url()).pathname;
    const balancePath = await makeBalance(page.request, new URL(page.url()).origin, householdPath, TODAY, 2);
    await page.goto(`${balancePath}/overview`);

    // One matrix: the household and the four people across, each score once.
    const matrix = page.getByRole('table', { name: 'Alle scores in één oogopslag' });
    await expect(matrix.getByRole('columnheader')).toHaveText([
      'Thema',
      'Domein',
      'Huishouden',
      'Sara Janssens volwassene',
      'Karim Janssens volwassene',
      'Lina Janssens kind',
      'Adam Janssens kind',
    ]);
    await expect(page.locator('table.overview-matrix')).toHaveCount(1);
    const cells = await page.locator('table.overview-matrix td[data-cell]').count();
    const scored = await page.locator('table.overview-matrix td[data-cell] .chip').count();
    expect(scored).toBe(cells);
    // A domain that does not concern a column is a dash, with words for a screen reader.
    await expect(
      matrix
        .getByRole('row', { name: /Verblijfplaats/ })
        .getByRole('cell')
        .nth(1),
    ).toHaveText('—niet gevraagd voor Sara Janssens');

    // Above the fold: the matrix's last row is inside the first 1366x768 viewport, unscrolled.
    const lastRow = page.locator('table.overview-matrix tbody tr').last();
    const box = (await lastRow.boundingBox())!;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(box.y + box.height, 'bottom of the last matrix row').toBeLessThanOrEqual(768);
    // ... and the scores are not shrunk to get there: 15 px text in the matrix, 17 px body.
    expect(await lastRow.locator('th[scope="row"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(15);
    await expectNoAxeViolations(page, 'overview of a household of four at 1366x768');

    // The details are reached and opened with the keyboard: the remarks, and a chart's data table.
    await tabTo(page, page.locator('details.remarks summary'), 60);
    await page.keyboard.press('Enter');
    await expect(page.locator('details.remarks dd').first()).toBeVisible();
    const tableToggle = page.locator('details.chart__table--collapsed summary', { hasText: 'Scores van Lina Janssens als tabel' });
    await tabTo(page, tableToggle, 60);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('table', { name: `Scores van Lina Janssens op ${D}` })).toBeVisible();
    await expectNoAxeViolations(page, 'overview at 1366x768 with remarks and a chart table open');

    // 320 px wide: no page scroll; the matrix scrolls in its own labelled, focusable region; the
    // radar gives way to its table.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    await expectNoPageScroll(page, 'overview at 320 px');
    const region = page.getByRole('region', { name: 'Alle scores in één oogopslag' });
    await expect(region).toHaveAttribute('tabindex', '0');
    await expect(page.getByRole('img', { name: /^Balans van Lina Janssens/ })).toBeHidden();
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await expect(page.getByRole('table', { name: `Scores van Lina Janssens op ${D}` })).toBeVisible();
    await expectNoPageScroll(page, 'overview at 320 px with every disclosure open');
    await expectNoAxeViolations(page, 'overview at 320 px');

    await page.goto('/catalogue');
    await expectNoPageScroll(page, 'catalogue at 320 px');
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await expectNoPageScroll(page, 'catalogue at 320 px with every disclosure open');
  } finally {
    await context.close();
  }
});
