import type { AuditAction } from '../../audit/audit.js';
import type { SsoRefusal } from '../logic.js';

// Texts of single sign-on: the sign-in page's button and what follows, and the administrator's
// screen. Dutch (nl-BE) is the source: plain (B1), "je".

const refusals: Record<SsoRefusal, string> = {
  state: 'Deze aanmelding duurde te lang, werd al gebruikt, of kwam niet uit deze browser. Begin opnieuw.',
  providerError: 'De aanmeldpagina van je organisatie meldde een fout of je brak het aanmelden af. Begin opnieuw.',
  unreachable: 'De aanmeldpagina van je organisatie antwoordt nu niet. Probeer het over enkele minuten opnieuw.',
  response:
    'Het antwoord van de aanmeldpagina van je organisatie klopte niet, dus werd je niet aangemeld. Begin opnieuw; lukt het niet, meld het dan aan je beheerder.',
  noSubject: 'Je organisatie gaf niet door wie je bent. Meld het aan je beheerder.',
  noEmail: 'Je organisatie gaf geen (bevestigd) e-mailadres door. Meld het aan je beheerder.',
  domain: 'Je e-mailadres hoort niet bij de domeinen van je organisatie in Sociale Balans. Meld het aan je beheerder.',
  unknownUser: 'Er is nog geen account voor dit e-mailadres. Vraag je beheerder om je uit te nodigen.',
  alreadyLinked: 'Het account met dit e-mailadres is al gekoppeld aan een ander account van je organisatie. Meld het aan je beheerder.',
  signInFirst:
    'Dit account heeft al een eigen wachtwoord. Meld je één keer aan met je wachtwoord (en je tweestapscode) en koppel dan op de pagina Mijn account de aanmelding via je organisatie.',
  otherOrganisation: 'Dit e-mailadres hoort bij een andere organisatie in Sociale Balans. Meld het aan je beheerder.',
  disabled: 'Je account is uitgeschakeld. Vraag je beheerder om het weer in te schakelen.',
};

const auditActions = {
  'sso.configured': 'Aanmelden via de organisatie ingesteld',
  'sso.removed': 'Aanmelden via de organisatie uitgezet',
  'sso.mfa_enforcement_recorded': 'Vastgelegd: de identiteitsprovider vraagt altijd een tweede stap',
  'sso.mfa_enforcement_withdrawn': 'Niet langer vastgelegd dat de identiteitsprovider een tweede stap vraagt',
  'sso.password_signin_changed': 'Aanmelden met wachtwoord aan- of uitgezet',
  'sso.identity_linked': 'Account gekoppeld aan de identiteitsprovider',
  'signin.sso_success': 'Aangemeld via de organisatie',
  'signin.sso_refused': 'Aanmelden via de organisatie geweigerd',
  'user.created_by_sso': 'Account gemaakt bij de eerste aanmelding via de organisatie',
} satisfies Partial<Record<AuditAction, string>>;

const formErrors = {
  issuerInvalid: 'Geef het adres van de identiteitsprovider, dat begint met https://, zonder ? of #.',
  issuerUnreachable: 'De identiteitsprovider antwoordt niet op dit adres (op /.well-known/openid-configuration). Kijk het adres na.',
  issuerMismatch:
    'Op dit adres staat een identiteitsprovider die een ander adres als zijn eigen opgeeft. Gebruik het adres dat de provider zelf noemt (issuer).',
  clientIdRequired: 'Geef de client-id die de identiteitsprovider aan Sociale Balans gaf.',
  tooLong: 'Dit is te lang.',
  clientSecretRequired: 'Geef het geheim (client secret) dat de identiteitsprovider aan Sociale Balans gaf.',
  domainsRequired: 'Geef minstens één e-maildomein, zoals ocmw-voorbeeld.be.',
  domainsInvalid: (domains: string) => `Dit is geen e-maildomein: ${domains}.`,
  domainsTooMany: (n: number) => `Geef hoogstens ${n} domeinen.`,
  domainsTaken: (domains: string) => `Deze domeinen horen al bij een andere organisatie: ${domains}.`,
  passwordOffNeedsOwnSignIn:
    'Meld je eerst zelf eens aan via je organisatie, zodat je niet buitengesloten raakt. Daarna kan je aanmelden met wachtwoord uitzetten.',
};

export const ssoNl = {
  account: {
    title: 'Aanmelden via je organisatie',
    linked: 'Je account is gekoppeld: je kunt je aanmelden met het account van je organisatie.',
    explain: 'Koppel je account één keer aan de aanmelding van je organisatie. Daarna kun je je ook zo aanmelden.',
    link: 'Koppelen',
  },
  signin: {
    button: 'Aanmelden met het account van je organisatie',
    hint: 'Werkt je organisatie met één account voor alles? Vul dan je e-mailadres in en kies deze knop.',
    noProvider: 'Voor dit e-mailadres is aanmelden via je organisatie niet ingesteld. Meld je aan met je wachtwoord.',
    continueTitle: 'Naar de aanmeldpagina van je organisatie',
    continueIntro: 'Je meldt je aan op de aanmeldpagina van je organisatie. Daarna kom je vanzelf hier terug.',
    continueLink: 'Verder naar de aanmeldpagina',
    refusedTitle: 'Aanmelden via je organisatie lukte niet',
    refusals,
    backToSignIn: 'Terug naar aanmelden',
    passwordLinkOff:
      'Je organisatie meldt aan met haar eigen account, niet met een wachtwoord. Ga naar aanmelden en kies ‘Aanmelden met het account van je organisatie’.',
  },
  auditActions,
  auditTargetTypes: { sso_refusal: 'Reden' },
  admin: {
    nav: 'Aanmelden via organisatie',
    title: 'Aanmelden via je organisatie',
    intro:
      'Met single sign-on melden medewerkers zich aan met het account van de gemeente of het OCMW (bijvoorbeeld Microsoft Entra ID), via OpenID Connect. Een nieuw account koppelt zich één keer via het e-mailadres aan de identiteitsprovider; daarna herkent Sociale Balans de persoon aan de provider, niet meer aan het e-mailadres.',
    redirectUri: 'Terugkeeradres (redirect URI) om bij de identiteitsprovider in te vullen',
    issuer: 'Adres van de identiteitsprovider (issuer)',
    issuerHint: 'Bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0',
    clientId: 'Client-id',
    clientSecret: 'Geheim (client secret)',
    clientSecretKeep: 'Laat leeg om het bewaarde geheim te houden.',
    domains: 'E-maildomeinen',
    domainsHint: 'De domeinen van de e-mailadressen van je medewerkers, één per regel. Het aanmeldscherm herkent je organisatie hieraan.',
    autoCreate: 'Een account maken voor wie nog geen account heeft',
    autoCreateHint: 'Alleen voor e-mailadressen op de domeinen hierboven. Het nieuwe account krijgt geen enkele rol: een beheerder kent die toe.',
    mfaEnforced: 'De identiteitsprovider vraagt altijd een tweede stap (MFA)',
    mfaEnforcedHint:
      'Vink dit alleen aan als dat zo ingesteld is bij de provider. Dan vraagt Sociale Balans geen eigen tweestapsverificatie meer. Zegt de provider zelf dat hij een tweede stap vroeg, dan is dit niet nodig.',
    passwordSignIn: 'Aanmelden met wachtwoord toestaan',
    passwordSignInHint:
      'Zet je dit uit, dan kunnen je medewerkers zich alleen nog via de organisatie aanmelden. De serverbeheerder kan het altijd weer aanzetten.',
    submit: 'Opslaan',
    saved: 'De instellingen zijn opgeslagen.',
    linked: (n: number) => `Gekoppelde accounts: ${n}`,
    removeTitle: 'Uitzetten',
    removeIntro: 'Zet aanmelden via de organisatie uit. Iedereen meldt zich dan weer aan met een wachtwoord.',
    remove: 'Aanmelden via de organisatie uitzetten',
    removed: 'Aanmelden via de organisatie staat uit.',
    conflict: 'Iemand anders wijzigde deze instellingen terwijl jij ze aanpaste. Je wijzigingen staan nog in het formulier; sla opnieuw op om ze te bewaren.',
    errors: formErrors,
  },
};

export type SsoMessages = typeof ssoNl;
