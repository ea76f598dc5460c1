import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { monthsBefore } from '../../src/households/logic.js';
import type { OrgScope } from '../../src/auth/scope.js';
import * as fx from '../support/fixtures.js';

let t: TestApp;
let org: number;
let team: number;
let cookie: string;
let worker: OrgScope;

/** A household named after its only member (and with that as dossier number), in the worker's team. */
async function household(name: string) {
  return (await fx.household(t.db, t.now(), worker, { dossierRef: name, members: [{ firstName: name }] })).id;
}

/** A finalised balance with one household-level score (verblijfplaats), and `more` household-level scores. */
async function balance(householdId: number, takenOn: string, score: number, more: Record<string, number> = {}) {
  const scores = Object.fromEntries(Object.entries({ verblijfplaats: score, ...more }).map(([domain, v]) => [`h.${domain}`, v]));
  return fx.finalisedBalance(t.db, t.now(), worker, householdId, { takenOn, scores });
}

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation();
  team = await t.team(org, 'Team Noord');
  const workerId = await t.user(org, { email: 'w@ocmw.be', teams: [{ teamId: team, role: 'worker' }] });
  cookie = await t.sessionCookie(workerId);
  worker = await fx.scopeOf(t.db, workerId);
});
afterEach(async () => {
  await t.close();
});

function rowOf(html: string, name: string): string {
  const i = html.indexOf(`>${name}</a>`);
  return html.slice(i, html.indexOf('</tr>', i));
}

describe('caseload with balances', () => {
  it('shows the last balance date and the direction since the previous one, in words', async () => {
    const better = await household('Anna');
    await balance(better, '2026-03-01', 2);
    await balance(better, '2026-09-01', 4);
    const worse = await household('Bert');
    await balance(worse, '2026-03-01', 4);
    await balance(worse, '2026-09-15', 1);
    const single = await household('Cas');
    await balance(single, '2026-05-01', 3);
    await household('Dirk');
    const html = await (await t.request('/households', { cookie })).text();
    expect(rowOf(html, 'Anna')).toContain('01/09/2026');
    expect(rowOf(html, 'Anna')).toContain('beter');
    expect(rowOf(html, 'Bert')).toContain('15/09/2026');
    expect(rowOf(html, 'Bert')).toContain('slechter');
    expect(rowOf(html, 'Cas')).toContain('01/05/2026');
    expect(rowOf(html, 'Cas')).not.toMatch(/beter|slechter|gelijk/);
    expect(rowOf(html, 'Dirk')).toContain('nog geen meting');
  });

  it('filters on "no balance in the last N months" and sorts by the last balance date', async () => {
    const recent = await household('Recent');
    await balance(recent, '2026-10-01', 3);
    const old = await household('Oud');
    await balance(old, '2026-01-15', 3);
    await household('Nooit');
    const filtered = await (await t.request('/households?stale=6', { cookie })).text();
    expect(filtered).toContain('>Oud</a>');
    expect(filtered).toContain('>Nooit</a>');
    expect(filtered).not.toContain('>Recent</a>');
    const sorted = await (await t.request('/households?sort=balance_asc', { cookie })).text();
    const order = ['Nooit', 'Oud', 'Recent'].map((n) => sorted.indexOf(`>${n}</a>`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const desc = await (await t.request('/households?sort=balance_desc', { cookie })).text();
    expect(desc.indexOf('>Recent</a>')).toBeLessThan(desc.indexOf('>Oud</a>'));
  });

  it("leaves hidden sensitive scores and agreements out of a shielded viewer's direction and count", async () => {
    // veiligheid is a sensitive household domain; verblijfplaats is not.
    await t.db.updateTable('organisation').set({ sensitive_visibility: 'assigned' }).where('id', '=', org).execute();
    const leadId = await t.user(org, { email: 'lead@ocmw.be', teams: [{ teamId: team, role: 'lead' }] });
    const leadCookie = await t.sessionCookie(leadId);
    const h = await household('Els');
    await balance(h, '2026-03-01', 3, { veiligheid: 2 });
    const latest = await balance(h, '2026-09-01', 3, { veiligheid: 4 });
    // A signed GPMI from the latest balance: one open agreement on each domain.
    await fx.gpmi(t.db, t.now(), await fx.scopeOf(t.db, leadId), h, {
      balanceId: latest,
      startOn: '2026-10-01',
      durationMonths: 12,
      agreements: ['verblijfplaats', 'veiligheid'].map((domainKey) => ({ domainKey, text: 'x' })),
      signed: { on: '2026-10-01', clientName: 'Els Test' },
    });
    const openCount = (row: string) => row.match(/<td>(\d+)<\/td>\s*$/)?.[1];
    // The lead sees sensitive domains: the veiligheid score went up, two agreements are open.
    const lead = rowOf(await (await t.request('/households', { cookie: leadCookie })).text(), 'Els');
    expect(lead).toContain('beter');
    expect(openCount(lead)).toBe('2');
    // A worker not assigned to the household does not: only verblijfplaats (unchanged) and its agreement count.
    const worker = rowOf(await (await t.request('/households', { cookie })).text(), 'Els');
    expect(worker).toContain('gelijk');
    expect(worker).not.toContain('beter');
    expect(openCount(worker)).toBe('1');
  });

  it('ignores an unknown filter value instead of failing', async () => {
    expect((await t.request('/households?stale=7&sort=zzz', { cookie })).status).toBe(200);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2026-11-22', 6, '2026-05-22'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2026-01-15', 3, '2025-10-15'],
    ['2024-08-31', 6, '2024-02-29'],
  ])('%s minus %i months is %s', (iso, n, expected) => {
    expect(monthsBefore(iso, n)).toBe(expected);
  });
});
