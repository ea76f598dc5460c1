import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkList,
  crowdedSubjects,
  dateWindow,
  defaultMoments,
  earliestRecordedOn,
  movement,
  nextMoment,
  parseLines,
  parseMoments,
  parsePlan,
  PLAN_MAX,
  type PlanRowInput,
} from '../../src/gpmi/logic.js';

import { parseSignature, parseTiming } from '../../src/gpmi/forms.js';
import { messagesFor } from '../../src/i18n/index.js';

const row = (subject: string, domainKey: string, v: Partial<PlanRowInput> = {}): PlanRowInput => ({
  subject,
  domainKey,
  werkpunt: false,
  priority: '',
  clientPriority: '',
  longTermGoal: '',
  shortTermGoal: '',
  targetScore: '',
  ...v,
});
const scored = (score: number) => () => ({ state: 'scored', score });

describe('parseLines', () => {
  it('turns a textarea into items: one per line, bullets and empty lines gone, CRLF understood', () => {
    expect(parseLines('- Je belt elke maandag.\r\n\r\n• Je gaat in op elk aanbod.\n  * Je komt langs  \n1. Eerste\n2) Tweede\n')).toEqual([
      'Je belt elke maandag.',
      'Je gaat in op elk aanbod.',
      'Je komt langs',
      'Eerste',
      'Tweede',
    ]);
    expect(parseLines('   \n\n')).toEqual([]);
    // A dash inside a sentence or a number without a dot stays.
    expect(parseLines('Het OCMW - samen met jou\n2026 wordt beter')).toEqual(['Het OCMW - samen met jou', '2026 wordt beter']);
  });

  it('limits lists', () => {
    expect(checkList(Array.from({ length: 21 }, () => 'x'))).toBe('tooManyItems');
    expect(checkList(['x'.repeat(501)])).toBe('itemTooLong');
    expect(checkList(['ok'])).toBeNull();
  });
});

describe('dates', () => {
  it('adds months without running into the next month', () => {
    expect(addMonths('2026-12-01', 3)).toBe('2027-03-01');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 12)).toBe('2027-11-30');
  });

  it('plans an evaluation every three months, at least one', () => {
    expect(defaultMoments('2026-12-01', 12)).toEqual(['2027-03-01', '2027-06-01', '2027-09-01', '2027-12-01']);
    expect(defaultMoments('2026-12-01', 2)).toEqual(['2027-02-01']);
  });

  it('finds the next moment and reads typed dates', () => {
    expect(nextMoment(['2027-06-01', '2027-03-01'], '2027-03-02')).toBe('2027-06-01');
    expect(nextMoment(['2027-03-01'], '2027-03-01')).toBe('2027-03-01');
    expect(nextMoment(['2027-03-01'], '2028-01-01')).toBeNull();
    expect(parseMoments('01/06/2027\n2027-03-01\n1/6/2027')).toEqual({ days: ['2027-03-01', '2027-06-01'] });
    expect(parseMoments('31/02/2027')).toEqual({ bad: '31/02/2027' });
  });

  it('says whether a score moved', () => {
    expect(movement(1, 3)).toBe('better');
    expect(movement(3, 3)).toBe('same');
    expect(movement(4, 2)).toBe('worse');
    expect(movement(null, 2)).toBeNull();
  });
});

describe('parsePlan', () => {
  it('numbers werkpunten chosen without a priority after the ones that have one, per person', () => {
    const { rows, problems } = parsePlan(
      [row('h', 'a', { werkpunt: true }), row('h', 'b', { priority: '1' }), row('m1', 'c', { werkpunt: true }), row('h', 'd', { werkpunt: true })],
      scored(2),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.subject, r.domainKey, r.priority])).toEqual([
      ['h', 'a', 2],
      ['h', 'b', 1],
      ['m1', 'c', 1],
      ['h', 'd', 3],
    ]);
  });

  it("keeps the client's order apart from the werkpunten, and drops rows with neither", () => {
    const { rows } = parsePlan(
      [row('h', 'a', { clientPriority: '1' }), row('h', 'b'), row('h', 'c', { werkpunt: true, clientPriority: '2', longTermGoal: ' Doel ' })],
      scored(2),
    );
    expect(rows).toEqual([
      { subject: 'h', domainKey: 'a', priority: null, clientPriority: 1, longTermGoal: '', shortTermGoal: '', targetScore: null },
      { subject: 'h', domainKey: 'c', priority: 1, clientPriority: 2, longTermGoal: 'Doel', shortTermGoal: '', targetScore: null },
    ]);
  });

  it('refuses a target outside 1-5 or below the score now; equal is fine', () => {
    expect(parsePlan([row('h', 'a', { werkpunt: true, targetScore: '6' })], scored(2)).problems).toEqual([{ code: 'invalidTarget', key: 'h.a' }]);
    expect(parsePlan([row('h', 'a', { werkpunt: true, targetScore: '2.5' })], scored(2)).problems).toEqual([{ code: 'invalidTarget', key: 'h.a' }]);
    expect(parsePlan([row('h', 'a', { werkpunt: true, targetScore: '1' })], scored(2)).problems).toEqual([{ code: 'targetBelowScore', key: 'h.a' }]);
    expect(parsePlan([row('h', 'a', { werkpunt: true, targetScore: '2' })], scored(2)).problems).toEqual([]);
    // Not scored (not discussed): any target.
    expect(parsePlan([row('h', 'a', { werkpunt: true, targetScore: '1' })], () => ({ state: 'nb', score: null })).problems).toEqual([]);
  });

  it('refuses more than the maximum per person, doubled numbers, and "niet van toepassing"', () => {
    const many = Array.from({ length: PLAN_MAX + 1 }, (_, i) => row('m1', `d${i}`, { werkpunt: true }));
    expect(parsePlan(many, scored(2)).problems.map((p) => p.code)).toEqual(['tooMany']);
    expect(parsePlan([...many.slice(0, PLAN_MAX), row('h', 'x', { werkpunt: true })], scored(2)).problems).toEqual([]);
    expect(parsePlan([row('h', 'a', { priority: '2' }), row('h', 'b', { priority: '2' })], scored(2)).problems.map((p) => p.code)).toEqual([
      'duplicatePriority',
    ]);
    expect(parsePlan([row('h', 'a', { clientPriority: '1' }), row('h', 'b', { clientPriority: '1' })], scored(2)).problems.map((p) => p.code)).toEqual([
      'duplicateClientPriority',
    ]);
    expect(parsePlan([row('h', 'a', { werkpunt: true })], () => ({ state: 'nvt', score: null })).problems.map((p) => p.code)).toEqual(['notApplicable']);
    expect(parsePlan([row('h', 'a', { priority: '0' })], scored(2)).problems.map((p) => p.code)).toEqual(['invalidPriority']);
  });

  it('warns for a person above three werkpunten', () => {
    expect(
      crowdedSubjects([
        { subject: 'h', priority: 1 },
        { subject: 'h', priority: 2 },
        { subject: 'h', priority: 3 },
        { subject: 'h', priority: 4 },
        { subject: 'm1', priority: 1 },
        { subject: 'm1', priority: null },
      ]),
    ).toEqual(['h']);
  });
});

describe('plausible dates', () => {
  const nl = messagesFor('nl');
  const fr = messagesFor('fr');
  it('a start date lies between a year ago and five years ahead, unless the draft already had it', () => {
    expect(dateWindow('2026-11-22')).toEqual({ from: '2025-11-22', to: '2031-11-22' });
    expect(parseTiming(nl, '31/12/9999', '12', '', true, '2026-11-22').errors.start_on).toBe(
      'De startdatum ligt tussen 22/11/2025 en 22/11/2031: niet meer dan een jaar geleden en niet meer dan vijf jaar vooruit.',
    );
    expect(parseTiming(fr, '21/11/2025', '12', '', true, '2026-11-22').errors.start_on).toContain('entre le 22/11/2025 et le 22/11/2031');
    expect(parseTiming(nl, '22/11/2025', '12', '', true, '2026-11-22').value?.startOn).toBe('2025-11-22');
    expect(parseTiming(nl, '22/11/2031', '12', '', true, '2026-11-22').value?.startOn).toBe('2031-11-22');
    // A version made two years after the start keeps its start.
    expect(parseTiming(nl, '01/12/2024', '36', '01/12/2027', false, '2026-11-22', '2024-12-01').value?.startOn).toBe('2024-12-01');
    expect(parseTiming(nl, '01/11/2024', '36', '01/12/2027', false, '2026-11-22', '2024-12-01').errors.start_on).toBeDefined();
  });

  it('signing: not in the future, not more than a year before the start', () => {
    expect(earliestRecordedOn('2026-12-01')).toBe('2025-12-01');
    const sign = (signedOn: string) => parseSignature(nl, { signedOn, clientName: 'Sara' }, '2026-11-22', '2026-12-01');
    expect(sign('22/11/2026')).toEqual({ ok: true, value: { signedOn: '2026-11-22', clientName: 'Sara' } });
    expect(sign('01/12/2025').ok).toBe(true);
    expect(sign('30/11/2025')).toEqual({
      ok: false,
      errors: { signed_on: 'De datum van ondertekening ligt niet voor 01/12/2025 (een jaar voor de start van het GPMI).' },
    });
    expect(sign('23/11/2026')).toEqual({ ok: false, errors: { signed_on: 'Typ de datum van ondertekening, niet in de toekomst.' } });
    expect(sign('31/12/9999').ok).toBe(false);
  });
});
