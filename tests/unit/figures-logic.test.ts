import { describe, expect, it } from 'vitest';
import {
  checkEvaluations,
  choosablePeriods,
  csvField,
  gpmiDueOn,
  neutralise,
  parseLivingWage,
  parsePeriod,
  periodRange,
  toCsv,
  wholeMonths,
} from '../../src/figures/logic.js';
import { inspectionFacts, type GpmiFacts, type GrantFacts } from '../../src/figures/counting.js';

describe('fixed periods', () => {
  it('reads years and quarters, nothing else', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    for (const bad of ['2026-Q5', '2026-07', '26', '', 'Q1-2026', '2026-Q1 ']) expect(parsePeriod(bad)).toBeNull();
  });
  it('knows the days of a period', () => {
    expect(periodRange({ kind: 'quarter', year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodRange({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange({ kind: 'year', year: 2026 })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('offers every year with data up to today, each with its quarters up to today', () => {
    expect(choosablePeriods(2025, '2026-05-10').map((p) => (p.kind === 'year' ? `${p.year}` : `${p.year}-Q${p.quarter}`))).toEqual([
      '2026',
      '2026-Q2',
      '2026-Q1',
      '2025',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
  });
});

describe('the GPMI timeline the inspection checks', () => {
  it('counts whole months', () => {
    expect(wholeMonths('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonths('2026-01-15', '2026-04-14')).toBe(2);
    expect(wholeMonths('2026-01-15', '2026-04-15')).toBe(3);
  });

  it('asks pro rata in the first year: after 8 months 2 evaluations, 1 in person', () => {
    const signed = '2026-01-10';
    const r = checkEvaluations(
      signed,
      [
        { heldOn: '2026-04-01', inPerson: true },
        { heldOn: '2026-08-01', inPerson: false },
      ],
      '2026-09-15',
    );
    expect(r).toMatchObject({ expected: 2, expectedInPerson: 1, count: 2, inPerson: 1, compliant: true });
    expect(r.nextDue).toBe('2026-12-01');
  });

  it('counts the 12 months before the day from the first anniversary on: 3, of which 2 in person', () => {
    const signed = '2025-01-10';
    const evals = [
      { heldOn: '2025-03-01', inPerson: true },
      { heldOn: '2025-07-01', inPerson: true },
      { heldOn: '2025-11-01', inPerson: true },
      { heldOn: '2026-02-01', inPerson: false },
      { heldOn: '2026-05-01', inPerson: true },
    ];
    // On 2026-06-01 the window is 2025-06-01 .. 2026-06-01: four evaluations, three in person.
    expect(checkEvaluations(signed, evals, '2026-06-01')).toMatchObject({ expected: 3, count: 4, inPerson: 3, compliant: true });
    // On 2026-12-01: 2026-02-01 and 2026-05-01 only: too few, and one in person.
    expect(checkEvaluations(signed, evals, '2026-12-01')).toMatchObject({ count: 2, inPerson: 1, compliant: false });
  });

  it('never counts an evaluation of unknown kind (recorded before it was asked) as in person', () => {
    const r = checkEvaluations(
      '2026-01-01',
      [
        { heldOn: '2026-04-01', inPerson: null },
        { heldOn: '2026-07-15', inPerson: null },
      ],
      '2026-08-01',
    );
    expect(r).toMatchObject({ count: 2, inPerson: 0, expectedInPerson: 1, compliant: false, inPersonNeeded: true });
  });

  it('puts the next evaluation at most 4 months after the previous one, or after signing', () => {
    expect(checkEvaluations('2026-01-31', [], '2026-02-01').nextDue).toBe('2026-05-31');
    expect(checkEvaluations('2026-01-31', [{ heldOn: '2026-10-31', inPerson: true }], '2026-11-01').nextDue).toBe('2027-02-28');
  });

  const grant = (over: Partial<GrantFacts> = {}): GrantFacts => ({ memberId: 7, householdId: 1, grantedOn: '2026-01-15', exemption: null, ...over });
  const gpmi = (over: Partial<GpmiFacts> = {}): GpmiFacts => ({
    id: 1,
    householdId: 1,
    memberId: 7,
    signedOn: '2026-03-01',
    endsOn: '2027-03-01',
    sourceTakenOn: '2026-02-20',
    agreements: [],
    evaluations: [],
    ...over,
  });

  it('places a beneficiary in the inspection rows', () => {
    expect([...inspectionFacts(grant({ exemption: 'health' }), [], [], '2026-12-01')].sort()).toEqual(['exemptHealth', 'granted']);
    expect([...inspectionFacts(grant(), [], [], '2026-03-01')].sort()).toEqual(['granted', 'notExempt', 'notSignedNotYetDue']);
    expect([...inspectionFacts(grant(), [], [], '2026-04-16')].sort()).toEqual(['granted', 'notExempt', 'notSignedOverdue']);
    // Signed within 3 months (by 15 April), a balance before it, evaluations on track on 1 June (4 months: 1 expected, 0 in person).
    const ok = inspectionFacts(grant(), [gpmi({ evaluations: [{ heldOn: '2026-05-01', inPerson: true }] })], ['2026-02-20'], '2026-07-01');
    expect([...ok].sort()).toEqual(['balanceBefore', 'evaluationsOk', 'granted', 'notExempt', 'signedInTime', 'withGpmi']);
    const late = inspectionFacts(grant(), [gpmi({ signedOn: '2026-05-01' })], [], '2026-05-02');
    expect(late.has('signedLate') && late.has('noBalanceBefore')).toBe(true);
  });

  it('counts only a GPMI for this named person (not a household GPMI, not the partner’s)', () => {
    const facts = inspectionFacts(grant(), [gpmi({ memberId: null }), gpmi({ id: 2, memberId: 8 })], ['2026-02-20'], '2026-06-01');
    expect(facts.has('notSignedOverdue')).toBe(true);
    expect(facts.has('withGpmi')).toBe(false);
  });

  it('a GPMI is due 3 months after the grant', () => {
    expect(gpmiDueOn('2026-11-30')).toBe('2027-02-28');
  });
});

describe('the living-wage form', () => {
  const today = '2026-11-22';
  it('accepts a day and an exemption', () => {
    expect(parseLivingWage({ grantedOn: '15/10/2026', exemption: '' }, today)).toEqual({ ok: true, grantedOn: '2026-10-15', exemption: null });
    expect(parseLivingWage({ grantedOn: '2026-10-15', exemption: 'equity' }, today)).toEqual({ ok: true, grantedOn: '2026-10-15', exemption: 'equity' });
  });
  it('refuses each bad field with its own code', () => {
    expect(parseLivingWage({ grantedOn: '', exemption: '' }, today)).toEqual({ ok: false, errors: { granted_on: 'grantedOnMissing' } });
    expect(parseLivingWage({ grantedOn: '31/02/2026', exemption: '' }, today)).toEqual({ ok: false, errors: { granted_on: 'grantedOnInvalid' } });
    expect(parseLivingWage({ grantedOn: '23/11/2026', exemption: '' }, today)).toEqual({ ok: false, errors: { granted_on: 'grantedOnFuture' } });
    expect(parseLivingWage({ grantedOn: '01/01/1999', exemption: '' }, today)).toEqual({ ok: false, errors: { granted_on: 'grantedOnTooEarly' } });
    expect(parseLivingWage({ grantedOn: '01/01/2026', exemption: 'sick' }, today)).toEqual({ ok: false, errors: { exemption: 'exemptionInvalid' } });
  });
});

describe('exports', () => {
  it('neutralises text a spreadsheet would run as a formula; numbers stay numbers', () => {
    for (const s of ['=1+1', '+32 470', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('Team Noord')).toBe('Team Noord');
    expect(neutralise(-2)).toBe(-2);
    expect(csvField('=HYPERLINK("http://x";"y")')).toBe(`"'=HYPERLINK(""http://x"";""y"")"`);
  });
  it('writes semicolon-separated CSV with a UTF-8 byte-order mark and CRLF', () => {
    expect(
      toCsv([
        ['Domein', 'Score 1'],
        ['Verblijfplaats', 12],
        ['Geld; schulden', '< 5'],
      ]),
    ).toBe('\uFEFFDomein;Score 1\r\nVerblijfplaats;12\r\n"Geld; schulden";< 5\r\n');
  });
});
