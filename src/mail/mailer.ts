import nodemailer from 'nodemailer';
import type { AppDeps } from '../http/env.js';
import type { Locale } from '../i18n/index.js';

/**
 * E-mail is optional: OCMW servers often may not send mail. Without SMTP_URL the administrator
 * hands over the one-time link shown on screen instead. Mails carry only the link, no client data.
 */
export interface MailRequest {
  to: string;
  kind: 'invitation' | 'reset';
  link: string;
  locale: Locale;
}

const texts: Record<Locale, Record<MailRequest['kind'], { subject: string; body: (link: string) => string }>> = {
  nl: {
    invitation: {
      subject: 'Je account voor Sociale Balans',
      body: (l) =>
        `Hallo,\n\nEr is een account voor je aangemaakt in Sociale Balans. Kies je wachtwoord via deze link (24 uur geldig, werkt één keer):\n\n${l}\n`,
    },
    reset: {
      subject: 'Nieuw wachtwoord voor Sociale Balans',
      body: (l) =>
        `Hallo,\n\nKies een nieuw wachtwoord via deze link (1 uur geldig, werkt één keer):\n\n${l}\n\nHeb je dit niet gevraagd? Dan hoef je niets te doen.\n`,
    },
  },
  fr: {
    invitation: {
      subject: 'Votre compte Bilan social',
      body: (l) => `Bonjour,\n\nUn compte a été créé pour vous. Choisissez votre mot de passe via ce lien (valable 24 heures, une seule fois) :\n\n${l}\n`,
    },
    reset: {
      subject: 'Nouveau mot de passe pour Bilan social',
      body: (l) =>
        `Bonjour,\n\nChoisissez un nouveau mot de passe via ce lien (valable 1 heure, une seule fois) :\n\n${l}\n\nVous n’avez rien demandé ? Vous ne devez rien faire.\n`,
    },
  },
  en: {
    invitation: {
      subject: 'Your Sociale Balans account',
      body: (l) => `Hello,\n\nAn account has been created for you. Choose your password with this link (valid 24 hours, works once):\n\n${l}\n`,
    },
    reset: {
      subject: 'New password for Sociale Balans',
      body: (l) =>
        `Hello,\n\nChoose a new password with this link (valid 1 hour, works once):\n\n${l}\n\nDid not ask for this? Then you need not do anything.\n`,
    },
  },
};

let transport: nodemailer.Transporter | null = null;

/** Sends the mail; returns false (and logs without the address) when sending failed. */
export async function sendMail(deps: Pick<AppDeps, 'config' | 'logger'>, m: MailRequest): Promise<boolean> {
  if (!deps.config.smtpUrl) return false;
  transport ??= nodemailer.createTransport(deps.config.smtpUrl);
  const text = texts[m.locale][m.kind];
  try {
    await transport.sendMail({ from: deps.config.mailFrom ?? 'Sociale Balans <noreply@localhost>', to: m.to, subject: text.subject, text: text.body(m.link) });
    return true;
  } catch (error) {
    deps.logger.warn('mail not sent', { kind: m.kind, error: error instanceof Error ? error.name : 'unknown' });
    return false;
  }
}
