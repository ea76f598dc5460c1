import { acrossOrganisations, inOrganisation } from '../db/organisation-scope.js';
import nodemailer from 'nodemailer';
import type { AppDeps } from '../http/env.js';
import { audit } from '../audit/audit.js';
import { todayIso } from '../households/logic.js';
import { scopeOfUser } from '../auth/scope.js';
import { loadCurrentUser } from '../auth/sessions.js';
import { messagesFor } from '../i18n/index.js';
import { claimDigest, digestRecipients, figuresSettings, todoItems } from './queries.js';

// The optional weekly e-mail digest (issue 15): per worker, how many things in their own case files
// are late and how many are due in the coming 7 days, and a link to "Te doen". Counts and a link
// only: no names, dossier numbers or other client data ever go into a mail. Sent when SMTP is
// configured and the organisation switched it on; once per worker per ISO week, however many
// processes run (the claim in digest_sent decides), from Monday 07:00 (Belgian time) on.

/** ISO 8601 week of a calendar day: "2026-W50". */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const brusselsHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', hourCycle: 'h23', weekday: 'short' });

/** Monday from 07:00 on, or any later day of the week (a server that was down on Monday catches up). */
export function digestDue(now: number): boolean {
  const parts = Object.fromEntries(brusselsHour.formatToParts(new Date(now)).map((p) => [p.type, p.value]));
  return parts.weekday !== 'Mon' || Number(parts.hour) >= 7;
}

/** Sends this week's digests that are not sent yet; returns how many went out. */
export async function sendWeeklyDigests(deps: Pick<AppDeps, 'db' | 'config' | 'logger' | 'now'>): Promise<number> {
  const { db, config, logger } = deps;
  if (!config.smtpUrl) return 0;
  const now = deps.now();
  const today = todayIso(now);
  const week = isoWeek(today);
  const inAWeek = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const transport = nodemailer.createTransport(config.smtpUrl);
  let sent = 0;
  try {
    // Who gets one is found across organisations; each digest is made in its worker's organisation.
    for (const r of await acrossOrganisations('digest', () => digestRecipients(db))) {
      sent += await inOrganisation(r.organisationId, async () => {
        const user = await loadCurrentUser(db, r.userId);
        if (!user || !user.memberships.length) return 0;
        const scope = scopeOfUser(user);
        const settings = await figuresSettings(db, scope);
        if (!settings.weeklyDigest) return 0;
        const items = await todoItems(db, scope, { whose: 'mine', kind: 'all' }, today, settings);
        const counts = { overdue: items.filter((i) => i.overdue).length, week: items.filter((i) => !i.overdue && i.dueOn <= inAWeek).length };
        if (!counts.overdue && !counts.week) return 0;
        // Claimed before sending: a second process (or a second run) finds the row and sends nothing.
        if (!(await claimDigest(db, r.userId, week, now))) return 0;
        const t = messagesFor(user.locale).figures.digest;
        let mailed = 0;
        try {
          await transport.sendMail({
            from: config.mailFrom ?? 'Sociale Balans <noreply@localhost>',
            to: r.email,
            subject: t.subject,
            text: t.body(counts, `${config.publicOrigin}/todo`),
          });
          mailed = 1;
          await audit(db, now, { organisationId: user.organisationId, actorUserId: null, action: 'digest.sent', targetType: 'user', targetId: r.userId });
        } catch (error) {
          logger.warn('digest not sent', { error: error instanceof Error ? error.name : 'unknown' });
        }
        return mailed;
      });
    }
  } finally {
    transport.close();
  }
  return sent;
}

/** Checks every hour whether this week's digests are due; only with SMTP configured. */
export function startDigestTimer(deps: Pick<AppDeps, 'db' | 'config' | 'logger' | 'now'>): () => void {
  if (!deps.config.smtpUrl) return () => {};
  const tick = () => {
    if (!digestDue(deps.now())) return;
    sendWeeklyDigests(deps).catch((error) => deps.logger.warn('digest run failed', { error: error instanceof Error ? error.name : 'unknown' }));
  };
  const timer = setInterval(tick, 3_600_000);
  timer.unref();
  setTimeout(tick, 60_000).unref();
  return () => clearInterval(timer);
}
