import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { makeTestApp, type TestApp } from '../support/app.js';
import * as fx from '../support/fixtures.js';
import { sendWeeklyDigests, isoWeek, digestDue } from '../../src/figures/digest.js';

// The weekly digest against a real SMTP server started here (smtp-server, the SMTP server library
// of the nodemailer project), not a mock transport: what arrives is what a mail server would get.

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let server: SMTPServer;
let port = 0;
const inbox: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A quoted-printable body as plain text. */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return body.replace(/=\r\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) =>
    Buffer.from(
      m
        .split('=')
        .filter(Boolean)
        .map((h) => parseInt(h, 16)),
    ).toString('utf8'),
  );
}

describe('the weekly digest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Sociale Balans <noreply@ocmw.test>' });
  });
  afterAll(() => t.close());

  it('sends each worker with something due one mail a week, with counts and a link only', async () => {
    const org = await t.organisation('OCMW Digest');
    const team = await t.team(org, 'Team Noord');
    const worker = await t.user(org, { email: 'wendy@ocmw.test', teams: [{ teamId: team, role: 'worker' }] });
    const idle = await t.user(org, { email: 'ivo@ocmw.test', teams: [{ teamId: team, role: 'worker' }] });
    const scope = await fx.scopeOf(t.db, worker);
    // Wendy's household: a balance long ago (a new one is overdue) and a living wage without GPMI.
    const h = await fx.household(t.db, t.now(), scope, {
      dossierRef: 'D-2026-0042',
      assignedUserId: worker,
      members: [{ firstName: 'Sara', lastName: 'Peeters', birthYear: 1985 }],
    });
    await fx.finalisedBalance(t.db, t.now(), scope, h.id, { takenOn: '2025-01-10', scores: { 'h.verblijfplaats': 2 } });
    await fx.livingWage(t.db, t.now(), scope, h.id, h.members[0]!, { grantedOn: '2026-11-01' });
    void idle;

    // Off by default: nothing is sent.
    expect(await sendWeeklyDigests(t.deps)).toBe(0);
    expect(inbox).toHaveLength(0);

    const admin = await t.user(org, { email: 'beheer@ocmw.test', isAdmin: true });
    await fx.figuresSettings(t.db, t.now(), await fx.scopeOf(t.db, admin), { weeklyDigest: true });
    expect(await sendWeeklyDigests(t.deps)).toBe(1);
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.to).toEqual(['wendy@ocmw.test']);
    expect(mail.from).toBe('noreply@ocmw.test');
    const text = bodyOf(mail.raw);
    expect(text).toContain('1 ding te laat');
    expect(text).toContain('http://localhost:3000/todo');
    // No client data: not the dossier number, not a name, not a date of theirs.
    for (const secret of ['D-2026-0042', 'Sara', 'Peeters', '2025', '01/11/2026']) expect(mail.raw).not.toContain(secret);
    // Ivo has nothing due: no mail for him.
    expect(inbox.some((m) => m.to.includes('ivo@ocmw.test'))).toBe(false);
    // The audit knows a digest went to Wendy (the user id only).
    const row = await t.db
      .selectFrom('audit_event')
      .select(['action', 'target_type', 'target_id'])
      .where('action', '=', 'digest.sent')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'digest.sent', target_type: 'user', target_id: String(worker) });

    // A second run in the same week (another process, a restart): nothing more.
    expect(await sendWeeklyDigests(t.deps)).toBe(0);
    expect(inbox).toHaveLength(1);
    // Next week: again.
    t.advance(7 * 86_400_000);
    expect(await sendWeeklyDigests(t.deps)).toBe(1);
    expect(inbox).toHaveLength(2);
  });

  it('knows the ISO week and when the digest is due', () => {
    expect(isoWeek('2026-12-07')).toBe('2026-W50');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    // Monday 7 December 2026, 05:00 UTC = 06:00 in Brussels: not yet; 06:30 UTC: yes.
    expect(digestDue(Date.UTC(2026, 11, 7, 5, 0))).toBe(false);
    expect(digestDue(Date.UTC(2026, 11, 7, 6, 30))).toBe(true);
    expect(digestDue(Date.UTC(2026, 11, 9, 1, 0))).toBe(true);
  });
});
