import type { AuditAction } from '../../audit/audit.js';
import type { ProblemType } from '../../http/problem-types.js';
import type { ApiScope } from '../scopes.js';

// Texts of the API: its problem documents (read by the integrator, so in the language the calling
// software asks for), its reference page, and the administrator's screens for API clients.
// Dutch (nl-BE) is the source: plain (B1), "je".

const problems: Record<ProblemType, { title: string; detail: string }> = {
  'not-found': { title: 'Niet gevonden', detail: 'Dit bestaat niet (meer), of deze koppeling heeft er geen toegang toe.' },
  forbidden: { title: 'Geen toegang', detail: 'Deze koppeling mag dit niet.' },
  'too-large': { title: 'Te veel gegevens', detail: 'De aanvraag is groter dan 1 MB. Er werd niets opgeslagen.' },
  'bad-request': { title: 'Ongeldige aanvraag', detail: 'De aanvraag kon niet gelezen worden. Er werd niets opgeslagen.' },
  'server-error': {
    title: 'Er ging iets mis',
    detail: 'Er ging aan onze kant iets mis. Probeer het later opnieuw; blijft het misgaan, geef dan de waarde van "instance" door aan de beheerder.',
  },
  'invalid-token': {
    title: 'Geen geldig toegangstoken',
    detail: 'Stuur een geldig toegangstoken mee als "Authorization: Bearer <token>". Een token is 15 minuten geldig; vraag een nieuw aan bij /api/oauth/token.',
  },
  'invalid-client': {
    title: 'Koppeling niet herkend',
    detail: 'De client_id of het geheim klopt niet, of de koppeling werd ingetrokken.',
  },
  'insufficient-scope': { title: 'Recht ontbreekt', detail: 'Deze koppeling heeft niet alle rechten (scopes) die deze vraag nodig heeft.' },
  'address-not-allowed': {
    title: 'Adres niet toegelaten',
    detail: 'Deze koppeling mag alleen vanaf de adressen die de beheerder opgaf. Dit adres hoort daar niet bij.',
  },
  'rate-limited': { title: 'Te veel aanvragen', detail: 'Deze koppeling deed te veel aanvragen in de laatste minuut. Wacht even (zie Retry-After).' },
  validation: { title: 'Ongeldige gegevens', detail: 'Sommige waarden kloppen niet. Zie "errors" voor wat er mis is. Er werd niets opgeslagen.' },
  'dossier-ref-in-use': {
    title: 'Dossiernummer al in gebruik',
    detail: 'Er is al een dossier met dit nummer, in een team waar deze koppeling geen toegang toe heeft. Er werd niets opgeslagen.',
  },
  'household-team-required': {
    title: 'Team ontbreekt',
    detail: 'Deze koppeling mag dossiers in meer dan één team maken: geef teamId mee. Er werd niets opgeslagen.',
  },
  'unsupported-grant-type': { title: 'Grant type niet ondersteund', detail: 'Alleen grant_type=client_credentials wordt ondersteund.' },
  'invalid-scope': { title: 'Ongeldige scope', detail: 'Vraag alleen scopes die deze koppeling heeft.' },
  'invalid-request': {
    title: 'Ongeldige tokenaanvraag',
    detail: 'Stuur client_id en client_secret één keer mee: met HTTP Basic of in het formulier, niet allebei.',
  },
  'unsupported-media-type': {
    title: 'Vorm niet ondersteund',
    detail: 'Stuur de inhoud als application/json (het token-adres: als formulier, application/x-www-form-urlencoded).',
  },
};

const scopes: Record<ApiScope, { label: string; hint: string }> = {
  'households:read': { label: 'Dossiers opzoeken en lezen', hint: 'Dossiernummer, team en de gezinsleden (naam, geboortejaar, rol).' },
  'households:write': { label: 'Dossiers maken', hint: 'Een nieuw dossier maken als het dossiernummer nog niet bestaat.' },
  'balances:read': { label: 'Metingen lezen', hint: 'De scores, de ankertekst bij elke score en de score van de cliënt.' },
  'remarks:read': { label: 'Opmerkingen lezen', hint: 'De opmerkingen bij scores, redenen van correcties en notities bij evaluaties.' },
  'sensitive:read': {
    label: 'Gevoelige levensdomeinen lezen',
    hint: 'Alleen als de instelling ‘gevoelige domeinen’ het hele team toelaat. Anders blijven ze weg, ook met dit recht.',
  },
  'gpmi:read': { label: 'GPMI lezen', hint: 'De versies van het GPMI, de afspraken en de evaluaties.' },
  'documents:read': {
    label: 'PDF’s downloaden',
    hint: 'De PDF van een meting en van een GPMI. Een PDF bevat de opmerkingen: vink dan ook ‘Opmerkingen lezen’ aan.',
  },
  'catalogue:read': { label: 'Catalogus lezen', hint: 'De gepubliceerde levensdomeinen met hun teksten.' },
  'figures:read': {
    label: 'Anonieme cijfers lezen',
    hint: 'De cijfers van de teams (verdelingen, bewegingen, GPMI-uitkomsten, inspectie), met de strengere drempel van een export. Geen namen, geen dossiers.',
  },
};

const auditActions = {
  'balance.list_viewed': 'Lijst van metingen opgevraagd',
  'gpmi.list_viewed': 'Lijst van GPMI’s opgevraagd',
  'api.token_issued': 'API: toegangstoken uitgereikt',
  'api.token_refused': 'API: toegangstoken geweigerd',
  'api.unauthorized': 'API: vraag zonder geldig token',
  'api.rate_limited': 'API: te veel aanvragen',
  'api.request': 'API: vraag beantwoord',
  'api_client.created': 'API-koppeling gemaakt',
  'api_client.updated': 'API-koppeling gewijzigd',
  'api_client.secret_rotated': 'Geheim van een API-koppeling vernieuwd',
  'api_client.revoked': 'API-koppeling ingetrokken',
} satisfies Partial<Record<AuditAction, string>>;

export const apiNl = {
  problems,
  insufficientScope: (missing: string) => `Deze vraag heeft de scope ${missing} nodig. De beheerder kan ze toekennen aan deze koppeling.`,
  tokenThrottled: (seconds: number) =>
    `Te veel mislukte aanvragen voor een toegangstoken vanaf dit adres. Probeer opnieuw over ${seconds} seconden (Retry-After).`,
  rateLimited: (limit: number, seconds: number) =>
    `Deze koppeling mag ${limit} aanvragen per minuut doen. Probeer opnieuw over ${seconds} seconden (Retry-After).`,
  validation: {
    invalid_type: 'heeft niet het verwachte type, of ontbreekt.',
    too_small: 'is te kort of te klein.',
    too_big: 'is te lang of te groot.',
    invalid_format: 'heeft niet de verwachte vorm.',
    invalid_value: 'is geen van de toegelaten waarden.',
    unrecognized_keys: 'is geen veld van deze aanvraag.',
    other: 'is ongeldig.',
    birthYearFuture: (year: number) => `ligt in de toekomst: gebruik ${year} of vroeger.`,
    cursor: 'is geen cursor van een vorige pagina (gebruik nextCursor zoals je hem kreeg).',
    period: 'is geen periode met cijfers: kies een jaar of kwartaal dat begonnen is en waarin balansen zijn afgenomen (2026, 2026-Q3).',
    teamOutsideClient: 'is geen team waarin deze koppeling dossiers mag maken.',
    membersRequired: 'is nodig om een nieuw dossier te maken: minstens één gezinslid.',
  },
  scopes,
  auditActions,
  audit: {
    apiClient: (name: string) => `API-koppeling ‘${name}’`,
    route: 'Aanvraag',
    targetTypes: { api_client: 'API-koppeling', catalogue_version: 'Catalogusversie' },
  },
  reference: {
    title: 'API — technische beschrijving',
    intro:
      'Met deze API haalt software van het OCMW (zoals het cliëntdossier) gegevens op uit de Sociale Balans. Deze pagina beschrijft elke aanvraag; de machineleesbare beschrijving (OpenAPI 3.1) staat op',
    contents: 'Inhoud',
    authentication: 'Aanmelden',
    authenticationIntro:
      'Een beheerder maakt een API-koppeling en geeft je een client_id en een geheim. Daarmee vraag je een toegangstoken aan (OAuth 2.0 client credentials), dat 15 minuten geldig is. Stuur het mee als "Authorization: Bearer <token>".',
    tokenUrl: 'Adres voor tokens',
    scopesTitle: 'Rechten (scopes)',
    scope: 'Scope',
    meaning: 'Betekenis',
    operations: 'Aanvragen',
    parameters: 'Parameters',
    parameter: 'Naam',
    where: 'Waar',
    type: 'Type',
    required: 'Verplicht',
    yes: 'ja',
    no: 'nee',
    description: 'Uitleg',
    requestBody: 'Inhoud van de aanvraag',
    responses: 'Antwoorden',
    status: 'Status',
    needsScopes: 'Nodige rechten',
    noScopes: 'Geen (openbaar)',
    schemas: 'Gegevensvormen',
    field: 'Veld',
    problemsTitle: 'Foutmeldingen',
    problemsIntro:
      'Een fout is een JSON-document volgens RFC 9457 (application/problem+json), in de taal die je vraagt met Accept-Language. Het veld "type" verwijst naar een van deze uitleggen.',
    conditional: 'Elk JSON-antwoord heeft een ETag. Stuur die terug als If-None-Match: is er niets veranderd, dan krijg je 304 zonder inhoud.',
    paging:
      'Lijsten komen in pagina’s: het antwoord heeft "nextCursor"; geef die mee als ?cursor= voor de volgende pagina. Is "nextCursor" null, dan is dit de laatste pagina.',
    audit: 'Elke aanvraag komt in het logboek van de organisatie, met de koppeling, de aanvraag, de ids en het resultaat.',
    oneOf: 'een van',
    nullable: 'of null',
    listOf: 'lijst van',
  },
  admin: {
    nav: 'API-koppelingen',
    title: 'API-koppelingen',
    intro:
      'Met een API-koppeling haalt software van het OCMW (zoals het cliëntdossier) gegevens op. Een koppeling krijgt alleen de rechten die je aanvinkt, en elke vraag komt in het logboek.',
    reference: 'Technische beschrijving van de API (voor de leverancier)',
    empty: 'Er zijn nog geen API-koppelingen.',
    name: 'Naam',
    nameHint: 'Bijvoorbeeld de naam van de software, zodat je de koppeling herkent in het logboek.',
    clientId: 'Client-id',
    scopes: 'Rechten',
    scopesHint: 'Vink alleen aan wat de software echt nodig heeft.',
    team: 'Team',
    allTeams: 'Alle teams',
    teamHint: 'Beperk de koppeling tot de dossiers van één team, of laat ze bij alle teams.',
    ipAllowList: 'Toegelaten adressen',
    ipAllowListHint: 'IP-adressen of reeksen (zoals 10.20.0.0/16), één per regel. Leeg: elk adres.',
    rateLimit: 'Aanvragen per minuut',
    rateLimitHint: (min: number, max: number) => `Hoeveel aanvragen de koppeling per minuut mag doen (${min} tot ${max}).`,
    status: 'Status',
    active: 'Actief',
    revoked: 'Ingetrokken',
    revokedOn: (date: string) => `Ingetrokken op ${date}`,
    lastToken: 'Laatste token',
    never: 'Nog nooit',
    created: 'Gemaakt',
    createdBy: (date: string, name: string) => `${date} door ${name}`,
    secretSetAt: 'Geheim gemaakt op',
    newTitle: 'Nieuwe koppeling',
    create: 'Koppeling maken',
    save: 'Wijzigingen opslaan',
    saved: 'De wijzigingen zijn opgeslagen.',
    details: (name: string) => `Koppeling ${name}`,
    backToList: 'Terug naar de API-koppelingen',
    editTitle: 'Gegevens en rechten',
    secretTitle: 'Geheim vernieuwen',
    secretIntro:
      'Maak een nieuw geheim als het oude uitgelekt kan zijn, of geregeld uit voorzorg. Het oude geheim en alle tokens ervan werken meteen niet meer.',
    rotate: 'Nieuw geheim maken',
    revokeTitle: 'Intrekken',
    revokeIntro: 'Een ingetrokken koppeling werkt nooit meer. Ze blijft in de lijst en in het logboek staan.',
    revoke: 'Koppeling intrekken',
    revokedNotice: 'Deze koppeling is ingetrokken. Ze kan niet meer gebruikt of gewijzigd worden.',
    revokedDone: 'De koppeling is ingetrokken.',
    createdTitle: 'Koppeling gemaakt',
    createdIntro: (name: string) => `De koppeling ${name} is gemaakt. Geef de client-id en het geheim aan de leverancier van de software.`,
    rotatedTitle: 'Nieuw geheim gemaakt',
    rotatedIntro: (name: string) => `De koppeling ${name} heeft een nieuw geheim. Het oude werkt niet meer.`,
    secret: 'Geheim (client_secret)',
    shownOnce: 'Het geheim wordt maar één keer getoond. Kopieer het nu en geef het veilig door. Ben je het kwijt? Maak dan een nieuw geheim.',
    tokenExample: 'Zo vraagt de software een toegangstoken aan:',
    conflict:
      'Iemand anders wijzigde deze koppeling terwijl jij ze aanpaste. Hieronder staat wat nu bewaard is; je eigen wijzigingen staan nog in het formulier. Sla opnieuw op om ze te bewaren.',
    errors: {
      nameRequired: 'Geef de koppeling een naam.',
      nameTooLong: (n: number) => `Gebruik hoogstens ${n} tekens.`,
      nameTaken: 'Er is al een actieve koppeling met deze naam. Kies een andere naam.',
      scopesNone: 'Vink minstens één recht aan.',
      scopesWriteNeedsRead: 'Wie dossiers mag maken, moet ze ook mogen opzoeken: vink ook ‘Dossiers opzoeken en lezen’ aan.',
      scopesDocumentsNeedRemarks: 'Een PDF bevat de opmerkingen: vink ook ‘Opmerkingen lezen’ aan, of laat ‘PDF’s downloaden’ uit.',
      scopeUnknown: 'Kies alleen rechten uit de lijst.',
      teamInvalid: 'Kies een team uit de lijst.',
      ipInvalid: (lines: string) => `Dit is geen IP-adres of reeks: ${lines}.`,
      ipTooMany: (n: number) => `Geef hoogstens ${n} adressen of reeksen.`,
      rateInvalid: (min: number, max: number) => `Geef een getal van ${min} tot ${max}.`,
    },
  },
};

export type ApiMessages = typeof apiNl;
