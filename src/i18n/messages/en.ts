import { balancesEn } from '../../balances/messages/en.js';
import { gpmiEn } from '../../gpmi/messages/en.js';
import { figuresEn } from '../../figures/messages/en.js';
import { overviewEn } from '../../overview/messages/en.js';
import { pdfEn } from '../../pdf/messages/en.js';
import { apiEn } from '../../api/messages/en.js';
import { ssoEn } from '../../sso/messages/en.js';
import { authEn } from '../../auth/messages/en.js';
import { householdsEn } from '../../households/messages/en.js';
import { catalogueEn } from '../../catalogue/messages/en.js';
import { adminEn } from '../../admin/messages/en.js';
import { clientVoiceEn } from '../../client-voice/messages/en.js';
import type { Messages } from './nl.js';

export const en: Messages = {
  meta: { lang: 'en', languageName: 'English' },
  app: { name: 'Social Balance', tagline: 'Seeing every life domain together' },
  layout: {
    skipLink: 'Skip to content',
    errorTitle: 'Error: ',
    mainNav: 'Main menu',
    footer: 'Social Balance — a tool for public social welfare centres',
    language: 'Language',
    signOut: 'Sign out',
    signedInAs: (name) => `Signed in as ${name}`,
    print: 'Print',
    successTitle: 'Success',
  },
  nav: {
    home: 'Home',
    caseload: 'My cases',
    catalogue: 'Catalogue',
    users: 'Users and teams',
    account: 'My account',
    audit: 'Audit log',
  },
  home: {
    title: 'Welcome',
    intro: 'With the Social Balance you map every life domain together with the client, choose what to work on together and follow the evolution.',
    signInCta: 'Sign in',
    yourRoles: 'Your roles',
    noRoles: 'You do not have a role in a team yet. Ask your administrator to add you to a team.',
  },
  roles: {
    admin: 'Administrator',
    lead: 'Team lead',
    worker: 'Social worker',
  },
  form: {
    errorSummaryTitle: 'Something went wrong. Please check these fields:',
    required: 'Please fill in this field.',
    save: 'Save',
    saved: (time) => `Saved at ${time}`,
    cancel: 'Cancel',
    optional: '(optional)',
    date: {
      format: 'Type day/month/year: dd/mm/yyyy.',
      between: (from, to) => `Between ${from} and ${to}.`,
      fromToday: (from) => `Between ${from} and today.`,
      notFuture: 'Not in the future.',
      notBefore: (from) => `Not before ${from}.`,
      onePerLine: 'One date per line.',
    },
  },
  errors: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist (any more), or you do not have access to it.',
    forbiddenTitle: 'No access',
    forbiddenBody: 'You do not have access to this page. Ask your administrator if you think this is wrong.',
    serverErrorTitle: 'Something went wrong',
    serverErrorBody: 'Something went wrong on our side. Please try again. If it keeps happening, give this code to your administrator:',
    tooLargeTitle: 'Too much data',
    tooLargeBody: 'What you sent is too large (over 1 MB). Nothing was saved.',
    badRequestTitle: 'Invalid request',
    badRequestBody: 'The data could not be read. Nothing was saved.',
    csrfTitle: 'Request refused',
    csrfBody: 'This request did not come from this website and was refused. Nothing was saved.',
    csrfAddress: (address) =>
      `Sociale Balans works at the address ${address}. Open it through that address (not another address or IP number), sign in there and try again.`,
    backHome: 'Back to the home page',
    network: 'Could not reach the server. What you typed is still on screen; please try again.',
    requestId: 'Error code',
  },
  auth: authEn,
  households: householdsEn,
  catalogue: catalogueEn,
  admin: adminEn,
  balances: balancesEn,
  gpmi: gpmiEn,
  figures: figuresEn,
  overview: overviewEn,
  pdf: pdfEn,
  clientVoice: clientVoiceEn,
  api: apiEn,
  sso: ssoEn,
};
