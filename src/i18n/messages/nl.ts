import { balancesNl } from '../../balances/messages/nl.js';
import { gpmiNl } from '../../gpmi/messages/nl.js';
import { figuresNl } from '../../figures/messages/nl.js';
import { overviewNl } from '../../overview/messages/nl.js';
import { pdfNl } from '../../pdf/messages/nl.js';
import { apiNl } from '../../api/messages/nl.js';
import { ssoNl } from '../../sso/messages/nl.js';
import { authNl } from '../../auth/messages/nl.js';
import { householdsNl } from '../../households/messages/nl.js';
import { catalogueNl } from '../../catalogue/messages/nl.js';
import { adminNl } from '../../admin/messages/nl.js';
import { clientVoiceNl } from '../../client-voice/messages/nl.js';
// Dutch (nl-BE) is the source language: every other catalogue must have exactly these keys
// (the type checker enforces it). Plain language, B1 level, "je" towards users.
export const nl = {
  meta: { lang: 'nl-BE', languageName: 'Nederlands' },
  app: { name: 'Sociale Balans', tagline: 'Samen zicht krijgen op alle levensdomeinen' },
  layout: {
    skipLink: 'Naar de inhoud',
    errorTitle: 'Fout: ',
    mainNav: 'Hoofdmenu',
    footer: 'Sociale Balans — een hulpmiddel voor OCMW’s',
    language: 'Taal',
    signOut: 'Afmelden',
    signedInAs: (name: string) => `Aangemeld als ${name}`,
    print: 'Afdrukken',
    successTitle: 'Gelukt',
  },
  nav: {
    home: 'Start',
    caseload: 'Mijn dossiers',
    catalogue: 'Catalogus',
    users: 'Gebruikers en teams',
    account: 'Mijn account',
    audit: 'Logboek',
  },
  home: {
    title: 'Welkom',
    intro: 'Met de Sociale Balans breng je samen met de cliënt alle levensdomeinen in beeld, kies je samen werkpunten en volg je de evolutie op.',
    signInCta: 'Aanmelden',
    yourRoles: 'Jouw rollen',
    noRoles: 'Je hebt nog geen rol in een team. Vraag je beheerder om je aan een team toe te voegen.',
  },
  roles: {
    admin: 'Beheerder',
    lead: 'Teamverantwoordelijke',
    worker: 'Maatschappelijk werker',
  },
  form: {
    errorSummaryTitle: 'Er ging iets mis. Kijk deze velden na:',
    required: 'Vul dit veld in.',
    save: 'Opslaan',
    saved: (time: string) => `Opgeslagen om ${time}`,
    cancel: 'Annuleren',
    optional: '(niet verplicht)',
    /** Every date a worker types: one field, day/month/year, with the allowed range said up front. */
    date: {
      format: 'Typ dag/maand/jaar: dd/mm/jjjj.',
      between: (from: string, to: string) => `Tussen ${from} en ${to}.`,
      fromToday: (from: string) => `Tussen ${from} en vandaag.`,
      notFuture: 'Niet in de toekomst.',
      notBefore: (from: string) => `Niet voor ${from}.`,
      onePerLine: 'Eén datum per regel.',
    },
  },
  errors: {
    notFoundTitle: 'Pagina niet gevonden',
    notFoundBody: 'Deze pagina bestaat niet (meer), of je hebt er geen toegang toe.',
    forbiddenTitle: 'Geen toegang',
    forbiddenBody: 'Je hebt geen toegang tot deze pagina. Vraag het aan je beheerder als je denkt dat dit niet klopt.',
    serverErrorTitle: 'Er ging iets mis',
    serverErrorBody: 'Er ging aan onze kant iets mis. Probeer het opnieuw. Blijft het misgaan? Geef dan deze code door aan je beheerder:',
    tooLargeTitle: 'Te veel gegevens',
    tooLargeBody: 'Wat je verstuurde is te groot (meer dan 1 MB). Er werd niets opgeslagen.',
    badRequestTitle: 'Ongeldige aanvraag',
    badRequestBody: 'De gegevens konden niet gelezen worden. Er werd niets opgeslagen.',
    csrfTitle: 'Aanvraag geweigerd',
    csrfBody: 'Deze aanvraag kwam niet van deze website en werd geweigerd. Er werd niets opgeslagen.',
    csrfAddress: (address: string) =>
      `Sociale Balans werkt op het adres ${address}. Open het via dat adres (niet via een ander adres of IP-nummer), meld je daar aan en probeer opnieuw.`,
    backHome: 'Terug naar de startpagina',
    network: 'De verbinding met de server lukte niet. Wat je typte staat nog op het scherm; probeer opnieuw.',
    requestId: 'Foutcode',
  },
  auth: authNl,
  households: householdsNl,
  catalogue: catalogueNl,
  admin: adminNl,
  balances: balancesNl,
  gpmi: gpmiNl,
  figures: figuresNl,
  overview: overviewNl,
  pdf: pdfNl,
  clientVoice: clientVoiceNl,
  api: apiNl,
  sso: ssoNl,
};
export type Messages = typeof nl;
