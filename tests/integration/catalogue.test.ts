import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app.js';
import { defaultCatalogue, INSPECTION_EXTRAS, type CatalogueData } from '../../src/catalogue/default-catalogue.js';
import { findDomain } from '../../src/catalogue/catalogue.js';
import { getCatalogueVersion, getCurrentVersion, loadDraft } from '../../src/catalogue/queries.js';
import { draftCatalogue } from '../../src/catalogue/logic.js';
import type { OrgScope } from '../../src/auth/scope.js';

let t: TestApp;
let org: number;
let admin: string;
let worker: string;
let scopeA: OrgScope;

beforeEach(async () => {
  t = await makeTestApp();
  org = await t.organisation('OCMW A');
  const team = await t.team(org, 'Team Noord');
  const adminId = await t.user(org, { email: 'admin@a.be', name: 'Ann Beheer', isAdmin: true });
  const workerId = await t.user(org, { email: 'worker@a.be', teams: [{ teamId: team, role: 'worker' }] });
  admin = await t.sessionCookie(adminId);
  worker = await t.sessionCookie(workerId);
  scopeA = { organisationId: org, userId: adminId, isAdmin: true, teamIds: [], leadTeamIds: [], sensitiveVisibility: 'team' };
});
afterEach(async () => {
  await t.close();
});

const domainId = async (key: string, organisationId = org) =>
  (await t.db.selectFrom('catalogue_domain').select('id').where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirstOrThrow()).id;

const domainRow = async (key: string) =>
  t.db.selectFrom('catalogue_domain').selectAll().where('organisation_id', '=', org).where('key', '=', key).executeTakeFirstOrThrow();

async function draft(): Promise<CatalogueData> {
  return draftCatalogue((await loadDraft(t.db, scopeA))!);
}

/** Everything a refused request must leave alone: draft, its revision, versions. */
async function catalogueState() {
  const d = (await loadDraft(t.db, scopeA))!;
  const versions = await t.db.selectFrom('catalogue_version').select(['id', 'content']).where('organisation_id', '=', org).execute();
  return { revision: d.revision, draft: draftCatalogue(d), retired: d.retired.map((r) => r.domain.key), versions };
}

/** The whole domain form, filled from a catalogue domain, with overrides. */
function domainForm(key: string, revision: number, overrides: Record<string, string | string[]> = {}) {
  const d = findDomain(defaultCatalogue, key)!;
  const form: Record<string, string | string[]> = { revision: String(revision) };
  for (const l of ['nl', 'fr', 'en'] as const) {
    form[`name_${l}`] = d.name[l];
    form[`question_${l}`] = d.question[l];
    d.anchors.forEach((a, i) => {
      form[`anchor${i + 1}_${l}`] = a[l];
    });
  }
  if (d.allowNotApplicable) form.allowNotApplicable = '1';
  if (d.sensitive) form.sensitive = '1';
  form.podMiAreas = [...d.podMiAreas];
  return { ...form, ...overrides };
}

async function publish(note = '', extra: Record<string, string> = {}) {
  const d = (await loadDraft(t.db, scopeA))!;
  return t.request('/catalogue/publication', { cookie: admin, form: { revision: String(d.revision), note, ...extra } });
}

function upload(path: string, content: string | Uint8Array<ArrayBuffer>, name = 'catalogus.json') {
  const body = new FormData();
  body.append('file', new Blob([content], { type: 'application/json' }), name);
  return t.request(path, { method: 'POST', cookie: admin, body });
}

async function auditActions() {
  return (await t.db.selectFrom('audit_event').select('action').where('organisation_id', '=', org).orderBy('id').execute()).map((r) => r.action);
}

describe('a new organisation', () => {
  it('has the full default catalogue in three languages, as draft and as published version 1', async () => {
    expect(await draft()).toEqual(defaultCatalogue);
    const current = (await getCurrentVersion(t.db, scopeA))!;
    expect(current.number).toBe(1);
    expect(current.publishedBy).toBeNull();
    expect(current.catalogue).toEqual(defaultCatalogue);
    const domains = await t.db
      .selectFrom('catalogue_domain')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', org)
      .executeTakeFirstOrThrow();
    expect(Number(domains.n)).toBe(46);
    const schulden = await domainRow('schulden');
    expect([schulden.anchor3_nl, schulden.anchor3_fr, schulden.anchor3_en].every((s) => s.length > 0)).toBe(true);
  });
});

describe('GET /catalogue', () => {
  it('shows every signed-in user the current texts, POD MI coverage, and other languages on request', async () => {
    const res = await t.request('/catalogue', { cookie: worker });
    expect(res.status).toBe(200);
    const html = await res.text();
    const schulden = findDomain(defaultCatalogue, 'schulden')!;
    expect(html).toContain(schulden.anchors[2].nl);
    expect(html).toContain('Dekking van de POD MI-domeinen');
    expect(html).toContain('<th scope="row">Mobiliteit</th>');
    expect(html).toContain('Versie 1, de standaardcatalogus');
    expect(html).not.toContain('href="/catalogue/draft"'); // no edit link for a worker
    const fr = await (await t.request('/catalogue?lang=fr', { cookie: worker })).text();
    expect(fr).toContain(schulden.anchors[2].fr);
    expect(fr).toContain('lang="fr-BE"');
    expect(await (await t.request('/catalogue', { cookie: admin })).text()).toContain('href="/catalogue/draft"');
  });

  it('warns, in words, when an inspection area has no switched-on domain', async () => {
    for (const { domains } of defaultCatalogue.themes) {
      for (const d of domains)
        if (d.podMiAreas.includes('mobiliteit') && d.defaultOn) {
          expect((await t.request(`/catalogue/draft/domains/${await domainId(d.key)}/activation`, { cookie: admin, form: { active: '0' } })).status).toBe(303);
        }
    }
    // While editing, before publishing: the draft's own coverage already says so.
    expect(await (await t.request('/catalogue/draft', { cookie: admin })).text()).toMatch(
      /Let op: geen enkel levensdomein dat aan staat, dekt [^<]*Mobiliteit/,
    );
    // Publishing it needs a confirmation, said up front; without it: 422, words, nothing published.
    const review = await (await t.request('/catalogue/publication', { cookie: admin })).text();
    expect(review).toContain('Let op: in deze versie dekt geen enkel levensdomein dat aan staat nog Mobiliteit. De huidige versie doet dat wel.');
    expect(review).toContain('name="confirm_uncovered"');
    const refused = await publish();
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Deze versie dekt Mobiliteit niet. Vink aan dat je toch publiceert');
    expect((await getCurrentVersion(t.db, scopeA))!.number).toBe(1);
    expect(await auditActions()).not.toContain('catalogue.published');
    expect((await publish('', { confirm_uncovered: '1' })).status).toBe(303);
    expect((await getCurrentVersion(t.db, scopeA))!.number).toBe(2);
    const html = await (await t.request('/catalogue', { cookie: worker })).text();
    expect(html).toMatch(/Let op: geen enkel levensdomein dat aan staat, dekt [^<]*Mobiliteit/);
    expect(html).toContain('✗ Nee, niet gedekt');
  });

  it('sends someone who is not signed in to the sign-in page', async () => {
    const res = await t.request('/catalogue');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/signin?next=%2Fcatalogue');
  });
});

describe('the inspection areas and same-named domains while editing and publishing', () => {
  it("names the level of same-named domains in the change summary and in the buttons' accessible names", async () => {
    for (const key of ['mobiliteit', 'kind-mobiliteit'])
      expect((await t.request(`/catalogue/draft/domains/${await domainId(key)}/activation`, { cookie: admin, form: { active: '0' } })).status).toBe(303);
    const draftPage = await (await t.request('/catalogue/draft', { cookie: admin })).text();
    expect(draftPage).toContain('aria-label="Mobiliteit (volwassene) aanzetten"');
    expect(draftPage).toContain('aria-label="Mobiliteit (kind) aanzetten"');
    // A name only one level has stays as it is.
    expect(draftPage).toContain('aria-label="Schulden uitzetten"');
    const review = await (await t.request('/catalogue/publication', { cookie: admin })).text();
    expect(review).toMatch(/<dt>Domeinen die uit gaan<\/dt><dd>Mobiliteit \(volwassene\), Mobiliteit \(kind\)<\/dd>/);
    // Both were the only domains for "Mobiliteit": the review says so before the button, and the coverage table shows it.
    expect(review).toContain('Let op: in deze versie dekt geen enkel levensdomein dat aan staat nog Mobiliteit.');
    expect(review).toContain('Dekking van de POD MI-domeinen');
    expect((await publish('', { confirm_uncovered: '1' })).status).toBe(303);
    const history = await (await t.request('/catalogue/versions', { cookie: admin })).text();
    expect(history).toContain('Mobiliteit (volwassene), Mobiliteit (kind)');
  });

  it('a draft that takes no covered area away publishes without the confirmation; the areas the core set leaves are shown, not asked again', async () => {
    const id = await domainId('spaargeld');
    expect((await t.request(`/catalogue/draft/domains/${id}/activation`, { cookie: admin, form: { active: '1' } })).status).toBe(303);
    const review = await (await t.request('/catalogue/publication', { cookie: admin })).text();
    expect(review).not.toContain('name="confirm_uncovered"');
    expect(review).toMatch(/Let op: geen enkel levensdomein dat aan staat, dekt Zelfvertrouwen/);
    expect((await publish()).status).toBe(303);
  });

  it('switching on what the first-run screen names covers every area, and says so while editing', async () => {
    for (const key of INSPECTION_EXTRAS)
      expect((await t.request(`/catalogue/draft/domains/${await domainId(key)}/activation`, { cookie: admin, form: { active: '1' } })).status).toBe(303);
    expect(await (await t.request('/catalogue/draft', { cookie: admin })).text()).toContain('Alle POD MI-domeinen zijn gedekt.');
    expect((await publish()).status).toBe(303);
  });

  it('a confirmation given for one draft does not cover a change made meanwhile: stale, nothing published', async () => {
    const before = (await loadDraft(t.db, scopeA))!.revision;
    expect((await t.request(`/catalogue/draft/domains/${await domainId('mobiliteit')}/activation`, { cookie: admin, form: { active: '0' } })).status).toBe(303);
    const res = await t.request('/catalogue/publication', { cookie: admin, form: { revision: String(before), note: '', confirm_uncovered: '1' } });
    expect(res.status).toBe(409);
    expect((await getCurrentVersion(t.db, scopeA))!.number).toBe(1);
  });
});

describe('editing the draft', () => {
  it('switches a domain on and off, in the draft only, audited', async () => {
    const id = await domainId('spaargeld');
    const res = await t.request(`/catalogue/draft/domains/${id}/activation`, { cookie: admin, form: { active: '1' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`/catalogue/draft?saved=saved#domain-${id}`);
    expect(findDomain(await draft(), 'spaargeld')!.defaultOn).toBe(true);
    expect(findDomain((await getCurrentVersion(t.db, scopeA))!.catalogue, 'spaargeld')!.defaultOn).toBe(false);
    expect(await auditActions()).toContain('catalogue.domain_switched_on');
  });

  it('moves domains and themes with buttons that name what they move', async () => {
    const page = await (await t.request('/catalogue/draft', { cookie: admin })).text();
    expect(page).toContain('aria-label="Schulden een plaats omhoog"');
    expect(page).toContain('aria-label="Financiële situatie een plaats omlaag"');
    const id = await domainId('schulden');
    const before = (await draft()).themes[1]!.domains.map((d) => d.key);
    expect((await t.request(`/catalogue/draft/domains/${id}/position`, { cookie: admin, form: { direction: 'up' } })).status).toBe(303);
    const after = (await draft()).themes[1]!.domains.map((d) => d.key);
    expect(after).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
    const themeId = (await loadDraft(t.db, scopeA))!.themes[1]!.id;
    expect((await t.request(`/catalogue/draft/themes/${themeId}/position`, { cookie: admin, form: { direction: 'up' } })).status).toBe(303);
    expect((await draft()).themes.slice(0, 2).map((th) => th.key)).toEqual(['huishouden-financiele-situatie', 'huishouden-wonen']);
    // At the edge nothing happens; a bad direction is a bad request.
    expect((await t.request(`/catalogue/draft/themes/${themeId}/position`, { cookie: admin, form: { direction: 'up' } })).status).toBe(303);
    expect((await t.request(`/catalogue/draft/themes/${themeId}/position`, { cookie: admin, form: { direction: 'sideways' } })).status).toBe(400);
  });

  it('edits texts per language with labelled fields and a fieldset per domain', async () => {
    const id = await domainId('schulden');
    const form = await (await t.request(`/catalogue/draft/domains/${id}`, { cookie: admin })).text();
    expect(form).toContain('<legend>Teksten bij de scores van Schulden</legend>');
    expect(form).toContain('<label for="field-anchor3_fr">Score 3 (Frans)</label>');
    expect(form).toContain('lang="fr-BE"');
    const row = await domainRow('schulden');
    const res = await t.request(`/catalogue/draft/domains/${id}`, {
      cookie: admin,
      form: domainForm('schulden', row.revision, { anchor3_fr: 'Des dettes, avec un plan de paiement.' }),
    });
    expect(res.status).toBe(303);
    expect((await domainRow('schulden')).anchor3_fr).toBe('Des dettes, avec un plan de paiement.');
    expect(await auditActions()).toContain('catalogue.domain_updated');
  });

  it('re-renders an empty anchor text with an inline error (422) and saves nothing', async () => {
    const id = await domainId('schulden');
    const before = await catalogueState();
    const res = await t.request(`/catalogue/draft/domains/${id}`, {
      cookie: admin,
      form: domainForm('schulden', 0, { anchor3_fr: '  ', name_en: 'x'.repeat(101), podMiAreas: [] }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#field-anchor3_fr">Score 3 (Frans): Vul dit veld in.');
    expect(html).toContain('Gebruik hoogstens 100 tekens.');
    expect(html).toContain('Kies minstens één POD MI-domein.');
    expect(await catalogueState()).toEqual(before);
  });

  it('refuses a stale edit with 409, shows both values and overwrites nothing', async () => {
    const id = await domainId('schulden');
    const revision = (await domainRow('schulden')).revision;
    // Two administrators opened the same form; the first one saves.
    const first = await t.request(`/catalogue/draft/domains/${id}`, {
      cookie: admin,
      form: domainForm('schulden', revision, { name_nl: 'Schulden (eerste)' }),
    });
    expect(first.status).toBe(303);
    const second = await t.request(`/catalogue/draft/domains/${id}`, {
      cookie: admin,
      form: domainForm('schulden', revision, { name_nl: 'Schulden (tweede)' }),
    });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('Iemand anders heeft dit intussen aangepast');
    expect(html).toContain('<td>Schulden (eerste)</td><td>Schulden (tweede)</td>');
    expect(html).toContain(`name="revision" value="${revision + 1}"`);
    expect((await domainRow('schulden')).name_nl).toBe('Schulden (eerste)');
    // Saving again, now knowingly, wins.
    const third = await t.request(`/catalogue/draft/domains/${id}`, {
      cookie: admin,
      form: domainForm('schulden', revision + 1, { name_nl: 'Schulden (tweede)' }),
    });
    expect(third.status).toBe(303);
    expect((await domainRow('schulden')).name_nl).toBe('Schulden (tweede)');
  });

  it('adds an own theme and domain with a generated, unique key', async () => {
    const res = await t.request('/catalogue/draft/themes', {
      cookie: admin,
      form: { level: 'volwassene', name_nl: 'Zelfzorg', name_fr: 'Soins personnels', name_en: 'Self-care' },
    });
    expect(res.status).toBe(303);
    const theme = (await loadDraft(t.db, scopeA))!.themes.find((th) => th.key === 'volwassene-zelfzorg')!;
    expect(theme.level).toBe('volwassene');
    // An empty theme is not published.
    expect((await draft()).themes.some((th) => th.key === 'volwassene-zelfzorg')).toBe(false);
    const form = domainForm('schulden', 0);
    delete (form as Record<string, unknown>).revision;
    const add = await t.request(`/catalogue/draft/themes/${theme.id}/domains`, { cookie: admin, form: { ...form, name_nl: 'Schulden' } });
    expect(add.status).toBe(303);
    const d = await draft();
    const own = d.themes.find((th) => th.key === 'volwassene-zelfzorg')!;
    expect(own.domains.map((x) => x.key)).toEqual(['schulden-2']);
    expect(own.domains[0]!.defaultOn).toBe(true);
  });

  it('refuses a theme without level or names (422) and adds nothing', async () => {
    const before = await catalogueState();
    const res = await t.request('/catalogue/draft/themes', { cookie: admin, form: { level: 'gezin', name_nl: '', name_fr: 'x', name_en: 'x' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#field-level"');
    expect(html).toContain('href="#field-name_nl"');
    expect(await catalogueState()).toEqual(before);
  });

  it('renames a theme, and refuses a stale rename with 409 showing both names', async () => {
    const theme = (await loadDraft(t.db, scopeA))!.themes[0]!;
    const names = { name_fr: 'Logement', name_en: 'Housing' };
    const first = await t.request(`/catalogue/draft/themes/${theme.id}`, {
      cookie: admin,
      form: { revision: String(theme.revision), name_nl: 'Wonen en huisvesting', ...names },
    });
    expect(first.status).toBe(303);
    expect((await draft()).themes[0]!.name.nl).toBe('Wonen en huisvesting');
    const stale = await t.request(`/catalogue/draft/themes/${theme.id}`, {
      cookie: admin,
      form: { revision: String(theme.revision), name_nl: 'Huisvesting', ...names },
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('<td>Wonen en huisvesting</td><td>Huisvesting</td>');
    expect((await draft()).themes[0]!.name.nl).toBe('Wonen en huisvesting');
  });

  it('retires a domain (kept for history, not in the next version) and can put it back', async () => {
    const id = await domainId('jeugdzorg');
    expect((await t.request(`/catalogue/draft/domains/${id}/retirement`, { cookie: admin, form: {} })).status).toBe(303);
    expect(findDomain(await draft(), 'jeugdzorg')).toBeUndefined();
    expect(await t.request('/catalogue/draft', { cookie: admin }).then((r) => r.text())).toContain('aria-label="Jeugdzorg terugzetten in de catalogus"');
    expect((await t.request(`/catalogue/draft/domains/${id}`, { cookie: admin })).status).toBe(404);
    expect((await t.request(`/catalogue/draft/domains/${id}/restoration`, { cookie: admin, form: {} })).status).toBe(303);
    expect(findDomain(await draft(), 'jeugdzorg')).toBeDefined();
  });
});

describe('publishing', () => {
  it('shows what changed first, then creates an immutable new version', async () => {
    const id = await domainId('schulden');
    await t.request(`/catalogue/draft/domains/${id}`, {
      cookie: admin,
      form: domainForm('schulden', 0, { anchor3_nl: 'Schulden, met een afbetalingsplan dat loopt.' }),
    });
    await t.request(`/catalogue/draft/domains/${await domainId('spaargeld')}/activation`, { cookie: admin, form: { active: '1' } });
    const summary = await (await t.request('/catalogue/publication', { cookie: admin })).text();
    expect(summary).toContain('Dit veranderde sinds versie 1');
    expect(summary).toContain('<dt>Domeinen die aan gaan</dt><dd>Spaargeld</dd>');
    expect(summary).toContain('<ins>Schulden, met een afbetalingsplan dat loopt.</ins>');
    expect(summary).toContain('Versie 2 publiceren');
    const res = await publish('Teksten schulden verduidelijkt');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/catalogue?published=2');
    const v2 = (await getCurrentVersion(t.db, scopeA))!;
    expect(v2.number).toBe(2);
    expect(v2.publishedByName).toBe('Ann Beheer');
    expect(v2.note).toBe('Teksten schulden verduidelijkt');
    expect(v2.changes.kind === 'published' && v2.changes.summary.switchedOn.map((d) => d.key)).toEqual(['spaargeld']);
    expect(await auditActions()).toContain('catalogue.published');
    const history = await (await t.request('/catalogue/versions', { cookie: worker })).text();
    expect(history).toContain('Eerste versie: de standaardcatalogus.');
    expect(history).toContain('Teksten schulden verduidelijkt');
    // A published version cannot be changed, not even by accident in code.
    await expect(t.db.updateTable('catalogue_version').set({ note: 'x' }).where('id', '=', v2.id).execute()).rejects.toThrow(/immutable/);
  });

  it('refuses to publish when nothing changed (422)', async () => {
    const res = await publish();
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Het ontwerp is gelijk aan versie 1');
    expect(await t.db.selectFrom('catalogue_version').select('id').where('organisation_id', '=', org).execute()).toHaveLength(1);
  });

  it('refuses a confirmation for a draft that changed since its summary (409)', async () => {
    await t.request(`/catalogue/draft/domains/${await domainId('spaargeld')}/activation`, { cookie: admin, form: { active: '1' } });
    const shown = (await loadDraft(t.db, scopeA))!.revision;
    await t.request(`/catalogue/draft/domains/${await domainId('spaargeld')}/activation`, { cookie: admin, form: { active: '0' } });
    await t.request(`/catalogue/draft/domains/${await domainId('rekenen')}/activation`, { cookie: admin, form: { active: '1' } });
    const res = await t.request('/catalogue/publication', { cookie: admin, form: { revision: String(shown) } });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Het ontwerp werd intussen nog aangepast');
    expect(await t.db.selectFrom('catalogue_version').select('id').where('organisation_id', '=', org).execute()).toHaveLength(1);
  });

  it('keeps the texts a balance was scored against: v1 still has the old text after v2', async () => {
    // Stand-in for the balance table of the next issue: a row that records its catalogue version.
    await t.db.schema
      .createTable('test_balance')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('catalogue_version_id', 'integer', (c) => c.notNull().references('catalogue_version.id'))
      .execute();
    const v1 = (await getCurrentVersion(t.db, scopeA))!;
    const db = t.db as unknown as import('kysely').Kysely<{ test_balance: { id: number; catalogue_version_id: number } }>;
    const balance = await db.insertInto('test_balance').values({ id: 1, catalogue_version_id: v1.id }).returning('id').executeTakeFirstOrThrow();
    const oldText = findDomain(defaultCatalogue, 'schulden')!.anchors[2].nl;

    const id = await domainId('schulden');
    await t.request(`/catalogue/draft/domains/${id}`, { cookie: admin, form: domainForm('schulden', 0, { anchor3_nl: 'Nieuwe tekst voor niveau 3.' }) });
    expect((await publish()).status).toBe(303);

    const row = await db.selectFrom('test_balance').select('catalogue_version_id').where('id', '=', balance.id).executeTakeFirstOrThrow();
    const asScored = (await getCatalogueVersion(t.db, scopeA, row.catalogue_version_id))!;
    expect(findDomain(asScored.catalogue, 'schulden')!.anchors[2].nl).toBe(oldText);
    const current = (await getCurrentVersion(t.db, scopeA))!;
    expect(current.number).toBe(2);
    expect(findDomain(current.catalogue, 'schulden')!.anchors[2].nl).toBe('Nieuwe tekst voor niveau 3.');
    // And the old version's page shows the old text.
    const page = await (await t.request(`/catalogue/versions/${v1.id}`, { cookie: worker })).text();
    expect(page).toContain(oldText);
    expect(page).toContain('Dit is een oudere versie');
  });

  it('publishes a retired domain as gone, while the earlier version keeps it', async () => {
    await t.request(`/catalogue/draft/domains/${await domainId('jeugdzorg')}/retirement`, { cookie: admin, form: {} });
    const summary = await (await t.request('/catalogue/publication', { cookie: admin })).text();
    expect(summary).toContain('Domeinen die uit de catalogus gaan');
    expect((await publish()).status).toBe(303);
    const [v2, v1] = await t.db.selectFrom('catalogue_version').select('id').where('organisation_id', '=', org).orderBy('number', 'desc').execute();
    expect(findDomain((await getCatalogueVersion(t.db, scopeA, v2!.id))!.catalogue, 'jeugdzorg')).toBeUndefined();
    expect(findDomain((await getCatalogueVersion(t.db, scopeA, v1!.id))!.catalogue, 'jeugdzorg')).toBeDefined();
  });
});

describe('export and import', () => {
  it('exports the current version as a JSON attachment, audited', async () => {
    const res = await t.request('/catalogue/export', { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="catalogus-versie-1.json"');
    expect(JSON.parse(await res.text())).toEqual(defaultCatalogue);
    expect(await auditActions()).toContain('catalogue.exported');
  });

  it('round-trips: the export of the default catalogue re-imports to an identical catalogue', async () => {
    const exported = await (await t.request('/catalogue/export', { cookie: admin })).text();
    const res = await upload('/catalogue/import', exported);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/catalogue/publication?imported=1');
    expect(await draft()).toEqual(defaultCatalogue);
    const page = await (await t.request('/catalogue/publication?imported=1', { cookie: admin })).text();
    expect(page).toContain('Het ontwerp is gelijk aan versie 1');
    expect(await auditActions()).toContain('catalogue.imported');
  });

  it('replaces the draft, not the published version, and shows what publishing would change', async () => {
    const other: CatalogueData = JSON.parse(JSON.stringify(defaultCatalogue));
    findDomain(other, 'schulden')!.anchors[0].en = 'Debts that cannot be paid at all.';
    other.themes[0]!.domains = other.themes[0]!.domains.filter((d) => d.key !== 'eigen-onderhoud-woning');
    expect((await upload('/catalogue/import', JSON.stringify(other))).status).toBe(303);
    expect(await draft()).toEqual(other);
    expect((await getCurrentVersion(t.db, scopeA))!.catalogue).toEqual(defaultCatalogue);
    const page = await (await t.request('/catalogue/publication', { cookie: admin })).text();
    expect(page).toContain('Debts that cannot be paid at all.');
    expect(page).toMatch(/Domeinen die uit de catalogus gaan[^<]*<\/dt><dd>Eigen onderhoud woning/);
    // The domain missing from the file is retired, so its key is never reused.
    expect((await loadDraft(t.db, scopeA))!.retired.map((r) => r.domain.key)).toEqual(['eigen-onderhoud-woning']);
  });

  describe('refuses a bad file, says where, and changes nothing', () => {
    const broken = (change: (raw: any) => void) => {
      const raw = JSON.parse(JSON.stringify(defaultCatalogue));
      change(raw);
      return JSON.stringify(raw);
    };
    const schulden = (raw: any) => raw.themes.flatMap((th: any) => th.domains).find((d: any) => d.key === 'schulden');
    const cases: [string, () => string | Uint8Array<ArrayBuffer>, number, string][] = [
      [
        'an empty anchor text',
        () =>
          broken((raw) => {
            schulden(raw).anchors[2].fr = '';
          }),
        422,
        "domein 'schulden', niveau 3: tekst ontbreekt (fr)",
      ],
      [
        'fewer than five levels',
        () =>
          broken((raw) => {
            schulden(raw).anchors.pop();
          }),
        422,
        "domein 'schulden': er moeten precies 5 niveaus zijn, er zijn er 4",
      ],
      [
        'more than five levels',
        () =>
          broken((raw) => {
            schulden(raw).anchors.push({ nl: 'a', fr: 'b', en: 'c' });
          }),
        422,
        'er moeten precies 5 niveaus zijn, er zijn er 6',
      ],
      [
        'duplicate keys',
        () =>
          broken((raw) => {
            raw.themes[0].domains[1].key = 'schulden';
          }),
        422,
        "sleutel 'schulden' komt meer dan één keer voor",
      ],
      [
        'a domain in an unknown level',
        () =>
          broken((raw) => {
            raw.themes[0].level = 'gezin';
          }),
        422,
        "thema 'huishouden-wonen': onbekende doelgroep 'gezin'",
      ],
      [
        'a domain outside any theme',
        () =>
          broken((raw) => {
            raw.domains = [{ key: 'los', theme: 'nergens' }];
          }),
        422,
        "bestand: onbekend veld 'domains'",
      ],
      [
        'an unknown POD MI area',
        () =>
          broken((raw) => {
            schulden(raw).podMiAreas = ['geld'];
          }),
        422,
        "domein 'schulden', POD MI-domeinen: onbekend POD MI-domein 'geld'",
      ],
      ['a file that is not JSON', () => 'dit is geen { json', 422, 'Dit is geen geldig JSON-bestand. Er werd niets veranderd.'],
      ['an empty file', () => '', 422, 'Het bestand is leeg. Er werd niets veranderd.'],
      ['a file over 2 MB', () => new Uint8Array(2 * 1024 * 1024 + 10).fill(32), 413, 'Het bestand is groter dan 2 MB. Er werd niets veranderd.'],
      ['a request over 3 MB', () => new Uint8Array(3 * 1024 * 1024 + 10).fill(32), 413, 'Het bestand is groter dan 2 MB. Er werd niets veranderd.'],
    ];
    for (const [label, content, status, message] of cases) {
      it(label, async () => {
        const before = await catalogueState();
        const auditBefore = await auditActions();
        const res = await upload('/catalogue/import', content());
        expect(res.status).toBe(status);
        const html = await res.text();
        expect(html).toContain(message.replace(/'/g, '&#39;'));
        expect(await catalogueState()).toEqual(before);
        expect(await auditActions()).toEqual(auditBefore);
      });
    }

    it('no file chosen', async () => {
      const before = await catalogueState();
      const res = await t.request('/catalogue/import', { cookie: admin, form: {} });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('Kies een bestand.');
      expect(await catalogueState()).toEqual(before);
    });

    it('a file that is not a catalogue says it was refused, above its problems', async () => {
      const before = await catalogueState();
      const res = await upload('/catalogue/import', JSON.stringify({ formatVersion: 1 }));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Het bestand werd geweigerd. Er werd niets veranderd.');
      expect(html).toContain('id="import-problems"');
      expect(await catalogueState()).toEqual(before);
    });
  });
});

describe('access', () => {
  it('refuses edits by a non-administrator with 403 and changes nothing', async () => {
    const before = await catalogueState();
    const id = await domainId('schulden');
    const attempts: [string, Record<string, string | string[]>][] = [
      [`/catalogue/draft/domains/${id}/activation`, { active: '0' }],
      [`/catalogue/draft/domains/${id}/position`, { direction: 'up' }],
      [`/catalogue/draft/domains/${id}`, domainForm('schulden', 0, { name_nl: 'Gekaapt' })],
      [`/catalogue/draft/domains/${id}/retirement`, {}],
      ['/catalogue/draft/themes', { level: 'kind', name_nl: 'x', name_fr: 'x', name_en: 'x' }],
      ['/catalogue/publication', { revision: String(before.revision) }],
    ];
    for (const [path, form] of attempts) {
      const res = await t.request(path, { cookie: worker, form });
      expect(res.status, path).toBe(403);
    }
    const exported = await t.request('/catalogue/export', { cookie: worker });
    expect(exported.status).toBe(403);
    const body = new FormData();
    body.append('file', new Blob([JSON.stringify(defaultCatalogue)]), 'c.json');
    expect((await t.request('/catalogue/import', { method: 'POST', cookie: worker, body })).status).toBe(403);
    expect(await catalogueState()).toEqual(before);
  });

  it("answers 404 for another organisation's domain, theme or version, and changes nothing", async () => {
    const otherOrg = await t.organisation('OCMW B');
    const otherScope: OrgScope = { organisationId: otherOrg, userId: 0, isAdmin: true, teamIds: [], leadTeamIds: [], sensitiveVisibility: 'team' };
    const otherVersion = (await getCurrentVersion(t.db, otherScope))!;
    const otherDomain = await domainId('schulden', otherOrg);
    const otherTheme = (await loadDraft(t.db, otherScope))!.themes[0]!.id;
    const otherBefore = draftCatalogue((await loadDraft(t.db, otherScope))!);
    const before = await catalogueState();

    expect((await t.request(`/catalogue/versions/${otherVersion.id}`, { cookie: admin })).status).toBe(404);
    expect(await getCatalogueVersion(t.db, scopeA, otherVersion.id)).toBeUndefined();
    expect((await t.request(`/catalogue/draft/domains/${otherDomain}`, { cookie: admin })).status).toBe(404);
    const posts: [string, Record<string, string | string[]>][] = [
      [`/catalogue/draft/domains/${otherDomain}`, domainForm('schulden', 0, { name_nl: 'Gekaapt' })],
      [`/catalogue/draft/domains/${otherDomain}/activation`, { active: '0' }],
      [`/catalogue/draft/domains/${otherDomain}/position`, { direction: 'down' }],
      [`/catalogue/draft/domains/${otherDomain}/retirement`, {}],
      [`/catalogue/draft/themes/${otherTheme}`, { revision: '0', name_nl: 'x', name_fr: 'x', name_en: 'x' }],
      [`/catalogue/draft/themes/${otherTheme}/position`, { direction: 'down' }],
      [`/catalogue/draft/themes/${otherTheme}/domains`, domainForm('schulden', 0)],
    ];
    for (const [path, form] of posts) expect((await t.request(path, { cookie: admin, form })).status, path).toBe(404);
    expect(draftCatalogue((await loadDraft(t.db, otherScope))!)).toEqual(otherBefore);
    expect(await catalogueState()).toEqual(before);
    expect((await t.request('/catalogue/versions/not-a-number', { cookie: admin })).status).toBe(404);
  });
});
