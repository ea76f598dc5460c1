// The client view's own words (buttons, progress, messages, errors), in Dutch: the source every
// translation is made from, and what a client sees where a translation is missing. Plain Dutch
// (B1), short sentences, "je". Placeholders in braces ({count}) are filled in by the view; a
// translation must keep exactly the same ones (the PO import checks). Texts with a count have a
// form per plural category (CLDR: zero, one, two, few, many, other); Dutch needs one and other.
//
// These are client texts, not worker texts: they are data in the same exchange format as the
// catalogue's client texts (PO), with a review status, and an organisation can replace them.

export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export const clientWordsNl = {
  skipLink: 'Naar de vragen',
  appTitle: 'Hoe gaat het met jou?',
  hello: 'Hallo {name}',
  languageTitle: 'Kies je taal',
  languageHelp: 'In welke taal wil je de vragen lezen? Je kunt de vragen altijd ook in het Nederlands zien.',
  continue: 'Verder',
  introTitle: 'Jouw eigen antwoorden',
  intro:
    'Je krijgt vragen over je leven, één vraag per keer. Kies bij elke vraag wat het best past bij jou. Er zijn geen foute antwoorden. Je maatschappelijk werker bekijkt je antwoorden samen met jou.',
  start: 'Begin',
  progress: 'Vraag {current} van {total}',
  aboutHousehold: 'Over jullie gezin',
  aboutYou: 'Over jou',
  chooseLegend: 'Wat past het best bij jou?',
  ratherNot: 'Ik zeg het liever niet',
  remarkLabel: 'Wil je nog iets zeggen? Dat mag, maar het hoeft niet.',
  remarkHint: 'Hoogstens {max} tekens.',
  next: 'Volgende',
  previous: 'Vorige',
  skip: 'Sla deze vraag over',
  showDutch: 'Toon ook in het Nederlands',
  hideDutch: 'Verberg het Nederlands',
  inDutch: 'In het Nederlands',
  notTranslated: 'Deze tekst is nog niet vertaald. Je ziet hem in het Nederlands.',
  toReview: 'Naar het overzicht',
  reviewTitle: 'Kijk je antwoorden na',
  answered: { one: 'Je hebt {count} vraag beantwoord.', other: 'Je hebt {count} vragen beantwoord.' } as PluralText,
  skipped: { one: 'Je hebt {count} vraag overgeslagen.', other: 'Je hebt {count} vragen overgeslagen.' } as PluralText,
  notAnswered: 'Overgeslagen',
  declined: 'Je zei het liever niet.',
  change: 'Wijzig',
  send: 'Stuur naar mijn maatschappelijk werker',
  sendHelp: 'Na het sturen kun je niets meer wijzigen.',
  sentTitle: 'Bedankt!',
  sentBody: 'Je antwoorden zijn nu bij je maatschappelijk werker. Jullie bekijken ze samen.',
  closePage: 'Je mag deze pagina nu sluiten.',
  handBack: 'Geef het scherm terug aan je maatschappelijk werker.',
  lockTitle: 'Dit scherm is vergrendeld',
  lockBody: 'Alleen je maatschappelijk werker kan het weer openen.',
  workerSignIn: 'Ik ben de maatschappelijk werker: opnieuw aanmelden',
  privacy: 'Je antwoorden zijn alleen voor jou en je maatschappelijk werker.',
  errorTitle: 'Er ging iets mis',
  linkInvalid: 'Deze link werkt niet. Vraag je maatschappelijk werker om een nieuwe link.',
  linkExpired: 'Deze link is verlopen. Vraag je maatschappelijk werker om een nieuwe link.',
  linkUsed: 'Je antwoorden zijn al verstuurd. Deze link werkt niet meer.',
  linkClosed: 'Je maatschappelijk werker heeft deze vragen afgesloten. Deze link werkt niet meer.',
  tooManyTries: 'Te veel pogingen. Probeer het over een paar minuten opnieuw.',
  chooseOne: 'Kies een antwoord. Of kies "Sla deze vraag over".',
  invalidChoice: 'Dit antwoord kennen we niet. Kies een van de antwoorden hieronder.',
  remarkTooLong: 'Je tekst is te lang. Schrijf hoogstens {max} tekens.',
  unknownQuestion: 'Deze vraag hoort niet bij jouw vragen. Er is niets bewaard.',
  nothingToSend: 'Je hebt nog geen vraag beantwoord. Beantwoord minstens één vraag.',
  notFound: 'Deze pagina bestaat niet.',
  saved: 'Je antwoord is bewaard.',
  scaleLow: '1 = veel problemen',
  scaleHigh: '5 = geen problemen',
  pdfGpmiTitle: 'Jouw afspraken (GPMI)',
  pdfBalanceTitle: 'Jouw sociale balans',
  pdfBindingNl: 'Dit is een vertaling om je te helpen. De Nederlandse tekst is de tekst die geldt.',
  pdfBindingFr: 'Dit is een vertaling om je te helpen. De Franse tekst is de tekst die geldt.',
  pdfNotTranslated: 'Niet vertaald. Vraag je maatschappelijk werker om uitleg.',
  pdfFor: 'Voor',
  pdfStart: 'Begint op',
  pdfMonths: { one: '{count} maand', other: '{count} maanden' } as PluralText,
  pdfEvaluations: 'Evaluaties',
  pdfAgreement: 'Afspraak',
  pdfGoalLong: 'Doel op lange termijn',
  pdfGoalShort: 'Doel op korte termijn',
  pdfClientActions: 'Wat doe jij?',
  pdfOcmwActions: 'Wat doet het OCMW?',
  pdfWorkerScore: 'Score van je maatschappelijk werker',
  pdfYourScore: 'Jouw eigen score',
  pdfDraft: 'Ontwerp: nog niet definitief',
  pdfNone: 'Niets ingevuld',
};

export type ClientWordKey = keyof typeof clientWordsNl;
/** A language's client words: every key, a plain text or (where Dutch has a count) plural forms. */
export type ClientWords = { [K in ClientWordKey]: (typeof clientWordsNl)[K] extends string ? string : PluralText };
