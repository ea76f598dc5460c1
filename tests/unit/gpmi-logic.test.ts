import { describe, expect, it } from 'vitest';
import {
  addMonths,
  agreementSeeds,
  carriedOver,
  crowdedSubjects,
  dateWindow,
  defaultMoments,
  earliestRecordedOn,
  movement,
  nextMoment,
  parseLines,
  parseMoments,
  PLAN_MAX,
  type PlanRowInput,
} from '../../src/gpmi/logic.js';

import { parseDraft, parseEvaluation, parsePlan, parseSignature, parseTiming, parseVersionReason } from '../../src/gpmi/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
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
  const nl = messagesFor('nl').gpmi.errors;
  const fr = messagesFor('fr').gpmi.errors;
  const timing = (startOn: string, duration: string, moments: string, emptyAllowed: boolean, today: string, kept?: string) =>
    parseTiming({ startOn, duration, moments }, emptyAllowed, today, kept);
  it('a start date lies between a year ago and five years ahead, unless the draft already had it', () => {
    expect(dateWindow('2026-11-22')).toEqual({ from: '2025-11-22', to: '2031-11-22' });
    const far = timing('31/12/9999', '12', '', true, '2026-11-22').errors;
    expect(far).toEqual({ start_on: ['startOnRange', '22/11/2025', '22/11/2031'] });
    expect(sayAll(nl, far).start_on).toBe(
      'De startdatum ligt tussen 22/11/2025 en 22/11/2031: niet meer dan een jaar geleden en niet meer dan vijf jaar vooruit.',
    );
    expect(sayAll(fr, timing('21/11/2025', '12', '', true, '2026-11-22').errors).start_on).toContain('entre le 22/11/2025 et le 22/11/2031');
    expect(timing('22/11/2025', '12', '', true, '2026-11-22').value?.startOn).toBe('2025-11-22');
    expect(timing('22/11/2031', '12', '', true, '2026-11-22').value?.startOn).toBe('2031-11-22');
    // A version made two years after the start keeps its start.
    expect(timing('01/12/2024', '36', '01/12/2027', false, '2026-11-22', '2024-12-01').value?.startOn).toBe('2024-12-01');
    expect(timing('01/11/2024', '36', '01/12/2027', false, '2026-11-22', '2024-12-01').errors.start_on).toBeDefined();
  });

  it('duration and moments: each problem its own code, moments within the GPMI', () => {
    expect(timing('01/12/2026', '0', '', true, '2026-11-22').errors).toEqual({ duration: ['duration', 60] });
    expect(timing('01/12/2026', '12', '01/03/2027\nmorgen', true, '2026-11-22').errors).toEqual({ moments: ['moments', 'morgen'] });
    expect(timing('01/12/2026', '12', '', false, '2026-11-22').errors).toEqual({ moments: 'momentsNone' });
    expect(timing('01/12/2026', '3', '01/06/2027', true, '2026-11-22').errors).toEqual({ moments: 'momentsOutside' });
    expect(timing('01/12/2026', '12', '', true, '2026-11-22').value).toEqual({ startOn: '2026-12-01', durationMonths: 12, moments: null });
  });

  it('signing: not in the future, not more than a year before the start', () => {
    expect(earliestRecordedOn('2026-12-01')).toBe('2025-12-01');
    const sign = (signedOn: string) => parseSignature({ signedOn, clientName: 'Sara' }, '2026-11-22', '2026-12-01');
    expect(sign('22/11/2026')).toEqual({ ok: true, value: { signedOn: '2026-11-22', clientName: 'Sara' } });
    expect(sign('01/12/2025').ok).toBe(true);
    const early = sign('30/11/2025');
    expect(early).toEqual({ ok: false, errors: { signed_on: ['signedTooEarly', '01/12/2025'] } });
    expect(sayAll(nl, early.ok ? {} : early.errors)).toEqual({
      signed_on: 'De datum van ondertekening ligt niet voor 01/12/2025 (een jaar voor de start van het GPMI).',
    });
    const future = sign('23/11/2026');
    expect(future).toEqual({ ok: false, errors: { signed_on: 'signedOn' } });
    expect(sayAll(nl, future.ok ? {} : future.errors)).toEqual({ signed_on: 'Typ de datum van ondertekening, niet in de toekomst.' });
    expect(sign('31/12/9999').ok).toBe(false);
  });
});

describe('the draft and evaluation forms answer codes per field', () => {
  const agreement = { text: 'Een woning zoeken', lt: '', st: '', ts: '', due: '', status: 'lopend', client: '', ocmw: '', partners: '', remove: false };
  const draft = (a: Partial<typeof agreement>) => ({
    revision: 1,
    startOn: '01/12/2026',
    duration: '12',
    moments: '01/03/2027',
    agreements: new Map([[7, { ...agreement, ...a }]]),
    addDomain: '',
  });
  const parse = (a: Partial<typeof agreement>) =>
    parseDraft(
      draft(a),
      () => 3,
      () => false,
      '2026-11-22',
    );

  it('names the agreement and the field of each problem', () => {
    expect(parse({ text: ' ', ts: '2', due: '31/02/2027', status: 'x', client: Array.from({ length: 21 }, () => 'x').join('\n') })).toEqual({
      ok: false,
      errors: { 'a7-text': 'text', 'a7-client': 'tooManyItems', 'a7-ts': 'targetBelowScore', 'a7-due': 'due', 'a7-status': 'status' },
    });
    expect(parse({ due: '01/01/2040' })).toEqual({ ok: false, errors: { 'a7-due': ['dueRange', '22/11/2025', '22/11/2031'] } });
  });

  it('limits lists: at most 20 lines of at most 500 characters', () => {
    const lines = (n: number, line = 'x') => Array.from({ length: n }, () => line).join('\n');
    expect(parse({ client: lines(21) })).toEqual({ ok: false, errors: { 'a7-client': 'tooManyItems' } });
    expect(parse({ ocmw: 'x'.repeat(501) })).toEqual({ ok: false, errors: { 'a7-ocmw': 'itemTooLong' } });
    expect(parse({ partners: lines(20, 'x'.repeat(500)) }).ok).toBe(true);
  });

  it('a draft that is fine gives its values', () => {
    const r = parse({ client: '- Je belt\n\n- Je gaat', ts: '4', due: '01/03/2027' });
    expect(r.ok && r.values.agreements).toEqual([
      expect.objectContaining({ id: 7, text: 'Een woning zoeken', targetScore: 4, dueOn: '2027-03-01', status: 'lopend', client: ['Je belt', 'Je gaat'] }),
    ]);
  });

  it('an evaluation: the day, whether in person, then each agreement note and status', () => {
    const form = { heldOn: '23/11/2026', inPerson: '', items: new Map([[7, { note: 'x'.repeat(4001), status: '', shared: false }]]) };
    expect(parseEvaluation(form, [7], '2026-11-22', '2026-12-01')).toEqual({
      ok: false,
      errors: { held_on: 'heldOn', in_person: 'inPerson', 'e7-note': 'noteTooLong', 'e7-status': 'status' },
    });
    expect(
      parseEvaluation(
        { heldOn: '22/11/2026', inPerson: 'no', items: new Map([[7, { note: ' Goed ', status: 'bereikt', shared: true }]]) },
        [7],
        '2026-11-22',
        '2026-12-01',
      ),
    ).toEqual({
      ok: true,
      heldOn: '2026-11-22',
      inPerson: false,
      items: [{ agreementId: 7, note: 'Goed', status: 'bereikt', shared: true }],
    });
    // Only 'yes' and 'no' are answers: anything else is asked again.
    const odd = parseEvaluation({ heldOn: '22/11/2026', inPerson: 'maybe', items: new Map() }, [], '2026-11-22', '2026-12-01');
    expect(odd).toEqual({ ok: false, errors: { in_person: 'inPerson' } });
  });

  it('a new version needs a reason of at most 1000 characters', () => {
    expect(parseVersionReason('  \r\n')).toEqual({ ok: false, errors: { reason: 'reason' } });
    expect(parseVersionReason('x'.repeat(1001))).toEqual({ ok: false, errors: { reason: 'reasonTooLong' } });
    expect(parseVersionReason(' Na de evaluatie\r\nnieuw werk ')).toEqual({ ok: true, reason: 'Na de evaluatie\nnieuw werk' });
  });
});

describe('starting and re-opening a GPMI', () => {
  const balance = {
    subjects: [{ key: 'h' }, { key: 'm1' }, { key: 'm2' }],
    layout: ['h', 'm1', 'm2'].map((key) => ({ subject: { key }, themes: [{ domains: [{ key: 'a' }, { key: 'b' }] }] })),
  } as unknown as Parameters<typeof agreementSeeds>[0];
  const plan = new Map(
    (
      [
        ['h', 'a', 2],
        ['h', 'b', 1],
        ['m1', 'a', 1],
        ['m2', 'a', 1],
        ['m1', 'b', null],
      ] as const
    ).map(([subject, domainKey, priority]) => [
      `${subject}.${domainKey}`,
      { subject, domainKey, priority, clientPriority: null, longTermGoal: 'lang', shortTermGoal: priority === 2 ? '' : 'kort', targetScore: null },
    ]),
  );

  it("seeds one agreement per werkpunt: the person's own first, then the household's, in priority order", () => {
    expect(agreementSeeds(balance, plan, 1).map((s) => `${s.subject}.${s.domainKey}:${s.text}`)).toEqual(['m1.a:kort', 'h.b:kort', 'h.a:lang']);
    expect(agreementSeeds(balance, plan, null).map((s) => `${s.subject}.${s.domainKey}`)).toEqual(['h.b', 'h.a', 'm1.a', 'm2.a']);
  });

  it('carries an evaluation typed on an older version to the same domains of the new one, and hands back the rest', () => {
    const before = [
      { id: 1, subject: 'm1', domainKey: 'a' },
      { id: 2, subject: 'h', domainKey: 'b' },
    ];
    const now = [{ id: 11, subject: 'm1', domainKey: 'a' }];
    const items = new Map([
      [1, { note: 'Lukt', status: 'bereikt' }],
      [2, { note: 'Weg', status: 'lopend' }],
      [9, { note: 'Onbekend', status: 'lopend' }],
    ]);
    expect(carriedOver(items, before, now)).toEqual({
      items: new Map([[11, { note: 'Lukt', status: 'bereikt' }]]),
      leftOver: [{ subject: 'h', domainKey: 'b', note: 'Weg' }],
    });
  });
});
