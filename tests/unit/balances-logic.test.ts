import { describe, expect, it } from 'vitest';
import {
  balanceLayout,
  cellKey,
  choiceValue,
  direction,
  domId,
  EMPTY_CELL,
  fingerprint,
  isAnswered,
  parseCell,
  REMARK_MAX,
  sameValue,
  subjectKeyOf,
  visibleScores,
  cellExists,
  progress,
  type CellValue,
  type Subject,
} from '../../src/balances/logic.js';
import type { StoredCell } from '../../src/balances/model.js';
import type { CatalogueData, CatalogueDomain, CatalogueTheme, Level } from '../../src/catalogue/default-catalogue.js';

const text = (s: string) => ({ nl: s, fr: s, en: s });

function domain(key: string, opts: Partial<CatalogueDomain> = {}): CatalogueDomain {
  return {
    key,
    name: text(key),
    question: text(`${key}?`),
    anchors: [text('1'), text('2'), text('3'), text('4'), text('5')],
    allowNotApplicable: false,
    defaultOn: true,
    podMiAreas: ['gezinssituatie'],
    sensitive: false,
    ...opts,
  };
}
const theme = (key: string, level: Level, domains: CatalogueDomain[]): CatalogueTheme => ({ key, level, name: text(key), domains });

const catalogue: CatalogueData = {
  formatVersion: 1,
  themes: [
    theme('huishouden-wonen', 'huishouden', [domain('verblijfplaats'), domain('woonkwaliteit', { defaultOn: false })]),
    theme('huishouden-geld', 'huishouden', [domain('schulden')]),
    theme('huishouden-uit', 'huishouden', [domain('uitgezet', { defaultOn: false })]),
    theme('volwassene-gezondheid', 'volwassene', [domain('gezondheid', { sensitive: true }), domain('werk', { allowNotApplicable: true })]),
    theme('kind-school', 'kind', [domain('school')]),
  ],
};

const household: Subject = { key: 'h', memberId: null, level: 'huishouden', name: 'Huishouden' };
const adult: Subject = { key: 'm7', memberId: 7, level: 'volwassene', name: 'Sara Peeters' };
const child: Subject = { key: 'm8', memberId: 8, level: 'kind', name: 'Lotte Peeters' };

const scored = (score: number, more: Partial<CellValue> = {}): CellValue => ({ state: 'scored', score, clientScore: null, remark: '', ...more });

describe('balanceLayout', () => {
  it('asks each subject the switched-on domains of its own level, in catalogue order, leaving out empty themes', () => {
    const layout = balanceLayout(catalogue, [household, adult, child]);
    expect(layout.map((s) => [s.subject.key, s.themes.map((t) => [t.theme.key, t.domains.map((d) => d.key)])])).toEqual([
      [
        'h',
        [
          ['huishouden-wonen', ['verblijfplaats']],
          ['huishouden-geld', ['schulden']],
        ],
      ],
      ['m7', [['volwassene-gezondheid', ['gezondheid', 'werk']]]],
      ['m8', [['kind-school', ['school']]]],
    ]);
  });

  it('leaves sensitive domains out entirely with hideSensitive', () => {
    const layout = balanceLayout(catalogue, [adult], { hideSensitive: true });
    expect(layout[0]!.themes.flatMap((t) => t.domains.map((d) => d.key))).toEqual(['werk']);
  });
});

describe('keys and ids', () => {
  it('names the household "h" and a member "m<id>", and a cell by subject and domain', () => {
    expect(subjectKeyOf(null)).toBe('h');
    expect(subjectKeyOf(12)).toBe('m12');
    expect(cellKey('m12', 'werk')).toBe('m12.werk');
  });

  it('makes DOM ids of letters, digits and dashes only', () => {
    expect(domId('m12', 'kind-school', 'a.b c')).toBe('m12-kind-school-a-b-c');
  });
});

describe('parseCell', () => {
  const plain = domain('schulden');
  const nvtAllowed = domain('werk', { allowNotApplicable: true });

  it('reads a score, "nb", nothing chosen, and the client score', () => {
    expect(parseCell({ s: '4', c: '2', r: 'ok' }, plain)).toEqual({ value: { state: 'scored', score: 4, clientScore: 2, remark: 'ok' } });
    expect(parseCell({ s: 'nb', c: '', r: '' }, plain)).toEqual({ value: { state: 'nb', score: null, clientScore: null, remark: '' } });
    expect(parseCell({ s: '', c: '', r: '' }, plain)).toEqual({ value: EMPTY_CELL });
  });

  it('allows "niet van toepassing" only where the domain allows it', () => {
    expect(parseCell({ s: 'nvt', c: '', r: '' }, nvtAllowed)).toEqual({ value: { state: 'nvt', score: null, clientScore: null, remark: '' } });
    expect(parseCell({ s: 'nvt', c: '', r: '' }, plain)).toEqual({ problem: 'notApplicableNotAllowed' });
  });

  it('refuses what is not exactly 1-5 instead of coercing it', () => {
    for (const s of ['0', '6', '3.5', ' 3', '03', 'x', 'NB']) expect(parseCell({ s, c: '', r: '' }, plain)).toEqual({ problem: 'invalidScore' });
    for (const c of ['0', '6', '2.0', 'nvt']) expect(parseCell({ s: '3', c, r: '' }, plain)).toEqual({ problem: 'invalidClientScore' });
  });

  it('stores line ends as LF, and counts the remark limit in characters', () => {
    expect(parseCell({ s: '', c: '', r: 'a\r\nb\rc' }, plain)).toEqual({ value: { ...EMPTY_CELL, remark: 'a\nb\nc' } });
    expect(parseCell({ s: '', c: '', r: '€'.repeat(REMARK_MAX) }, plain)).toHaveProperty('value');
    expect(parseCell({ s: '', c: '', r: 'x'.repeat(REMARK_MAX + 1) }, plain)).toEqual({ problem: 'remarkTooLong' });
  });
});

describe('choiceValue and fingerprint', () => {
  it('gives the form value of a choice', () => {
    expect(choiceValue(scored(3))).toBe('3');
    expect(choiceValue(EMPTY_CELL)).toBe('');
    expect(choiceValue({ ...EMPTY_CELL, state: 'nvt' })).toBe('nvt');
    expect(choiceValue({ ...EMPTY_CELL, state: 'nb' })).toBe('nb');
  });

  it('is stable for the same value and changes with the choice, the client score or the remark', () => {
    const base = scored(3, { clientScore: 2, remark: 'x' });
    expect(fingerprint(base)).toBe(fingerprint({ ...base }));
    expect(fingerprint(base)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const others = [
      scored(4, { clientScore: 2, remark: 'x' }),
      scored(3, { clientScore: null, remark: 'x' }),
      scored(3, { clientScore: 2, remark: 'y' }),
      EMPTY_CELL,
    ];
    for (const o of others) expect(fingerprint(o)).not.toBe(fingerprint(base));
  });
});

describe('sameValue and isAnswered', () => {
  it('compares state, score, client score and remark', () => {
    expect(sameValue(scored(3), scored(3))).toBe(true);
    expect(sameValue(scored(3), scored(3, { remark: ' ' }))).toBe(false);
    expect(sameValue(scored(3), scored(3, { clientScore: 3 }))).toBe(false);
    expect(sameValue({ ...EMPTY_CELL, state: 'nvt' }, { ...EMPTY_CELL, state: 'nb' })).toBe(false);
  });

  it('counts any choice as answered, except a score only taken over from the previous balance', () => {
    expect(isAnswered({ state: 'scored', prefilled: false })).toBe(true);
    expect(isAnswered({ state: 'nvt', prefilled: false })).toBe(true);
    expect(isAnswered({ state: 'nb', prefilled: false })).toBe(true);
    expect(isAnswered({ state: 'open', prefilled: false })).toBe(false);
    expect(isAnswered({ state: 'scored', prefilled: true })).toBe(false);
  });
});

describe('visibleScores and direction', () => {
  const cells = (entries: [string, CellValue][]) => new Map(entries);

  it('keeps only scored cells of domains in the layout', () => {
    const layout = balanceLayout(catalogue, [household, adult], { hideSensitive: true });
    const scores = visibleScores(
      layout,
      cells([
        ['h.verblijfplaats', scored(2)],
        ['h.schulden', { ...EMPTY_CELL, state: 'nvt' }],
        ['h.woonkwaliteit', scored(5)], // switched off
        ['m7.gezondheid', scored(1)], // sensitive, hidden
        ['m7.werk', scored(4)],
      ]),
    );
    expect([...scores]).toEqual([
      ['h.verblijfplaats', 2],
      ['m7.werk', 4],
    ]);
  });

  it('says better when more went up than down, worse for the reverse, same otherwise', () => {
    const before = new Map([
      ['h.a', 2],
      ['h.b', 3],
      ['h.c', 4],
    ]);
    expect(
      direction(
        before,
        new Map([
          ['h.a', 3],
          ['h.b', 4],
          ['h.c', 1],
        ]),
      ),
    ).toEqual({ direction: 'better', up: 2, down: 1, compared: 3 });
    expect(
      direction(
        before,
        new Map([
          ['h.a', 1],
          ['h.b', 3],
        ]),
      ),
    ).toEqual({ direction: 'worse', up: 0, down: 1, compared: 2 });
    expect(
      direction(
        before,
        new Map([
          ['h.a', 3],
          ['h.c', 3],
        ]),
      ),
    ).toEqual({ direction: 'same', up: 1, down: 1, compared: 2 });
  });

  it('compares only cells scored in both balances', () => {
    expect(direction(new Map([['h.a', 1]]), new Map([['h.b', 5]]))).toEqual({ direction: 'same', up: 0, down: 0, compared: 0 });
  });
});

describe('progress and cellExists', () => {
  const stored = (v: CellValue, prefilled = false): StoredCell => ({ ...v, id: 1, prefilled, revision: 1, editorToken: '', updatedAt: 0, updatedByName: null });
  const layout = balanceLayout(catalogue, [household, adult]); // h: verblijfplaats, schulden; m7: gezondheid, werk

  it('counts every asked cell, the answered ones, and those taken over but not yet confirmed', () => {
    const cells = new Map([
      ['h.verblijfplaats', stored(scored(3))],
      ['h.schulden', stored(scored(2), true)],
      ['m7.werk', stored({ ...EMPTY_CELL, state: 'nvt' })],
      ['h.woonkwaliteit', stored(scored(5))], // switched off: not asked, not counted
    ]);
    expect(progress({ layout, cells })).toEqual({ answered: 2, total: 4, unconfirmed: 1 });
    expect(progress({ layout, cells: new Map() })).toEqual({ answered: 0, total: 4, unconfirmed: 0 });
  });

  it('knows a cell only for a subject and domain the balance asks', () => {
    expect(cellExists({ layout }, 'h', 'schulden')).toBe(true);
    expect(cellExists({ layout }, 'm7', 'schulden')).toBe(false);
    expect(cellExists({ layout }, 'h', 'woonkwaliteit')).toBe(false);
    expect(cellExists({ layout }, 'm9', 'werk')).toBe(false);
  });
});
