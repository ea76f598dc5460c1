// The default life-domain catalogue installed for every new organisation.
// Texts are this project's own words, plain Dutch (B1), with French (Belgian usage) and English.
import type { Locale } from '../i18n/locale.js';

export type Localized = Record<Locale, string>;
export type Level = 'huishouden' | 'volwassene' | 'kind';
/** The areas the federal inspection (POD MI) expects a sociale balans to cover. */
export const POD_MI_AREAS = [
  'gezinssituatie',
  'gezondheid',
  'budget_administratie',
  'mobiliteit',
  'opleiding',
  'vrije_tijd',
  'zelfvertrouwen',
  'communicatie',
  'digitale_vaardigheden',
  'sociaal_netwerk',
  'organisatie_planning',
] as const;
export type PodMiArea = (typeof POD_MI_AREAS)[number];
export interface CatalogueDomain {
  key: string; // unique across the WHOLE catalogue, lowercase a-z0-9 and '-', e.g. 'verblijfplaats', 'kind-fysieke-gezondheid'
  name: Localized;
  question: Localized; // one guiding question for the conversation, addressed to the client (nl "je", fr "vous" as Belgian CPAS address clients, en "you"), e.g. nl "Heb je een vaste plek om te wonen?"
  anchors: [Localized, Localized, Localized, Localized, Localized]; // level 1 .. 5
  allowNotApplicable: boolean; // may this domain be scored "niet van toepassing"? (e.g. Schulden: no; Traject verslaving: yes; Jeugdzorg: yes; Zorg voor kinderen: yes)
  defaultOn: boolean; // the "+" domains of the seed slide
  podMiAreas: PodMiArea[]; // at least one
  sensitive: boolean; // health, addiction, justice (and mental health, youth care) domains: true
}
export interface CatalogueTheme {
  key: string; // unique across the whole catalogue, e.g. 'huishouden-wonen', 'volwassene-gezondheid'
  level: Level;
  name: Localized;
  domains: CatalogueDomain[];
}
export interface CatalogueData {
  formatVersion: 1;
  themes: CatalogueTheme[]; // ordered: all huishouden themes, then volwassene, then kind
}

// Anchors run from 1 (acute problem, much room for improvement) to 5 (no points for improvement,
// fully self-reliant). They describe the situation, never blame the person. French uses the
// Belgian CPAS vocabulary, and the questions address the client directly (nl "je", fr "vous", en "you").
// Kind-level texts talk about the child; the questions address the parent.
/**
 * What a new OCMW gets is the seed tool's core set (the "+" domains, `defaultOn`), which leaves four
 * POD MI areas without a domain. These are the fewest domains to switch on to cover them; the
 * first-run screen names them (decision 022).
 */
export const INSPECTION_EXTRAS = ['zelfvertrouwen', 'communicatievaardigheden', 'computer-smartphone-gebruik', 'administratie'] as const;

export const defaultCatalogue: CatalogueData = {
  formatVersion: 1,
  themes: [
    // ---- huishouden ----------------------------------------------------------
    {
      key: 'huishouden-wonen',
      level: 'huishouden',
      name: { nl: 'Wonen', fr: 'Logement', en: 'Housing' },
      domains: [
        {
          key: 'verblijfplaats',
          name: { nl: 'Verblijfplaats', fr: 'Lieu de vie', en: 'Place to live' },
          question: {
            nl: 'Heb je een vaste plek om te wonen?',
            fr: 'Avez-vous un endroit stable où habiter ?',
            en: 'Do you have a stable place to live?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen dak boven het hoofd: slaapt op straat, in een auto of in de nachtopvang.',
              fr: 'Sans abri : dort dans la rue, dans une voiture ou en accueil de nuit.',
              en: 'No roof over their head: sleeps on the street, in a car or in a night shelter.',
            },
            // 2
            {
              nl: 'Tijdelijk onderdak: bij familie of vrienden, in een opvangcentrum, hotel of noodwoning.',
              fr: 'Hébergement provisoire : chez de la famille ou des amis, en centre d’accueil, à l’hôtel ou en logement d’urgence.',
              en: 'Temporary shelter: with family or friends, in a shelter, a hotel or emergency housing.',
            },
            // 3
            {
              nl: 'Een woning, maar onzeker: opzeg, dreigende uithuiszetting of een kort contract.',
              fr: 'Un logement, mais incertain : préavis, menace d’expulsion ou bail de courte durée.',
              en: 'A home, but an insecure one: notice given, threat of eviction or a short contract.',
            },
            // 4
            {
              nl: 'Een vaste woning, maar die past niet goed: te klein, in slechte staat of ver van alles.',
              fr: 'Un logement stable, mais peu adapté : trop petit, en mauvais état ou loin de tout.',
              en: 'A stable home, but not a good fit: too small, in poor condition or far from everything.',
            },
            // 5
            {
              nl: 'Een vaste woning die goed past bij het gezin.',
              fr: 'Un logement stable et bien adapté au ménage.',
              en: 'A stable home that suits the household well.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['gezinssituatie'],
          sensitive: false,
        },
        {
          key: 'betaalbaarheid-woning',
          name: { nl: 'Betaalbaarheid woning', fr: 'Coût du logement', en: 'Housing costs' },
          question: {
            nl: 'Kun je de huur (of lening) en de kosten van je woning betalen?',
            fr: 'Arrivez-vous à payer le loyer (ou le prêt) et les charges de votre logement ?',
            en: 'Can you pay the rent (or mortgage) and the running costs of your home?',
          },
          anchors: [
            // 1
            {
              nl: 'Huur of lening niet betaald: grote achterstand, uithuiszetting of afsluiting dreigt.',
              fr: 'Loyer ou prêt impayé : gros arriérés, menace d’expulsion ou de coupure.',
              en: 'Rent or loan unpaid: large arrears, eviction or disconnection is threatening.',
            },
            // 2
            {
              nl: 'Woonkosten zijn veel te hoog: vaak te laat betaald, al een kleine achterstand.',
              fr: 'Frais de logement beaucoup trop élevés : souvent payés en retard, déjà de petits arriérés.',
              en: 'Housing costs are far too high: often paid late, already some arrears.',
            },
            // 3
            {
              nl: 'Woonkosten worden betaald, maar er blijft te weinig over voor andere dingen.',
              fr: 'Les frais de logement sont payés, mais il reste trop peu pour le reste.',
              en: 'Housing costs get paid, but too little is left for other things.',
            },
            // 4
            {
              nl: 'Woonkosten zijn haalbaar, maar een hoge energiefactuur of extra kost geeft problemen.',
              fr: 'Frais de logement gérables, mais une grosse facture d’énergie ou un imprévu pose problème.',
              en: 'Housing costs are manageable, but a high energy bill or an extra cost causes problems.',
            },
            // 5
            {
              nl: 'Woonkosten passen goed in het budget, ook bij een onverwachte kost.',
              fr: 'Les frais de logement entrent bien dans le budget, même en cas d’imprévu.',
              en: 'Housing costs fit the budget well, even with an unexpected expense.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: true,
          podMiAreas: ['gezinssituatie', 'budget_administratie'],
          sensitive: false,
        },
        {
          key: 'zelfstandig-wonen',
          name: { nl: 'Zelfstandig wonen', fr: 'Vivre de manière autonome', en: 'Living independently' },
          question: {
            nl: 'Lukt het om zelfstandig te wonen?',
            fr: 'Arrivez-vous à vivre de manière autonome ?',
            en: 'Are you able to live independently?',
          },
          anchors: [
            // 1
            {
              nl: 'Zelfstandig wonen lukt niet: elke dag veel hulp of begeleiding nodig.',
              fr: 'Vivre sans aide est impossible : besoin de beaucoup d’aide ou d’accompagnement chaque jour.',
              en: 'Living independently is not possible: needs a lot of help or support every day.',
            },
            // 2
            {
              nl: 'Zelfstandig wonen lukt alleen met veel hulp, bijvoorbeeld begeleid wonen of thuiszorg.',
              fr: 'Vivre de manière autonome n’est possible qu’avec beaucoup d’aide, p. ex. logement accompagné ou aide à domicile.',
              en: 'Living independently only works with a lot of help, e.g. supported housing or home care.',
            },
            // 3
            {
              nl: 'Zelfstandig wonen lukt, met geregeld hulp voor een paar taken.',
              fr: 'Vivre de manière autonome est possible, avec une aide régulière pour certaines tâches.',
              en: 'Living independently works, with regular help for a few tasks.',
            },
            // 4
            {
              nl: 'Zelfstandig wonen lukt bijna altijd; soms even hulp of advies nodig.',
              fr: 'Vivre de manière autonome fonctionne presque toujours ; parfois un peu d’aide ou un conseil.',
              en: 'Living independently almost always works; sometimes a little help or advice is needed.',
            },
            // 5
            {
              nl: 'Woont volledig zelfstandig, zonder hulp.',
              fr: 'Vit de manière tout à fait autonome, sans aide.',
              en: 'Lives fully independently, without help.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['gezinssituatie'],
          sensitive: false,
        },
        {
          key: 'eigen-onderhoud-woning',
          name: { nl: 'Eigen onderhoud woning', fr: 'Entretien du logement', en: 'Looking after the home' },
          question: {
            nl: 'Lukt het om je woning proper en in orde te houden?',
            fr: 'Arrivez-vous à garder votre logement propre et en ordre ?',
            en: 'Are you able to keep your home clean and in good order?',
          },
          anchors: [
            // 1
            {
              nl: 'De woning is erg vuil of vol: gevaar voor gezondheid of veiligheid.',
              fr: 'Logement très sale ou encombré : danger pour la santé ou la sécurité.',
              en: 'The home is very dirty or cluttered: a risk to health or safety.',
            },
            // 2
            {
              nl: 'De woning wordt weinig onderhouden: vuil, afval of vocht stapelen zich op.',
              fr: 'Logement peu entretenu : la saleté, les déchets ou l’humidité s’accumulent.',
              en: 'The home is poorly kept: dirt, rubbish or damp are building up.',
            },
            // 3
            {
              nl: 'Het onderhoud wisselt: soms is het proper, soms loopt het achter.',
              fr: 'Entretien irrégulier : parfois propre, parfois en retard.',
              en: 'Upkeep varies: sometimes clean, sometimes falling behind.',
            },
            // 4
            {
              nl: 'De woning is meestal proper; kleine herstellingen blijven soms liggen.',
              fr: 'Logement généralement propre ; les petites réparations sont parfois reportées.',
              en: 'The home is usually clean; small repairs are sometimes left undone.',
            },
            // 5
            {
              nl: 'De woning is proper en goed onderhouden; herstellingen worden op tijd geregeld.',
              fr: 'Logement propre et bien entretenu ; les réparations sont faites à temps.',
              en: 'The home is clean and well kept; repairs are arranged on time.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['gezinssituatie'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'huishouden-financiele-situatie',
      level: 'huishouden',
      name: { nl: 'Financiële situatie', fr: 'Situation financière', en: 'Financial situation' },
      domains: [
        {
          key: 'inkomen',
          name: { nl: 'Inkomen', fr: 'Revenus', en: 'Income' },
          question: {
            nl: 'Heb je genoeg inkomen om van te leven?',
            fr: 'Avez-vous assez de revenus pour vivre ?',
            en: 'Do you have enough income to live on?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen inkomen, of het inkomen is gestopt of geblokkeerd.',
              fr: 'Pas de revenus, ou les revenus sont arrêtés ou bloqués.',
              en: 'No income, or the income has stopped or is blocked.',
            },
            // 2
            {
              nl: 'Onzeker of onvolledig inkomen: rechten nog niet in orde, te weinig om rond te komen.',
              fr: 'Revenus incertains ou incomplets : droits pas encore en ordre, pas assez pour s’en sortir.',
              en: 'Uncertain or incomplete income: rights not yet sorted out, not enough to get by.',
            },
            // 3
            {
              nl: 'Vast inkomen (bv. leefloon of uitkering), maar krap: rondkomen lukt net of net niet.',
              fr: 'Revenu fixe (p. ex. revenu d’intégration ou allocation), mais serré : on s’en sort tout juste, ou pas.',
              en: 'Steady income (e.g. living wage or benefit), but tight: only just getting by, or not quite.',
            },
            // 4
            {
              nl: 'Vast inkomen dat de vaste kosten dekt, met een kleine marge.',
              fr: 'Revenu stable qui couvre les frais fixes, avec une petite marge.',
              en: 'Steady income that covers the fixed costs, with a small margin.',
            },
            // 5
            {
              nl: 'Voldoende en stabiel inkomen, ook voor extra kosten.',
              fr: 'Revenus suffisants et stables, y compris pour les dépenses supplémentaires.',
              en: 'Sufficient, stable income, also for extra costs.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['budget_administratie'],
          sensitive: false,
        },
        {
          key: 'spaargeld',
          name: { nl: 'Spaargeld', fr: 'Épargne', en: 'Savings' },
          question: {
            nl: 'Heb je wat geld opzij voor onverwachte kosten?',
            fr: 'Avez-vous un peu d’argent de côté pour les imprévus ?',
            en: 'Do you have some money put aside for unexpected costs?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen spaargeld en ook geen ruimte om iets opzij te leggen.',
              fr: 'Pas d’épargne et aucune possibilité de mettre de l’argent de côté.',
              en: 'No savings and no room to put anything aside.',
            },
            // 2
            {
              nl: 'Geen spaargeld, maar soms lukt het om een klein bedrag opzij te zetten.',
              fr: 'Pas d’épargne, mais parfois un petit montant peut être mis de côté.',
              en: 'No savings, but sometimes a small amount can be put aside.',
            },
            // 3
            {
              nl: 'Een kleine reserve, genoeg voor een kleine onverwachte kost.',
              fr: 'Une petite réserve, suffisante pour un petit imprévu.',
              en: 'A small reserve, enough for a small unexpected cost.',
            },
            // 4
            {
              nl: 'Spaart geregeld; genoeg voor een grotere kost, zoals een kapotte wasmachine.',
              fr: 'Épargne régulière ; de quoi payer une dépense plus grosse, comme une machine à laver en panne.',
              en: 'Saves regularly; enough for a bigger cost, such as a broken washing machine.',
            },
            // 5
            {
              nl: 'Een stevige buffer: genoeg spaargeld voor grote kosten of een paar maanden zonder inkomen.',
              fr: 'Une bonne réserve : assez d’épargne pour une grosse dépense ou quelques mois sans revenus.',
              en: 'A solid buffer: enough savings for big costs or a few months without income.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['budget_administratie'],
          sensitive: false,
        },
        {
          key: 'schulden',
          name: { nl: 'Schulden', fr: 'Dettes', en: 'Debts' },
          question: {
            nl: 'Heb je schulden of rekeningen die je niet kunt betalen?',
            fr: 'Avez-vous des dettes ou des factures que vous ne pouvez pas payer ?',
            en: 'Do you have debts or bills you cannot pay?',
          },
          anchors: [
            // 1
            {
              nl: 'Grote schulden zonder aanpak: deurwaarder, beslag of afsluiting.',
              fr: 'Grosses dettes sans solution : huissier, saisie ou coupure.',
              en: 'Large debts with no plan: bailiff, seizure or disconnection.',
            },
            // 2
            {
              nl: 'Veel schulden; er is hulp gevraagd, maar er is nog geen plan of het plan loopt niet.',
              fr: 'Beaucoup de dettes ; une aide est demandée, mais il n’y a pas encore de plan ou le plan ne tient pas.',
              en: 'Many debts; help has been asked for, but there is no plan yet or the plan is not working.',
            },
            // 3
            {
              nl: 'Schulden met een afbetalingsplan of schuldbemiddeling die goed loopt.',
              fr: 'Dettes avec un plan de paiement ou une médiation de dettes qui se passe bien.',
              en: 'Debts with a repayment plan or debt mediation that is going well.',
            },
            // 4
            {
              nl: 'Een paar kleine schulden of af en toe een rekening te laat, maar onder controle.',
              fr: 'Quelques petites dettes ou parfois une facture en retard, mais sous contrôle.',
              en: 'A few small debts or an occasional late bill, but under control.',
            },
            // 5
            {
              nl: 'Geen schulden: alle rekeningen worden op tijd betaald.',
              fr: 'Pas de dettes : toutes les factures sont payées à temps.',
              en: 'No debts: all bills are paid on time.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['budget_administratie'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'huishouden-budgetteringsvaardigheden',
      level: 'huishouden',
      name: { nl: 'Budgetteringsvaardigheden', fr: 'Compétences budgétaires', en: 'Budgeting skills' },
      domains: [
        {
          key: 'inzicht',
          name: { nl: 'Inzicht', fr: 'Vue sur le budget', en: 'Overview of finances' },
          question: {
            nl: 'Weet je hoeveel geld er binnenkomt en wat je uitgeeft?',
            fr: 'Savez-vous combien d’argent rentre et ce que vous dépensez ?',
            en: 'Do you know how much money comes in and what you spend?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen zicht op inkomsten, uitgaven of schulden.',
              fr: 'Aucune vue sur les revenus, les dépenses ou les dettes.',
              en: 'No idea of income, spending or debts.',
            },
            // 2
            {
              nl: 'Weinig zicht: kent een paar bedragen, maar niet wat er elke maand uitgaat.',
              fr: 'Peu de vue d’ensemble : connaît quelques montants, mais pas ce qui sort chaque mois.',
              en: 'Little overview: knows some amounts, but not what goes out each month.',
            },
            // 3
            {
              nl: 'Kent het inkomen en de vaste kosten, maar verliest kleine uitgaven uit het oog.',
              fr: 'Connaît les revenus et les frais fixes, mais perd de vue les petites dépenses.',
              en: 'Knows the income and fixed costs, but loses track of small spending.',
            },
            // 4
            {
              nl: 'Goed zicht op inkomsten en uitgaven; af en toe een verrassing.',
              fr: 'Bonne vue sur les revenus et les dépenses ; parfois une surprise.',
              en: 'Good overview of income and spending; an occasional surprise.',
            },
            // 5
            {
              nl: 'Volledig zicht: weet wat binnenkomt, wat uitgaat en wat nog betaald moet worden.',
              fr: 'Vue complète : sait ce qui rentre, ce qui sort et ce qui reste à payer.',
              en: 'Full overview: knows what comes in, what goes out and what still has to be paid.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['budget_administratie'],
          sensitive: false,
        },
        {
          key: 'administratie',
          name: { nl: 'Administratie', fr: 'Administration', en: 'Paperwork' },
          question: {
            nl: 'Lukt het om je brieven en papieren in orde te houden?',
            fr: 'Arrivez-vous à garder vos courriers et vos papiers en ordre ?',
            en: 'Are you able to keep your letters and papers in order?',
          },
          anchors: [
            // 1
            {
              nl: 'Brieven blijven ongeopend liggen; belangrijke papieren zijn zoek of niet in orde.',
              fr: 'Les courriers restent fermés ; des papiers importants sont perdus ou pas en ordre.',
              en: 'Letters stay unopened; important papers are lost or not in order.',
            },
            // 2
            {
              nl: 'Veel achterstand: formulieren en termijnen worden vaak gemist.',
              fr: 'Beaucoup de retard : des formulaires et des délais sont souvent manqués.',
              en: 'Far behind: forms and deadlines are often missed.',
            },
            // 3
            {
              nl: 'De administratie lukt met geregeld hulp van de maatschappelijk werker of iemand anders.',
              fr: 'L’administration est en ordre grâce à l’aide régulière de l’assistant social ou d’une autre personne.',
              en: 'Paperwork gets done with regular help from the social worker or someone else.',
            },
            // 4
            {
              nl: 'Houdt de papieren zelf bij; vraagt soms hulp bij een moeilijke brief.',
              fr: 'Gère ses papiers sans aide ; demande parfois de l’aide pour un courrier difficile.',
              en: 'Keeps own papers up to date; sometimes asks for help with a difficult letter.',
            },
            // 5
            {
              nl: 'Papieren zijn goed geordend; brieven en termijnen worden zelf opgevolgd.',
              fr: 'Papiers bien classés ; courriers et délais suivis de manière autonome.',
              en: 'Papers are well organised; letters and deadlines are followed up independently.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['budget_administratie', 'organisatie_planning'],
          sensitive: false,
        },
        {
          key: 'budget-beheren',
          name: { nl: 'Budget beheren', fr: 'Gérer le budget', en: 'Managing the budget' },
          question: {
            nl: 'Lukt het om met je geld de hele maand rond te komen?',
            fr: 'Arrivez-vous à gérer votre argent pour tenir tout le mois ?',
            en: 'Are you able to manage your money so it lasts the whole month?',
          },
          anchors: [
            // 1
            {
              nl: 'Al het geld wordt beheerd door een hulpverlener of bewindvoerder (budgetbeheer).',
              fr: 'Tout l’argent est géré par un intervenant ou un administrateur (gestion budgétaire).',
              en: 'All money is managed by a support worker or an administrator (budget management).',
            },
            // 2
            {
              nl: 'Maakt het budget samen met een hulpverlener (budgetbegeleiding); het geld is vaak te vroeg op.',
              fr: 'Établit le budget avec un intervenant (guidance budgétaire) ; l’argent est souvent épuisé trop tôt.',
              en: 'Makes the budget together with a support worker (budget coaching); money often runs out too early.',
            },
            // 3
            {
              nl: 'Beheert het geld zelf, maar komt niet altijd rond tot het einde van de maand.',
              fr: 'Gère son argent, mais n’arrive pas toujours à tenir jusqu’à la fin du mois.',
              en: 'Manages own money, but does not always make it to the end of the month.',
            },
            // 4
            {
              nl: 'Beheert het geld zelf en komt meestal rond; soms is advies nodig.',
              fr: 'Gère son argent et s’en sort le plus souvent ; a parfois besoin d’un conseil.',
              en: 'Manages own money and usually gets by; sometimes needs advice.',
            },
            // 5
            {
              nl: 'Beheert het geld volledig zelf, plant vooruit en komt elke maand rond.',
              fr: 'Gère son argent de manière autonome, planifie et s’en sort chaque mois.',
              en: 'Manages money fully independently, plans ahead and gets by every month.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['budget_administratie'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'huishouden-voeding',
      level: 'huishouden',
      name: { nl: 'Voeding', fr: 'Alimentation', en: 'Food' },
      domains: [
        {
          key: 'voeding',
          name: { nl: 'Voeding', fr: 'Alimentation', en: 'Food' },
          question: {
            nl: 'Heb je elke dag genoeg en gezond eten?',
            fr: 'Avez-vous chaque jour assez à manger, et de manière saine ?',
            en: 'Do you have enough healthy food every day?',
          },
          anchors: [
            // 1
            {
              nl: 'Vaak honger: niet genoeg eten voor iedereen in het gezin.',
              fr: 'Faim fréquente : pas assez à manger pour tout le ménage.',
              en: 'Often hungry: not enough food for everyone in the household.',
            },
            // 2
            {
              nl: 'Eten hangt af van voedselhulp; maaltijden worden soms overgeslagen.',
              fr: 'Dépend de l’aide alimentaire ; des repas sont parfois sautés.',
              en: 'Depends on food aid; meals are sometimes skipped.',
            },
            // 3
            {
              nl: 'Genoeg eten, maar weinig afwisseling: weinig groenten, fruit of warme maaltijden.',
              fr: 'Assez à manger, mais peu varié : peu de légumes, de fruits ou de repas chauds.',
              en: 'Enough food, but little variety: few vegetables, little fruit or few hot meals.',
            },
            // 4
            {
              nl: 'Meestal gezond en gevarieerd eten; op het einde van de maand is het soms krap.',
              fr: 'Alimentation le plus souvent saine et variée ; parfois juste en fin de mois.',
              en: 'Mostly healthy, varied food; sometimes tight at the end of the month.',
            },
            // 5
            {
              nl: 'Elke dag genoeg, gezond en gevarieerd eten voor het hele gezin.',
              fr: 'Chaque jour une alimentation suffisante, saine et variée pour tout le ménage.',
              en: 'Enough healthy, varied food for the whole household every day.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['gezondheid', 'gezinssituatie'],
          sensitive: false,
        },
        {
          key: 'koken',
          name: { nl: 'Koken', fr: 'Cuisine', en: 'Cooking' },
          question: {
            nl: 'Kun je zelf een eenvoudige maaltijd klaarmaken?',
            fr: 'Pouvez-vous préparer vous-même un repas simple ?',
            en: 'Can you prepare a simple meal yourself?',
          },
          anchors: [
            // 1
            {
              nl: 'Kan niet koken, of heeft geen keuken of kookgerief.',
              fr: 'Ne sait pas cuisiner, ou n’a ni cuisine ni ustensiles.',
              en: 'Cannot cook, or has no kitchen or cooking equipment.',
            },
            // 2
            {
              nl: 'Kookt bijna nooit; eet vooral kant-en-klaar, fastfood of brood.',
              fr: 'Ne cuisine presque jamais ; mange surtout des plats préparés, du fast-food ou du pain.',
              en: 'Almost never cooks; mostly eats ready meals, fast food or bread.',
            },
            // 3
            {
              nl: 'Kan een paar eenvoudige gerechten maken, maar kookt niet elke dag.',
              fr: 'Sait préparer quelques plats simples, mais ne cuisine pas tous les jours.',
              en: 'Can make a few simple dishes, but does not cook every day.',
            },
            // 4
            {
              nl: 'Kookt geregeld zelf; plannen of goedkoop koken kan nog beter.',
              fr: 'Cuisine régulièrement ; planifier les repas ou cuisiner à petit prix peut encore s’améliorer.',
              en: 'Cooks regularly; planning meals or cooking cheaply could still improve.',
            },
            // 5
            {
              nl: 'Kookt zelf gevarieerde en betaalbare maaltijden en plant de boodschappen.',
              fr: 'Prépare des repas variés et abordables et planifie les courses.',
              en: 'Cooks varied, affordable meals and plans the shopping.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['gezinssituatie', 'gezondheid'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'huishouden-veiligheid',
      level: 'huishouden',
      name: { nl: 'Veiligheid', fr: 'Sécurité', en: 'Safety' },
      domains: [
        {
          key: 'veiligheid',
          name: { nl: 'Veiligheid', fr: 'Sécurité', en: 'Safety' },
          question: {
            nl: 'Voel je je veilig thuis en bij de mensen rondom je?',
            fr: 'Vous sentez-vous en sécurité chez vous et avec les personnes qui vous entourent ?',
            en: 'Do you feel safe at home and with the people around you?',
          },
          anchors: [
            // 1
            {
              nl: 'Acuut onveilig: geweld, bedreiging of misbruik in of rond het gezin.',
              fr: 'Danger immédiat : violence, menaces ou abus dans le ménage ou autour.',
              en: 'Acutely unsafe: violence, threats or abuse in or around the household.',
            },
            // 2
            {
              nl: 'Vaak onveilig: spanningen of geweld komen geregeld terug.',
              fr: 'Souvent en insécurité : des tensions ou des violences reviennent régulièrement.',
              en: 'Often unsafe: tension or violence keeps coming back.',
            },
            // 3
            {
              nl: 'Soms onveilig; er is hulp of een plan om veilig te blijven.',
              fr: 'Parfois en insécurité ; une aide ou un plan de sécurité est en place.',
              en: 'Sometimes unsafe; there is help or a plan to stay safe.',
            },
            // 4
            {
              nl: 'Meestal veilig; af en toe spanningen, maar zonder geweld.',
              fr: 'Le plus souvent en sécurité ; parfois des tensions, mais sans violence.',
              en: 'Mostly safe; occasional tension, but no violence.',
            },
            // 5
            {
              nl: 'Voelt zich veilig thuis en in de buurt.',
              fr: 'Se sent en sécurité à la maison et dans le quartier.',
              en: 'Feels safe at home and in the neighbourhood.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['gezinssituatie'],
          sensitive: true,
        },
      ],
    },
    {
      key: 'huishouden-kinderen-opvoeding',
      level: 'huishouden',
      name: { nl: 'Kinderen / opvoeding', fr: 'Enfants / éducation', en: 'Children / parenting' },
      domains: [
        {
          key: 'zorg-voor-kinderen',
          name: { nl: 'Zorg voor kinderen', fr: 'Soins aux enfants', en: 'Caring for the children' },
          question: {
            nl: 'Lukt het om goed voor je kinderen te zorgen?',
            fr: 'Arrivez-vous à bien vous occuper de vos enfants ?',
            en: 'Are you able to take good care of your children?',
          },
          anchors: [
            // 1
            {
              nl: 'De basiszorg voor de kinderen (eten, kleren, hygiëne, toezicht) lukt niet.',
              fr: 'Les soins de base des enfants (repas, vêtements, hygiène, surveillance) ne sont pas assurés.',
              en: 'Basic care for the children (food, clothes, hygiene, supervision) is not managed.',
            },
            // 2
            {
              nl: 'De basiszorg lukt met moeite; veel zorgen over opvoeding, regels of toezicht.',
              fr: 'Les soins de base sont assurés avec peine ; beaucoup de soucis d’éducation, de règles ou de surveillance.',
              en: 'Basic care is a struggle; many worries about parenting, rules or supervision.',
            },
            // 3
            {
              nl: 'De basiszorg is in orde; opvoeden is zwaar en er is geregeld hulp nodig.',
              fr: 'Les soins de base sont en ordre ; l’éducation est lourde et une aide régulière est nécessaire.',
              en: 'Basic care is in order; parenting is hard and regular help is needed.',
            },
            // 4
            {
              nl: 'Zorgt goed voor de kinderen; soms vragen of twijfels over de opvoeding.',
              fr: 'S’occupe bien des enfants ; parfois des questions ou des doutes sur l’éducation.',
              en: 'Takes good care of the children; sometimes has questions or doubts about parenting.',
            },
            // 5
            {
              nl: 'Zorgt goed voor de kinderen en voelt zich zeker als ouder.',
              fr: 'S’occupe bien des enfants et a confiance en son rôle de parent.',
              en: 'Takes good care of the children and feels confident as a parent.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: true,
          podMiAreas: ['gezinssituatie'],
          sensitive: false,
        },
        {
          key: 'opvang-van-kinderen',
          name: { nl: 'Opvang van kinderen', fr: 'Garde des enfants', en: 'Childcare' },
          question: {
            nl: 'Is er opvang voor je kinderen als je die nodig hebt?',
            fr: 'Avez-vous une solution de garde pour vos enfants quand vous en avez besoin ?',
            en: 'Is there childcare for your children when you need it?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen opvang: werk, opleiding of afspraken lukken daardoor niet.',
              fr: 'Aucune solution de garde : travail, formation ou rendez-vous impossibles pour cette raison.',
              en: 'No childcare: work, training or appointments are not possible because of it.',
            },
            // 2
            {
              nl: 'Bijna nooit opvang; op zoek naar een plaats of op een wachtlijst.',
              fr: 'Presque jamais de garde ; à la recherche d’une place ou sur liste d’attente.',
              en: 'Almost never any childcare; looking for a place or on a waiting list.',
            },
            // 3
            {
              nl: 'Opvang voor een deel van de tijd, of alleen via familie of vrienden en niet altijd zeker.',
              fr: 'Garde pour une partie du temps, ou seulement par la famille ou des amis, et pas toujours sûre.',
              en: 'Childcare for part of the time, or only through family or friends and not always certain.',
            },
            // 4
            {
              nl: 'Vaste opvang is geregeld; bij ziekte of in de vakantie is het soms zoeken.',
              fr: 'Garde régulière organisée ; en cas de maladie ou pendant les vacances, il faut parfois chercher.',
              en: 'Regular childcare is arranged; when a child is ill or in the holidays it is sometimes hard to find.',
            },
            // 5
            {
              nl: 'Goede en betaalbare opvang, ook in de vakantie en in noodgevallen.',
              fr: 'Garde de qualité et abordable, aussi pendant les vacances et en cas d’urgence.',
              en: 'Good, affordable childcare, also in the holidays and in emergencies.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['gezinssituatie'],
          sensitive: false,
        },
        {
          key: 'jeugdzorg',
          name: { nl: 'Jeugdzorg', fr: 'Aide à la jeunesse', en: 'Youth care' },
          question: {
            nl: 'Zijn jeugdhulp of de jeugdrechter betrokken bij je kinderen?',
            fr: 'L’aide à la jeunesse ou le juge de la jeunesse intervient-il pour vos enfants ?',
            en: 'Are youth care services or the youth court involved with your children?',
          },
          anchors: [
            // 1
            {
              nl: 'Crisis: een kind is of wordt uit huis geplaatst, of de jeugdrechter legt maatregelen op.',
              fr: 'Crise : un enfant est ou va être placé, ou le juge de la jeunesse impose des mesures.',
              en: 'Crisis: a child is being or will be placed outside the home, or the youth court imposes measures.',
            },
            // 2
            {
              nl: 'Opgelegde jeugdhulp loopt; samenwerken met de diensten is moeilijk.',
              fr: 'Aide contrainte en cours ; la collaboration avec les services est difficile.',
              en: 'Court-ordered youth care is ongoing; working with the services is difficult.',
            },
            // 3
            {
              nl: 'Jeugdhulp loopt en het gezin werkt mee; er zijn nog zorgen.',
              fr: 'Une aide à la jeunesse est en cours et la famille collabore ; il reste des inquiétudes.',
              en: 'Youth care is ongoing and the family cooperates; there are still concerns.',
            },
            // 4
            {
              nl: 'Vrijwillige hulp loopt goed of wordt afgebouwd.',
              fr: 'Une aide volontaire se passe bien ou se termine progressivement.',
              en: 'Voluntary help is going well or is being phased out.',
            },
            // 5
            {
              nl: 'Jeugdhulp is niet of niet meer nodig.',
              fr: 'L’aide à la jeunesse n’est pas ou plus nécessaire.',
              en: 'Youth care is not or no longer needed.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['gezinssituatie'],
          sensitive: true,
        },
      ],
    },
    // ---- volwassene ----------------------------------------------------------
    {
      key: 'volwassene-sociaal-netwerk',
      level: 'volwassene',
      name: { nl: 'Sociaal netwerk', fr: 'Réseau social', en: 'Social network' },
      domains: [
        {
          key: 'netwerk',
          name: { nl: 'Netwerk', fr: 'Réseau', en: 'Network' },
          question: {
            nl: 'Heb je mensen in je leven met wie je graag contact hebt?',
            fr: 'Avez-vous dans votre vie des personnes avec qui vous aimez être en contact ?',
            en: 'Do you have people in your life you like to be in touch with?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen contact met familie, vrienden of buren; voelt zich erg alleen.',
              fr: 'Aucun contact avec la famille, les amis ou les voisins ; grande solitude.',
              en: 'No contact with family, friends or neighbours; feels very alone.',
            },
            // 2
            {
              nl: 'Weinig contacten; vaak eenzaam.',
              fr: 'Peu de contacts ; souvent un sentiment de solitude.',
              en: 'Few contacts; often lonely.',
            },
            // 3
            {
              nl: 'Een paar contacten, maar minder of minder vaak dan gewenst.',
              fr: 'Quelques contacts, mais moins nombreux ou moins fréquents que souhaité.',
              en: 'Some contacts, but fewer or less often than wished.',
            },
            // 4
            {
              nl: 'Geregeld contact met familie, vrienden of buren; sommige contacten zijn moeilijk.',
              fr: 'Contacts réguliers avec la famille, des amis ou des voisins ; certaines relations sont difficiles.',
              en: 'Regular contact with family, friends or neighbours; some relationships are difficult.',
            },
            // 5
            {
              nl: 'Een fijn netwerk van familie, vrienden of buren, met goede en geregelde contacten.',
              fr: 'Un bon réseau de famille, d’amis ou de voisins, avec des contacts réguliers et positifs.',
              en: 'A good network of family, friends or neighbours, with regular, positive contact.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['sociaal_netwerk'],
          sensitive: false,
        },
        {
          key: 'vangnet',
          name: { nl: 'Vangnet', fr: 'Filet de sécurité', en: 'Safety net' },
          question: {
            nl: 'Is er iemand bij wie je terecht kunt als het moeilijk gaat?',
            fr: 'Y a-t-il quelqu’un vers qui vous pouvez vous tourner quand ça va mal ?',
            en: 'Is there someone you can turn to when things are hard?',
          },
          anchors: [
            // 1
            {
              nl: 'Niemand om op terug te vallen, ook niet in een noodsituatie.',
              fr: 'Personne sur qui compter, même en cas d’urgence.',
              en: 'No one to fall back on, not even in an emergency.',
            },
            // 2
            {
              nl: 'Bijna niemand om op te rekenen; steun komt vooral van hulpverleners.',
              fr: 'Presque personne sur qui compter ; le soutien vient surtout de professionnels.',
              en: 'Hardly anyone to count on; support comes mainly from professionals.',
            },
            // 3
            {
              nl: 'Een of twee mensen om op terug te vallen, maar niet altijd beschikbaar.',
              fr: 'Une ou deux personnes sur qui compter, mais pas toujours disponibles.',
              en: 'One or two people to fall back on, but not always available.',
            },
            // 4
            {
              nl: 'Meestal iemand om op terug te vallen voor hulp of zorg.',
              fr: 'Le plus souvent quelqu’un sur qui compter pour de l’aide ou des soins.',
              en: 'Usually someone to fall back on for help or care.',
            },
            // 5
            {
              nl: 'Genoeg mensen om altijd op terug te vallen voor steun en zorg.',
              fr: 'Assez de personnes sur qui toujours compter pour du soutien et des soins.',
              en: 'Enough people to always fall back on for support and care.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['sociaal_netwerk'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'volwassene-gezondheid',
      level: 'volwassene',
      name: { nl: 'Gezondheid', fr: 'Santé', en: 'Health' },
      domains: [
        {
          key: 'fysieke-gezondheid',
          name: { nl: 'Fysieke gezondheid', fr: 'Santé physique', en: 'Physical health' },
          question: {
            nl: 'Hoe gaat het met je lichamelijke gezondheid?',
            fr: 'Comment va votre santé physique ?',
            en: 'How is your physical health?',
          },
          anchors: [
            // 1
            {
              nl: 'Ernstige gezondheidsproblemen zonder de nodige zorg; het dagelijks leven lukt bijna niet.',
              fr: 'Graves problèmes de santé sans les soins nécessaires ; la vie quotidienne est presque impossible.',
              en: 'Serious health problems without the care needed; daily life is hardly possible.',
            },
            // 2
            {
              nl: 'Ernstige of langdurige klachten die het dagelijks leven sterk beperken.',
              fr: 'Problèmes graves ou de longue durée qui limitent fortement la vie quotidienne.',
              en: 'Serious or long-term problems that strongly limit daily life.',
            },
            // 3
            {
              nl: 'Klachten die soms beperken; de behandeling loopt of is nog niet in orde.',
              fr: 'Des problèmes qui limitent parfois ; le traitement est en cours ou pas encore en ordre.',
              en: 'Problems that sometimes get in the way; treatment is ongoing or not yet arranged.',
            },
            // 4
            {
              nl: 'Kleine klachten, of een ziekte die goed onder controle is.',
              fr: 'Petits problèmes, ou une maladie bien sous contrôle.',
              en: 'Minor complaints, or an illness that is well under control.',
            },
            // 5
            {
              nl: 'Voelt zich lichamelijk goed; huisarts en zorg zijn in orde.',
              fr: 'Se sent bien physiquement ; médecin traitant et soins en ordre.',
              en: 'Feels physically well; GP and care are in order.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['gezondheid'],
          sensitive: true,
        },
        {
          key: 'mentale-gezondheid',
          name: { nl: 'Mentale gezondheid', fr: 'Santé mentale', en: 'Mental health' },
          question: {
            nl: 'Hoe voel je je de laatste tijd, mentaal?',
            fr: 'Comment vous sentez-vous ces derniers temps, sur le plan mental ?',
            en: 'How have you been feeling lately, mentally?',
          },
          anchors: [
            // 1
            {
              nl: 'Ernstige psychische crisis of gevaar (bv. gedachten aan zelfdoding); dringend hulp nodig.',
              fr: 'Crise psychique grave ou danger (p. ex. idées suicidaires) ; besoin urgent d’aide.',
              en: 'Severe mental crisis or danger (e.g. thoughts of suicide); urgent help needed.',
            },
            // 2
            {
              nl: 'Zware psychische klachten die het dagelijks leven sterk beperken.',
              fr: 'Difficultés psychiques lourdes qui limitent fortement la vie quotidienne.',
              en: 'Severe mental health problems that strongly limit daily life.',
            },
            // 3
            {
              nl: 'Psychische klachten (zoals stress, somberheid of angst) die soms beperken.',
              fr: 'Difficultés psychiques (comme le stress, la déprime ou l’angoisse) qui limitent parfois.',
              en: 'Mental health problems (such as stress, low mood or anxiety) that sometimes get in the way.',
            },
            // 4
            {
              nl: 'Voelt zich meestal goed; klachten zijn onder controle, eventueel met hulp.',
              fr: 'Se sent bien la plupart du temps ; les difficultés sont sous contrôle, éventuellement avec de l’aide.',
              en: 'Feels well most of the time; problems are under control, possibly with help.',
            },
            // 5
            {
              nl: 'Voelt zich mentaal goed en kan omgaan met tegenslag.',
              fr: 'Se sent bien mentalement et sait faire face aux difficultés.',
              en: 'Feels mentally well and can cope with setbacks.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['gezondheid'],
          sensitive: true,
        },
        {
          key: 'middelengebruik',
          name: { nl: 'Middelengebruik', fr: 'Consommation de substances', en: 'Substance use' },
          question: {
            nl: 'Gebruik je alcohol, drugs of medicatie op een manier die je last bezorgt?',
            fr: 'Consommez-vous de l’alcool, des drogues ou des médicaments d’une manière qui vous pose problème ?',
            en: 'Do you use alcohol, drugs or medication in a way that causes you problems?',
          },
          anchors: [
            // 1
            {
              nl: 'Zwaar gebruik van alcohol, drugs of medicatie; gevaar voor gezondheid, geld of gezin.',
              fr: 'Forte consommation d’alcool, de drogues ou de médicaments ; danger pour la santé, l’argent ou la famille.',
              en: 'Heavy use of alcohol, drugs or medication; a danger to health, money or family.',
            },
            // 2
            {
              nl: 'Dagelijks of problematisch gebruik dat werk, geld of relaties schaadt.',
              fr: 'Consommation quotidienne ou problématique qui nuit au travail, à l’argent ou aux relations.',
              en: 'Daily or problem use that harms work, money or relationships.',
            },
            // 3
            {
              nl: 'Gebruik dat soms problemen geeft; is zich bewust van het risico.',
              fr: 'Consommation qui pose parfois problème ; conscience du risque.',
              en: 'Use that sometimes causes problems; is aware of the risk.',
            },
            // 4
            {
              nl: 'Beperkt gebruik zonder grote problemen, of al een tijd gestopt.',
              fr: 'Consommation limitée sans gros problèmes, ou arrêt depuis un certain temps.',
              en: 'Limited use without major problems, or stopped some time ago.',
            },
            // 5
            {
              nl: 'Geen gebruik, of gebruik dat geen enkel probleem geeft.',
              fr: 'Pas de consommation, ou une consommation qui ne pose aucun problème.',
              en: 'No use, or use that causes no problems at all.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['gezondheid'],
          sensitive: true,
        },
        {
          key: 'traject-verslaving',
          name: { nl: 'Traject verslaving', fr: 'Suivi des assuétudes', en: 'Addiction treatment' },
          question: {
            nl: 'Als je hulp krijgt voor een verslaving: hoe loopt dat?',
            fr: 'Si vous recevez de l’aide pour une dépendance : comment ça se passe ?',
            en: 'If you get help for an addiction: how is it going?',
          },
          anchors: [
            // 1
            {
              nl: 'Verslaving zonder hulp; (nog) niet klaar om hulp te zoeken.',
              fr: 'Dépendance sans aide ; pas (encore) de demande d’aide.',
              en: 'Addiction without help; not (yet) ready to look for help.',
            },
            // 2
            {
              nl: 'Wil hulp, maar staat op een wachtlijst of haakt geregeld af.',
              fr: 'Souhaite de l’aide, mais est sur liste d’attente ou décroche régulièrement.',
              en: 'Wants help, but is on a waiting list or often drops out.',
            },
            // 3
            {
              nl: 'Volgt een behandeling; valt soms terug.',
              fr: 'Suit un traitement ; rechutes de temps en temps.',
              en: 'Is in treatment; relapses now and then.',
            },
            // 4
            {
              nl: 'De behandeling loopt goed; het gebruik is stabiel of gestopt.',
              fr: 'Le traitement se passe bien ; la consommation est stable ou arrêtée.',
              en: 'Treatment is going well; use is stable or has stopped.',
            },
            // 5
            {
              nl: 'Het traject is afgerond; blijft stabiel zonder hulp.',
              fr: 'Le parcours est terminé ; reste stable sans aide.',
              en: 'Treatment is completed; stays stable without help.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['gezondheid'],
          sensitive: true,
        },
      ],
    },
    {
      key: 'volwassene-inburgering',
      level: 'volwassene',
      name: { nl: 'Inburgering', fr: 'Parcours d’intégration', en: 'Civic integration' },
      domains: [
        {
          key: 'nederlands',
          name: { nl: 'Nederlands', fr: 'Néerlandais', en: 'Dutch language' },
          question: {
            nl: 'Hoe goed spreek en begrijp je Nederlands?',
            fr: 'Dans quelle mesure parlez-vous et comprenez-vous le néerlandais ?',
            en: 'How well do you speak and understand Dutch?',
          },
          anchors: [
            // 1
            {
              nl: 'Spreekt en begrijpt geen Nederlands; heeft altijd een tolk nodig.',
              fr: 'Ne parle pas et ne comprend pas le néerlandais ; a toujours besoin d’un interprète.',
              en: 'Does not speak or understand Dutch; always needs an interpreter.',
            },
            // 2
            {
              nl: 'Kent een paar woorden; een eenvoudig gesprek lukt niet zonder hulp.',
              fr: 'Connaît quelques mots ; une conversation simple est impossible sans aide.',
              en: 'Knows a few words; a simple conversation is not possible without help.',
            },
            // 3
            {
              nl: 'Een eenvoudig gesprek lukt; bij afspraken of brieven is hulp nodig.',
              fr: 'Une conversation simple est possible ; besoin d’aide pour les rendez-vous ou les courriers.',
              en: 'Can hold a simple conversation; needs help with appointments or letters.',
            },
            // 4
            {
              nl: 'Spreekt goed Nederlands in het dagelijks leven; moeilijke gesprekken zijn soms lastig.',
              fr: 'Parle bien néerlandais au quotidien ; les conversations difficiles restent parfois compliquées.',
              en: 'Speaks Dutch well in daily life; difficult conversations are sometimes hard.',
            },
            // 5
            {
              nl: 'Spreekt en begrijpt vlot Nederlands, ook bij diensten en instanties.',
              fr: 'Parle et comprend couramment le néerlandais, aussi avec les services et les administrations.',
              en: 'Speaks and understands Dutch fluently, also with services and official bodies.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['opleiding', 'communicatie'],
          sensitive: false,
        },
        {
          key: 'maatschappelijke-orientatie',
          name: { nl: 'Maatschappelijke oriëntatie', fr: 'Orientation sociale', en: 'Social orientation' },
          question: {
            nl: 'Weet je hoe het leven in België werkt en waar je met je vragen terecht kunt?',
            fr: 'Savez-vous comment fonctionne la vie en Belgique et à qui vous adresser avec vos questions ?',
            en: 'Do you know how life in Belgium works and where to go with your questions?',
          },
          anchors: [
            // 1
            {
              nl: 'Kent de Belgische samenleving nog niet; weet niet waar naartoe voor hulp, zorg of papieren.',
              fr: 'Ne connaît pas encore la société belge ; ne sait pas où aller pour l’aide, les soins ou les papiers.',
              en: 'Does not know Belgian society yet; does not know where to go for help, care or papers.',
            },
            // 2
            {
              nl: 'Kent een paar diensten, maar regels en rechten zijn nog erg onduidelijk.',
              fr: 'Connaît quelques services, mais les règles et les droits restent très flous.',
              en: 'Knows a few services, but rules and rights are still very unclear.',
            },
            // 3
            {
              nl: 'Vindt met hulp de weg naar de belangrijkste diensten; volgt of volgde een cursus.',
              fr: 'Trouve avec de l’aide le chemin des principaux services ; suit ou a suivi un cours.',
              en: 'Finds the main services with help; is taking or has taken a course.',
            },
            // 4
            {
              nl: 'Vindt zelf de weg naar de meeste diensten; soms vragen over regels of rechten.',
              fr: 'S’oriente sans aide vers la plupart des services ; parfois des questions sur les règles ou les droits.',
              en: 'Finds most services independently; sometimes has questions about rules or rights.',
            },
            // 5
            {
              nl: 'Kent de samenleving goed en vindt zelf de weg naar de juiste diensten.',
              fr: 'Connaît bien la société et s’oriente sans aide vers les bons services.',
              en: 'Knows society well and finds the right services independently.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'volwassene-digitale-vaardigheden',
      level: 'volwassene',
      name: { nl: 'Digitale vaardigheden', fr: 'Compétences numériques', en: 'Digital skills' },
      domains: [
        {
          key: 'computer-smartphone-gebruik',
          name: {
            nl: 'Computer/smartphone gebruik',
            fr: 'Utilisation ordinateur/smartphone',
            en: 'Computer and smartphone use',
          },
          question: {
            nl: 'Lukt het om een computer of smartphone te gebruiken, bijvoorbeeld voor mails of de bank?',
            fr: 'Arrivez-vous à utiliser un ordinateur ou un smartphone, par exemple pour les e-mails ou la banque ?',
            en: 'Can you use a computer or smartphone, for example for e-mail or banking?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen toestel of internet, of kan het helemaal niet gebruiken.',
              fr: 'Pas d’appareil ni d’internet, ou ne sait pas du tout l’utiliser.',
              en: 'No device or internet, or cannot use one at all.',
            },
            // 2
            {
              nl: 'Kan bellen en berichtjes sturen, maar niet mailen, zoeken of formulieren invullen.',
              fr: 'Sait téléphoner et envoyer des messages, mais pas envoyer d’e-mails, chercher ou remplir des formulaires.',
              en: 'Can make calls and send messages, but cannot e-mail, search or fill in forms.',
            },
            // 3
            {
              nl: 'Kan mailen en zoeken; voor itsme, online bankieren of online formulieren is hulp nodig.',
              fr: 'Sait envoyer des e-mails et chercher ; a besoin d’aide pour itsme, la banque en ligne ou les formulaires en ligne.',
              en: 'Can e-mail and search; needs help with itsme, online banking or online forms.',
            },
            // 4
            {
              nl: 'Regelt de meeste zaken online; soms hulp nodig bij iets nieuws of moeilijks.',
              fr: 'Règle la plupart des choses en ligne ; parfois besoin d’aide pour quelque chose de nouveau ou de difficile.',
              en: 'Handles most things online; sometimes needs help with something new or difficult.',
            },
            // 5
            {
              nl: 'Gebruikt computer en smartphone vlot en veilig, ook voor de bank en de overheid.',
              fr: 'Utilise l’ordinateur et le smartphone avec aisance et en sécurité, aussi pour la banque et les administrations.',
              en: 'Uses a computer and smartphone easily and safely, also for banking and government services.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['digitale_vaardigheden'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'volwassene-mobiliteit',
      level: 'volwassene',
      name: { nl: 'Mobiliteit', fr: 'Mobilité', en: 'Mobility' },
      domains: [
        {
          key: 'mobiliteit',
          name: { nl: 'Mobiliteit', fr: 'Mobilité', en: 'Mobility' },
          question: {
            nl: 'Kun je gemakkelijk naar de plaatsen gaan waar je moet zijn?',
            fr: 'Pouvez-vous facilement aller là où vous devez aller ?',
            en: 'Can you easily get to the places you need to go?',
          },
          anchors: [
            // 1
            {
              nl: 'Kan zich bijna niet verplaatsen: geen vervoer, geen geld of een beperking.',
              fr: 'Ne peut presque pas se déplacer : pas de transport, pas d’argent ou un handicap.',
              en: 'Can hardly get around: no transport, no money or a disability.',
            },
            // 2
            {
              nl: 'Zich verplaatsen is erg moeilijk; belangrijke afspraken worden daardoor gemist.',
              fr: 'Se déplacer est très difficile ; des rendez-vous importants sont manqués pour cette raison.',
              en: 'Getting around is very hard; important appointments are missed because of it.',
            },
            // 3
            {
              nl: 'Geraakt in de buurt, maar verder weg (werk, opleiding) lukt moeilijk.',
              fr: 'Se déplace dans les environs, mais aller plus loin (travail, formation) est difficile.',
              en: 'Gets around locally, but going further (work, training) is difficult.',
            },
            // 4
            {
              nl: 'Geraakt meestal waar nodig met fiets, bus, trein of auto; soms een probleem.',
              fr: 'Arrive le plus souvent là où il faut à vélo, en bus, en train ou en voiture ; parfois un souci.',
              en: 'Usually gets where needed by bike, bus, train or car; sometimes a problem.',
            },
            // 5
            {
              nl: 'Verplaatst zich vlot en zelfstandig, ook naar nieuwe plaatsen.',
              fr: 'Se déplace facilement et de manière autonome, aussi vers des lieux inconnus.',
              en: 'Gets around easily and independently, also to new places.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['mobiliteit'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'volwassene-justitie',
      level: 'volwassene',
      name: { nl: 'Justitie', fr: 'Justice', en: 'Justice' },
      domains: [
        {
          key: 'justitie',
          name: { nl: 'Justitie', fr: 'Justice', en: 'Legal matters' },
          question: {
            nl: 'Heb je te maken met politie, gerecht of een straf?',
            fr: 'Avez-vous affaire à la police, à la justice ou à une peine ?',
            en: 'Are you dealing with the police, the courts or a sentence?',
          },
          anchors: [
            // 1
            {
              nl: 'Ernstige problemen met justitie, zonder advocaat of hulp; een straf of opsluiting dreigt.',
              fr: 'Graves problèmes avec la justice, sans avocat ni aide ; une peine ou une détention menace.',
              en: 'Serious legal problems, without a lawyer or help; a sentence or detention is looming.',
            },
            // 2
            {
              nl: 'Lopende rechtszaak of straf; voorwaarden of afspraken nakomen lukt moeilijk.',
              fr: 'Procédure ou peine en cours ; respecter les conditions ou les rendez-vous est difficile.',
              en: 'Ongoing court case or sentence; keeping to conditions or appointments is difficult.',
            },
            // 3
            {
              nl: 'Lopende zaak of voorwaarden (bv. probatie, enkelband); de afspraken worden nagekomen.',
              fr: 'Affaire ou conditions en cours (p. ex. probation, bracelet électronique) ; les engagements sont respectés.',
              en: 'Ongoing case or conditions (e.g. probation, electronic tag); agreements are kept.',
            },
            // 4
            {
              nl: 'De zaak is bijna afgerond; nog kleine gevolgen, zoals een boete of een strafblad.',
              fr: 'L’affaire est presque terminée ; encore de petites conséquences, comme une amende ou un casier judiciaire.',
              en: 'The case is nearly closed; minor consequences remain, such as a fine or a criminal record.',
            },
            // 5
            {
              nl: 'Geen problemen met justitie, of niet meer.',
              fr: 'Pas de problèmes avec la justice, ou plus aucun.',
              en: 'No legal problems, or none any more.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['gezinssituatie'],
          sensitive: true,
        },
      ],
    },
    {
      key: 'volwassene-werk-opleiding',
      level: 'volwassene',
      name: { nl: 'Werk en opleiding', fr: 'Emploi et formation', en: 'Work and training' },
      domains: [
        {
          key: 'tewerkstelling',
          name: { nl: 'Tewerkstelling', fr: 'Emploi', en: 'Employment' },
          question: {
            nl: 'Heb je werk, en past dat werk bij jou?',
            fr: 'Avez-vous un emploi, et ce travail vous convient-il ?',
            en: 'Do you have a job, and does it suit you?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen werk en nog ver van werk: eerst moeten andere dingen in orde komen.',
              fr: 'Pas d’emploi et encore loin du travail : d’autres choses doivent d’abord être réglées.',
              en: 'No job and still far from work: other things need sorting out first.',
            },
            // 2
            {
              nl: 'Geen werk; wil werken en een eerste stap is mogelijk (bv. vrijwilligerswerk, artikel 60).',
              fr: 'Pas d’emploi ; souhaite travailler et un premier pas est possible (p. ex. bénévolat, article 60).',
              en: 'No job; wants to work and a first step is possible (e.g. volunteering, an Article 60 job).',
            },
            // 3
            {
              nl: 'Werkt tijdelijk, deeltijds of in een traject naar werk, of zoekt actief werk.',
              fr: 'Travaille temporairement, à temps partiel ou dans un parcours vers l’emploi, ou cherche activement un emploi.',
              en: 'Works temporarily, part-time or in a work programme, or is actively looking for work.',
            },
            // 4
            {
              nl: 'Heeft werk, maar het is onzeker of past niet goed (uren, loon, gezondheid).',
              fr: 'A un emploi, mais il est précaire ou peu adapté (horaires, salaire, santé).',
              en: 'Has a job, but it is insecure or not a good fit (hours, pay, health).',
            },
            // 5
            {
              nl: 'Heeft vast werk dat goed past.',
              fr: 'A un emploi stable qui convient bien.',
              en: 'Has a stable job that suits them well.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: true,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
        {
          key: 'werkervaring',
          name: { nl: 'Werkervaring', fr: 'Expérience professionnelle', en: 'Work experience' },
          question: {
            nl: 'Heb je al gewerkt, en wat heb je daar geleerd?',
            fr: 'Avez-vous déjà travaillé, et qu’avez-vous appris ?',
            en: 'Have you worked before, and what did you learn?',
          },
          anchors: [
            // 1
            {
              nl: 'Nog nooit gewerkt; geen ervaring met werkritme of afspraken op het werk.',
              fr: 'N’a jamais travaillé ; aucune expérience du rythme ou des règles au travail.',
              en: 'Has never worked; no experience of a work routine or workplace rules.',
            },
            // 2
            {
              nl: 'Heel weinig ervaring: korte jobs, of lang geleden.',
              fr: 'Très peu d’expérience : des emplois courts, ou il y a longtemps.',
              en: 'Very little experience: short jobs, or a long time ago.',
            },
            // 3
            {
              nl: 'Wat ervaring (bv. interim, vrijwilligerswerk, artikel 60), maar weinig in één vak.',
              fr: 'Un peu d’expérience (p. ex. intérim, bénévolat, article 60), mais peu dans un même métier.',
              en: 'Some experience (e.g. temping, volunteering, Article 60), but little in any one trade.',
            },
            // 4
            {
              nl: 'Goede ervaring in een of meer jobs; een paar vaardigheden ontbreken nog.',
              fr: 'Bonne expérience dans un ou plusieurs emplois ; quelques compétences manquent encore.',
              en: 'Good experience in one or more jobs; a few skills are still missing.',
            },
            // 5
            {
              nl: 'Ruime en recente werkervaring die past bij het gewenste werk.',
              fr: 'Expérience large et récente, en lien avec le travail souhaité.',
              en: 'Broad, recent work experience that fits the job they want.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
        {
          key: 'opleiding',
          name: { nl: 'Opleiding', fr: 'Formation', en: 'Education and training' },
          question: {
            nl: 'Heb je een diploma of opleiding die je helpt om werk te vinden?',
            fr: 'Avez-vous un diplôme ou une formation qui vous aide à trouver du travail ?',
            en: 'Do you have a diploma or training that helps you find work?',
          },
          anchors: [
            // 1
            {
              nl: 'Weinig of geen school gelopen; geen diploma of getuigschrift.',
              fr: 'Peu ou pas de scolarité ; aucun diplôme ni certificat.',
              en: 'Little or no schooling; no diploma or certificate.',
            },
            // 2
            {
              nl: 'Geen diploma secundair onderwijs, of een buitenlands diploma dat niet erkend is.',
              fr: 'Pas de diplôme de l’enseignement secondaire, ou un diplôme étranger non reconnu.',
              en: 'No secondary school diploma, or a foreign diploma that is not recognised.',
            },
            // 3
            {
              nl: 'Volgt een opleiding, of heeft een diploma dat weinig kansen op werk geeft.',
              fr: 'Suit une formation, ou a un diplôme qui donne peu de chances de trouver du travail.',
              en: 'Is in training, or has a diploma that gives few job opportunities.',
            },
            // 4
            {
              nl: 'Een diploma of opleiding die kansen geeft; een bijkomende opleiding zou helpen.',
              fr: 'Un diplôme ou une formation qui ouvre des portes ; une formation complémentaire aiderait.',
              en: 'A diploma or training that opens doors; some extra training would help.',
            },
            // 5
            {
              nl: 'Een diploma of opleiding die goed past bij het gewenste werk.',
              fr: 'Un diplôme ou une formation bien adaptés au travail souhaité.',
              en: 'A diploma or training that fits the job they want well.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: true,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
        {
          key: 'solliciteren',
          name: { nl: 'Solliciteren', fr: 'Recherche d’emploi', en: 'Job applications' },
          question: {
            nl: 'Weet je hoe je werk zoekt en solliciteert?',
            fr: 'Savez-vous comment chercher un emploi et poser votre candidature ?',
            en: 'Do you know how to look for and apply for a job?',
          },
          anchors: [
            // 1
            {
              nl: 'Weet niet hoe werk zoeken of solliciteren gaat; heeft geen cv.',
              fr: 'Ne sait pas comment chercher un emploi ni postuler ; pas de CV.',
              en: 'Does not know how to look for work or apply; has no CV.',
            },
            // 2
            {
              nl: 'Bekijkt soms vacatures, maar solliciteren lukt niet zonder veel hulp.',
              fr: 'Regarde parfois les offres d’emploi, mais postuler est impossible sans beaucoup d’aide.',
              en: 'Sometimes looks at vacancies, but cannot apply without a lot of help.',
            },
            // 3
            {
              nl: 'Heeft een cv en solliciteert met hulp; een sollicitatiegesprek is moeilijk.',
              fr: 'A un CV et postule avec de l’aide ; un entretien d’embauche est difficile.',
              en: 'Has a CV and applies with help; a job interview is difficult.',
            },
            // 4
            {
              nl: 'Solliciteert zelf; heeft soms tips nodig voor een brief of een gesprek.',
              fr: 'Postule de manière autonome ; a parfois besoin de conseils pour une lettre ou un entretien.',
              en: 'Applies independently; sometimes needs tips for a letter or an interview.',
            },
            // 5
            {
              nl: 'Zoekt en solliciteert vlot en zelfstandig, online en in een gesprek.',
              fr: 'Cherche et postule avec aisance et de manière autonome, en ligne comme en entretien.',
              en: 'Searches and applies easily and independently, online and in interviews.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['opleiding', 'communicatie'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'volwassene-geletterdheid',
      level: 'volwassene',
      name: { nl: 'Geletterdheid', fr: 'Lecture, écriture et calcul', en: 'Literacy and numeracy' },
      domains: [
        {
          key: 'lezen',
          name: { nl: 'Lezen', fr: 'Lecture', en: 'Reading' },
          question: {
            nl: 'Lukt het om brieven en formulieren te lezen en te begrijpen?',
            fr: 'Arrivez-vous à lire et à comprendre les courriers et les formulaires ?',
            en: 'Can you read and understand letters and forms?',
          },
          anchors: [
            // 1
            {
              nl: 'Kan niet of bijna niet lezen.',
              fr: 'Ne sait pas lire, ou presque pas.',
              en: 'Cannot read, or hardly at all.',
            },
            // 2
            {
              nl: 'Leest alleen korte, eenvoudige teksten; een brief begrijpen lukt niet zonder hulp.',
              fr: 'Lit seulement des textes courts et simples ; comprendre un courrier est impossible sans aide.',
              en: 'Reads only short, simple texts; cannot understand a letter without help.',
            },
            // 3
            {
              nl: 'Leest eenvoudige brieven; officiële brieven zijn soms moeilijk te begrijpen.',
              fr: 'Lit des courriers simples ; les courriers officiels sont parfois difficiles à comprendre.',
              en: 'Reads simple letters; official letters are sometimes hard to understand.',
            },
            // 4
            {
              nl: 'Leest de meeste brieven zelf; alleen moeilijke woorden of regels zijn lastig.',
              fr: 'Lit la plupart des courriers sans aide ; seuls les mots ou les règles difficiles posent problème.',
              en: 'Reads most letters independently; only difficult words or rules are a problem.',
            },
            // 5
            {
              nl: 'Leest en begrijpt alle brieven en formulieren zonder moeite.',
              fr: 'Lit et comprend tous les courriers et formulaires sans difficulté.',
              en: 'Reads and understands all letters and forms without difficulty.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
        {
          key: 'schrijven',
          name: { nl: 'Schrijven', fr: 'Écriture', en: 'Writing' },
          question: {
            nl: 'Lukt het om zelf iets te schrijven, zoals een formulier of een kort bericht?',
            fr: 'Arrivez-vous à écrire vous-même, par exemple remplir un formulaire ou écrire un court message ?',
            en: 'Can you write things yourself, such as filling in a form or a short message?',
          },
          anchors: [
            // 1
            {
              nl: 'Kan niet of bijna niet schrijven; naam en adres lukken met moeite.',
              fr: 'Ne sait pas écrire, ou presque pas ; écrire son nom et son adresse est difficile.',
              en: 'Cannot write, or hardly at all; name and address only with difficulty.',
            },
            // 2
            {
              nl: 'Schrijft naam, adres en een paar woorden; een formulier invullen lukt niet alleen.',
              fr: 'Écrit son nom, son adresse et quelques mots ; remplir un formulaire est impossible sans aide.',
              en: 'Writes name, address and a few words; cannot fill in a form alone.',
            },
            // 3
            {
              nl: 'Vult eenvoudige formulieren in en schrijft korte berichten, met fouten die soms storen.',
              fr: 'Remplit des formulaires simples et écrit de courts messages, avec des fautes qui gênent parfois.',
              en: 'Fills in simple forms and writes short messages, with mistakes that sometimes get in the way.',
            },
            // 4
            {
              nl: 'Schrijft zelf berichten en mails; een officiële brief is nog moeilijk.',
              fr: 'Écrit des messages et des e-mails sans aide ; une lettre officielle reste difficile.',
              en: 'Writes messages and e-mails independently; an official letter is still hard.',
            },
            // 5
            {
              nl: 'Schrijft vlot alle soorten teksten, ook officiële brieven.',
              fr: 'Écrit facilement tous types de textes, même des lettres officielles.',
              en: 'Writes all kinds of texts easily, including official letters.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
        {
          key: 'rekenen',
          name: { nl: 'Rekenen', fr: 'Calcul', en: 'Numeracy' },
          question: {
            nl: 'Lukt het om te rekenen met geld, prijzen en rekeningen?',
            fr: 'Arrivez-vous à calculer avec l’argent, les prix et les factures ?',
            en: 'Can you work with numbers for money, prices and bills?',
          },
          anchors: [
            // 1
            {
              nl: 'Kan niet rekenen met getallen of geld; weet niet of het wisselgeld klopt.',
              fr: 'Ne sait pas calculer avec des chiffres ou de l’argent ; ne sait pas si la monnaie rendue est juste.',
              en: 'Cannot work with numbers or money; does not know if the change is right.',
            },
            // 2
            {
              nl: 'Eenvoudig optellen lukt; prijzen vergelijken of een rekening nakijken lukt niet.',
              fr: 'Sait faire des additions simples, mais pas comparer des prix ou vérifier une facture.',
              en: 'Simple adding up works; comparing prices or checking a bill does not.',
            },
            // 3
            {
              nl: 'Kan prijzen vergelijken; een factuur of afrekening begrijpen is soms moeilijk.',
              fr: 'Sait comparer des prix ; comprendre une facture ou un décompte est parfois difficile.',
              en: 'Can compare prices; understanding an invoice or a statement is sometimes hard.',
            },
            // 4
            {
              nl: 'Rekent goed in het dagelijks leven; procenten of een afbetalingsplan zijn lastig.',
              fr: 'Calcule bien au quotidien ; les pourcentages ou un plan de paiement restent compliqués.',
              en: 'Good with everyday numbers; percentages or a repayment plan are difficult.',
            },
            // 5
            {
              nl: 'Rekent vlot, ook met procenten, intresten en afrekeningen.',
              fr: 'Calcule facilement, aussi avec des pourcentages, des intérêts et des décomptes.',
              en: 'Works with numbers easily, including percentages, interest and statements.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'volwassene-vrije-tijd',
      level: 'volwassene',
      name: { nl: 'Vrije tijd', fr: 'Loisirs', en: 'Leisure' },
      domains: [
        {
          key: 'vrije-tijd',
          name: { nl: 'Vrije tijd', fr: 'Loisirs', en: 'Leisure time' },
          question: {
            nl: 'Doe je soms iets leuks buitenshuis, zoals een hobby, sport of een vereniging?',
            fr: 'Faites-vous parfois quelque chose d’agréable en dehors de chez vous, comme un hobby, du sport ou une association ?',
            en: 'Do you sometimes do something enjoyable outside the home, like a hobby, sport or a club?',
          },
          anchors: [
            // 1
            {
              nl: 'Nooit iets buitenshuis om te ontspannen; zit bijna altijd thuis.',
              fr: 'Jamais d’activité de détente à l’extérieur ; presque toujours à la maison.',
              en: 'Never does anything outside the home to relax; almost always at home.',
            },
            // 2
            {
              nl: 'Heel af en toe iets buitenshuis; geld, tijd of zorgen houden tegen.',
              fr: 'Très rarement une activité à l’extérieur ; l’argent, le temps ou les soucis freinent.',
              en: 'Very occasionally something outside the home; money, time or worries hold them back.',
            },
            // 3
            {
              nl: 'Soms een activiteit buitenshuis, maar minder dan gewenst.',
              fr: 'Parfois une activité à l’extérieur, mais moins que souhaité.',
              en: 'Sometimes an activity outside the home, but less than wished.',
            },
            // 4
            {
              nl: 'Geregeld een hobby, sport of uitstap buitenshuis, maar niets vast.',
              fr: 'Régulièrement un hobby, du sport ou une sortie, mais rien de fixe.',
              en: 'Regularly a hobby, sport or outing, but nothing fixed.',
            },
            // 5
            {
              nl: 'Een vaste hobby, sport of vereniging; een goed evenwicht tussen zorgen en ontspanning.',
              fr: 'Un hobby, un sport ou une association réguliers ; un bon équilibre entre obligations et détente.',
              en: 'A regular hobby, sport or club; a good balance between duties and relaxation.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['vrije_tijd'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'volwassene-persoonlijke-vaardigheden',
      level: 'volwassene',
      name: { nl: 'Persoonlijke vaardigheden', fr: 'Compétences personnelles', en: 'Personal skills' },
      domains: [
        {
          key: 'zelfvertrouwen',
          name: { nl: 'Zelfvertrouwen', fr: 'Confiance en soi', en: 'Self-confidence' },
          question: {
            nl: 'Geloof je dat je zelf dingen kunt veranderen in je leven?',
            fr: 'Croyez-vous que vous pouvez vous-même changer des choses dans votre vie ?',
            en: 'Do you believe you can change things in your life yourself?',
          },
          anchors: [
            // 1
            {
              nl: 'Heel weinig zelfvertrouwen; gelooft niet dat er iets kan veranderen.',
              fr: 'Très peu de confiance en soi ; ne croit pas que quelque chose puisse changer.',
              en: 'Very little self-confidence; does not believe anything can change.',
            },
            // 2
            {
              nl: 'Twijfelt veel aan zichzelf; durft zelden een stap te zetten.',
              fr: 'Doute beaucoup de soi ; ose rarement faire un pas.',
              en: 'Doubts themselves a lot; rarely dares to take a step.',
            },
            // 3
            {
              nl: 'Durft soms een stap te zetten, met aanmoediging.',
              fr: 'Ose parfois faire un pas, avec des encouragements.',
              en: 'Sometimes dares to take a step, with encouragement.',
            },
            // 4
            {
              nl: 'Vertrouwt meestal op eigen kunnen; bij tegenslag komt de twijfel terug.',
              fr: 'A le plus souvent confiance en ses capacités ; le doute revient en cas de difficulté.',
              en: 'Usually trusts their own abilities; doubt comes back after a setback.',
            },
            // 5
            {
              nl: 'Vertrouwt op eigen kunnen, stelt zelf doelen en zet door.',
              fr: 'A confiance en ses capacités, se fixe des objectifs et persévère.',
              en: 'Trusts their own abilities, sets their own goals and keeps going.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['zelfvertrouwen'],
          sensitive: false,
        },
        {
          key: 'communicatievaardigheden',
          name: { nl: 'Communicatievaardigheden', fr: 'Compétences en communication', en: 'Communication skills' },
          question: {
            nl: 'Lukt het om te zeggen wat je wilt of nodig hebt, ook aan een loket of bij een afspraak?',
            fr: 'Arrivez-vous à dire ce que vous voulez ou ce dont vous avez besoin, aussi au guichet ou lors d’un rendez-vous ?',
            en: 'Can you say what you want or need, also at a service desk or in an appointment?',
          },
          anchors: [
            // 1
            {
              nl: 'Kan zelden zeggen wat nodig is; gesprekken lopen vaak vast of uit de hand.',
              fr: 'Arrive rarement à exprimer ses besoins ; les conversations bloquent ou dérapent souvent.',
              en: 'Rarely manages to say what is needed; conversations often get stuck or out of hand.',
            },
            // 2
            {
              nl: 'Gesprekken met diensten of onbekenden lukken alleen met iemand erbij.',
              fr: 'Les échanges avec des services ou des inconnus ne sont possibles qu’avec quelqu’un à ses côtés.',
              en: 'Conversations with services or strangers only work with someone else there.',
            },
            // 3
            {
              nl: 'Kan zich uitdrukken in bekende situaties; bij spanning of conflict lukt het moeilijk.',
              fr: 'S’exprime bien dans des situations connues ; c’est difficile en cas de tension ou de conflit.',
              en: 'Can express themselves in familiar situations; it is hard under stress or in conflict.',
            },
            // 4
            {
              nl: 'Praat meestal duidelijk en rustig; een moeilijk gesprek vraagt soms voorbereiding.',
              fr: 'Communique le plus souvent clairement et calmement ; un entretien difficile demande parfois de la préparation.',
              en: 'Usually communicates clearly and calmly; a difficult conversation sometimes needs preparing.',
            },
            // 5
            {
              nl: 'Praat duidelijk en met respect, ook in moeilijke gesprekken.',
              fr: 'Communique clairement et avec respect, même dans les conversations difficiles.',
              en: 'Communicates clearly and respectfully, also in difficult conversations.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['communicatie'],
          sensitive: false,
        },
        {
          key: 'organisatie-en-planning',
          name: {
            nl: 'Organisatie- en planningsvermogen',
            fr: 'Organisation et planification',
            en: 'Organising and planning',
          },
          question: {
            nl: 'Lukt het om je dagen te plannen en afspraken na te komen?',
            fr: 'Arrivez-vous à organiser vos journées et à respecter vos rendez-vous ?',
            en: 'Are you able to plan your days and keep appointments?',
          },
          anchors: [
            // 1
            {
              nl: 'Geen vaste dagindeling; afspraken en taken worden bijna altijd vergeten.',
              fr: 'Pas de structure dans la journée ; rendez-vous et tâches presque toujours oubliés.',
              en: 'No daily structure; appointments and tasks are almost always forgotten.',
            },
            // 2
            {
              nl: 'Weinig structuur; afspraken lukken alleen als anderen eraan herinneren.',
              fr: 'Peu de structure ; les rendez-vous ne sont respectés que si d’autres y font penser.',
              en: 'Little structure; appointments are only kept when others give a reminder.',
            },
            // 3
            {
              nl: 'Komt afspraken meestal na met een agenda of herinnering; vooruit plannen is moeilijk.',
              fr: 'Respecte le plus souvent les rendez-vous grâce à un agenda ou un rappel ; planifier à l’avance est difficile.',
              en: 'Usually keeps appointments using a diary or reminder; planning ahead is difficult.',
            },
            // 4
            {
              nl: 'Plant de week zelf en komt afspraken na; als het druk is, loopt het soms mis.',
              fr: 'Planifie sa semaine et respecte ses rendez-vous ; en période chargée, ça coince parfois.',
              en: 'Plans the week and keeps appointments; when things get busy, it sometimes goes wrong.',
            },
            // 5
            {
              nl: 'Plant goed vooruit, ook op lange termijn, en houdt alles zelf bij.',
              fr: 'Planifie bien à l’avance, aussi à long terme, et garde tout en main.',
              en: 'Plans well ahead, also for the long term, and keeps track of everything.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: false,
          podMiAreas: ['organisatie_planning'],
          sensitive: false,
        },
      ],
    },
    // ---- kind ----------------------------------------------------------------
    {
      key: 'kind-school',
      level: 'kind',
      name: { nl: 'School', fr: 'École', en: 'School' },
      domains: [
        {
          key: 'kind-aanwezigheid-school',
          name: { nl: 'Aanwezigheid school', fr: 'Présence à l’école', en: 'School attendance' },
          question: {
            nl: 'Gaat je kind elke dag naar school?',
            fr: 'Votre enfant va-t-il à l’école tous les jours ?',
            en: 'Does your child go to school every day?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind gaat nooit of bijna nooit naar school, of is niet ingeschreven.',
              fr: 'L’enfant ne va jamais ou presque jamais à l’école, ou n’est pas inscrit.',
              en: 'The child never or hardly ever goes to school, or is not enrolled.',
            },
            // 2
            {
              nl: 'Het kind is vaak afwezig zonder geldige reden of komt vaak te laat.',
              fr: 'L’enfant est souvent absent sans motif valable ou arrive souvent en retard.',
              en: 'The child is often absent without a valid reason or is often late.',
            },
            // 3
            {
              nl: 'Het kind mist geregeld lesdagen of lesuren; de school volgt dit op.',
              fr: 'L’enfant manque régulièrement des jours ou des heures de cours ; l’école assure un suivi.',
              en: 'The child regularly misses school days or lessons; the school is following this up.',
            },
            // 4
            {
              nl: 'Het kind gaat bijna altijd naar school; soms een afwezigheid.',
              fr: 'L’enfant va presque toujours à l’école ; parfois une absence.',
              en: 'The child almost always goes to school; an occasional absence.',
            },
            // 5
            {
              nl: 'Het kind gaat elke dag en op tijd naar school.',
              fr: 'L’enfant va à l’école tous les jours et à l’heure.',
              en: 'The child goes to school every day and on time.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: true,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
        {
          key: 'kind-leerproblemen',
          name: { nl: 'Leerproblemen', fr: 'Difficultés d’apprentissage', en: 'Learning difficulties' },
          question: {
            nl: 'Heeft je kind moeite met leren op school?',
            fr: 'Votre enfant a-t-il des difficultés à apprendre à l’école ?',
            en: 'Does your child find learning at school difficult?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind heeft ernstige leerproblemen en krijgt geen aangepaste hulp.',
              fr: 'L’enfant a de graves difficultés d’apprentissage et ne reçoit pas d’aide adaptée.',
              en: 'The child has serious learning difficulties and gets no suitable support.',
            },
            // 2
            {
              nl: 'Het kind loopt veel achter of dreigt te blijven zitten; de hulp is nog niet genoeg.',
              fr: 'L’enfant a beaucoup de retard ou risque de redoubler ; l’aide ne suffit pas encore.',
              en: 'The child is far behind or at risk of repeating a year; the help is not yet enough.',
            },
            // 3
            {
              nl: 'Het kind heeft leerproblemen en krijgt hulp (bv. CLB, bijles, logopedie); er is nog achterstand.',
              fr: 'L’enfant a des difficultés et reçoit de l’aide (p. ex. PMS, remédiation, logopédie) ; il reste du retard.',
              en: 'The child has learning difficulties and gets help (e.g. tutoring, speech therapy); is still behind.',
            },
            // 4
            {
              nl: 'Het kind heeft kleine leerproblemen; met wat hulp volgt het goed mee.',
              fr: 'L’enfant a de petites difficultés ; avec un peu d’aide, il suit bien.',
              en: 'The child has minor learning difficulties; keeps up well with a little help.',
            },
            // 5
            {
              nl: 'Het kind leert zonder problemen en volgt goed mee in de klas.',
              fr: 'L’enfant apprend sans difficulté et suit bien en classe.',
              en: 'The child learns without difficulty and keeps up well in class.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: true,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
        {
          key: 'kind-welbevinden-school',
          name: { nl: 'Welbevinden op school', fr: 'Bien-être à l’école', en: 'Well-being at school' },
          question: {
            nl: 'Voelt je kind zich goed op school?',
            fr: 'Votre enfant se sent-il bien à l’école ?',
            en: 'Does your child feel good at school?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind voelt zich heel slecht op school (bv. gepest, bang) en wil er niet meer naartoe.',
              fr: 'L’enfant se sent très mal à l’école (p. ex. harcèlement, peur) et ne veut plus y aller.',
              en: 'The child feels very bad at school (e.g. bullied, afraid) and no longer wants to go.',
            },
            // 2
            {
              nl: 'Het kind voelt zich vaak niet goed op school; weinig vrienden of veel ruzie.',
              fr: 'L’enfant se sent souvent mal à l’école ; peu d’amis ou beaucoup de disputes.',
              en: 'The child often does not feel good at school; few friends or a lot of conflict.',
            },
            // 3
            {
              nl: 'Het kind voelt zich soms goed en soms niet goed op school.',
              fr: 'L’enfant se sent parfois bien, parfois mal à l’école.',
              en: 'The child sometimes feels good at school and sometimes not.',
            },
            // 4
            {
              nl: 'Het kind gaat meestal graag naar school; af en toe een moeilijke periode.',
              fr: 'L’enfant va le plus souvent volontiers à l’école ; parfois une période difficile.',
              en: 'The child usually likes going to school; an occasional difficult period.',
            },
            // 5
            {
              nl: 'Het kind gaat graag naar school, heeft er vrienden en voelt zich er thuis.',
              fr: 'L’enfant aime aller à l’école, y a des amis et s’y sent bien.',
              en: 'The child likes going to school, has friends there and feels at home there.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: false,
          podMiAreas: ['opleiding'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'kind-vrije-tijd-netwerk',
      level: 'kind',
      name: { nl: 'Vrije tijd', fr: 'Loisirs', en: 'Leisure' },
      domains: [
        {
          key: 'kind-vrije-tijd',
          name: { nl: 'Vrije tijd', fr: 'Loisirs', en: 'Leisure time' },
          question: {
            nl: 'Doet je kind buiten de school iets leuks, zoals sport, jeugdbeweging of een hobby?',
            fr: 'Votre enfant fait-il quelque chose d’agréable en dehors de l’école, comme du sport, un mouvement de jeunesse ou un hobby ?',
            en: 'Does your child do something fun outside school, like sport, a youth club or a hobby?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind heeft geen vrijetijdsactiviteiten buiten school en zit bijna altijd thuis.',
              fr: 'L’enfant n’a aucune activité de loisirs en dehors de l’école et reste presque toujours à la maison.',
              en: 'The child has no leisure activities outside school and is almost always at home.',
            },
            // 2
            {
              nl: 'Het kind doet zelden iets buiten school; geld, vervoer of aanbod houden tegen.',
              fr: 'L’enfant fait rarement quelque chose en dehors de l’école ; l’argent, le transport ou l’offre freinent.',
              en: 'The child rarely does anything outside school; money, transport or what is on offer hold back.',
            },
            // 3
            {
              nl: 'Het kind doet soms mee aan een activiteit (bv. speelpleinwerking, kamp), maar niet vast.',
              fr: 'L’enfant participe parfois à une activité (p. ex. plaine de jeux, stage), mais pas régulièrement.',
              en: 'The child sometimes joins an activity (e.g. holiday play scheme, camp), but not regularly.',
            },
            // 4
            {
              nl: 'Het kind heeft een vaste hobby of club, maar volhouden is soms moeilijk.',
              fr: 'L’enfant a un hobby ou un club régulier, mais continuer est parfois difficile.',
              en: 'The child has a regular hobby or club, but keeping it up is sometimes hard.',
            },
            // 5
            {
              nl: 'Het kind heeft een vaste hobby, sport of jeugdbeweging en doet die graag.',
              fr: 'L’enfant a un hobby, un sport ou un mouvement de jeunesse réguliers et y prend plaisir.',
              en: 'The child has a regular hobby, sport or youth club and enjoys it.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['vrije_tijd'],
          sensitive: false,
        },
        {
          key: 'kind-netwerk',
          name: { nl: 'Netwerk', fr: 'Réseau', en: 'Network' },
          question: {
            nl: 'Heeft je kind vrienden en mensen bij wie het zich goed voelt?',
            fr: 'Votre enfant a-t-il des amis et des personnes avec qui il se sent bien ?',
            en: 'Does your child have friends and people they feel good with?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind heeft geen vrienden en geen contact met leeftijdsgenoten buiten school.',
              fr: 'L’enfant n’a pas d’amis ni de contact avec des enfants de son âge en dehors de l’école.',
              en: 'The child has no friends and no contact with children their age outside school.',
            },
            // 2
            {
              nl: 'Het kind heeft weinig contact met andere kinderen en voelt zich vaak alleen.',
              fr: 'L’enfant a peu de contacts avec d’autres enfants et se sent souvent seul.',
              en: 'The child has little contact with other children and often feels alone.',
            },
            // 3
            {
              nl: 'Het kind heeft een paar vrienden, maar ziet ze weinig buiten school.',
              fr: 'L’enfant a quelques amis, mais les voit peu en dehors de l’école.',
              en: 'The child has a few friends, but rarely sees them outside school.',
            },
            // 4
            {
              nl: 'Het kind heeft vrienden en ziet ze geregeld; een vertrouwenspersoon buiten het gezin ontbreekt nog.',
              fr: 'L’enfant a des amis et les voit régulièrement ; il manque encore une personne de confiance hors de la famille.',
              en: 'The child has friends and sees them regularly; a trusted adult outside the family is still missing.',
            },
            // 5
            {
              nl: 'Het kind heeft goede vrienden en volwassenen buiten het gezin bij wie het terecht kan.',
              fr: 'L’enfant a de bons amis et des adultes hors de la famille vers qui se tourner.',
              en: 'The child has good friends and adults outside the family to turn to.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['sociaal_netwerk'],
          sensitive: false,
        },
      ],
    },
    {
      key: 'kind-gezondheid',
      level: 'kind',
      name: { nl: 'Gezondheid', fr: 'Santé', en: 'Health' },
      domains: [
        {
          key: 'kind-fysieke-gezondheid',
          name: { nl: 'Fysieke gezondheid', fr: 'Santé physique', en: 'Physical health' },
          question: {
            nl: 'Hoe gaat het met de lichamelijke gezondheid van je kind?',
            fr: 'Comment va la santé physique de votre enfant ?',
            en: 'How is your child’s physical health?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind heeft ernstige gezondheidsproblemen en krijgt niet de zorg die nodig is.',
              fr: 'L’enfant a de graves problèmes de santé et ne reçoit pas les soins nécessaires.',
              en: 'The child has serious health problems and does not get the care needed.',
            },
            // 2
            {
              nl: 'Het kind is vaak ziek of heeft een aandoening die het dagelijks leven sterk beperkt.',
              fr: 'L’enfant est souvent malade ou a une affection qui limite fortement sa vie quotidienne.',
              en: 'The child is often ill or has a condition that strongly limits daily life.',
            },
            // 3
            {
              nl: 'Het kind heeft klachten; zorg, vaccinaties of tandarts zijn niet helemaal in orde.',
              fr: 'L’enfant a des problèmes de santé ; soins, vaccins ou dentiste pas tout à fait en ordre.',
              en: 'The child has health problems; care, vaccinations or dentist are not fully in order.',
            },
            // 4
            {
              nl: 'Het kind is meestal gezond, of een ziekte is goed onder controle.',
              fr: 'L’enfant est le plus souvent en bonne santé, ou sa maladie est bien sous contrôle.',
              en: 'The child is mostly healthy, or an illness is well under control.',
            },
            // 5
            {
              nl: 'Het kind is gezond; huisarts, tandarts en vaccinaties zijn in orde.',
              fr: 'L’enfant est en bonne santé ; médecin, dentiste et vaccins en ordre.',
              en: 'The child is healthy; doctor, dentist and vaccinations are in order.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['gezondheid'],
          sensitive: true,
        },
        {
          key: 'kind-mentale-gezondheid',
          name: { nl: 'Mentale gezondheid', fr: 'Santé mentale', en: 'Mental health' },
          question: {
            nl: 'Hoe voelt je kind zich de laatste tijd?',
            fr: 'Comment votre enfant se sent-il ces derniers temps ?',
            en: 'How has your child been feeling lately?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind zit in een ernstige crisis (bv. zelfverwonding, grote angst) en heeft dringend hulp nodig.',
              fr: 'L’enfant traverse une crise grave (p. ex. automutilation, grande angoisse) et a besoin d’aide d’urgence.',
              en: 'The child is in a serious crisis (e.g. self-harm, severe anxiety) and needs urgent help.',
            },
            // 2
            {
              nl: 'Het kind heeft zware emotionele of gedragsproblemen, thuis of op school.',
              fr: 'L’enfant a de lourdes difficultés émotionnelles ou de comportement, à la maison ou à l’école.',
              en: 'The child has serious emotional or behavioural problems, at home or at school.',
            },
            // 3
            {
              nl: 'Het kind zit soms niet goed in zijn vel (bv. piekeren, boosheid, slecht slapen).',
              fr: 'L’enfant ne se sent parfois pas bien dans sa peau (p. ex. soucis, colère, mauvais sommeil).',
              en: 'The child sometimes does not feel good in themselves (e.g. worrying, anger, poor sleep).',
            },
            // 4
            {
              nl: 'Het kind voelt zich meestal goed; moeilijke momenten gaan voorbij, eventueel met hulp.',
              fr: 'L’enfant se sent le plus souvent bien ; les moments difficiles passent, éventuellement avec de l’aide.',
              en: 'The child usually feels well; hard times pass, possibly with help.',
            },
            // 5
            {
              nl: 'Het kind voelt zich goed in zijn vel en kan omgaan met tegenslag.',
              fr: 'L’enfant se sent bien dans sa peau et sait faire face aux difficultés.',
              en: 'The child feels good in themselves and can cope with setbacks.',
            },
          ],
          allowNotApplicable: false,
          defaultOn: true,
          podMiAreas: ['gezondheid'],
          sensitive: true,
        },
      ],
    },
    {
      key: 'kind-verplaatsingen',
      level: 'kind',
      name: { nl: 'Mobiliteit', fr: 'Mobilité', en: 'Mobility' },
      domains: [
        {
          key: 'kind-mobiliteit',
          name: { nl: 'Mobiliteit', fr: 'Mobilité', en: 'Mobility' },
          question: {
            nl: 'Geraakt je kind gemakkelijk naar school, opvang en activiteiten?',
            fr: 'Votre enfant peut-il facilement se rendre à l’école, à la garderie et à ses activités ?',
            en: 'Can your child easily get to school, childcare and activities?',
          },
          anchors: [
            // 1
            {
              nl: 'Het kind geraakt niet naar school of activiteiten: er is geen vervoer mogelijk.',
              fr: 'L’enfant ne peut pas se rendre à l’école ou à ses activités : aucun transport n’est possible.',
              en: 'The child cannot get to school or activities: no transport is available.',
            },
            // 2
            {
              nl: 'Het kind komt door vervoersproblemen vaak te laat of niet op school.',
              fr: 'L’enfant arrive souvent en retard ou pas du tout à l’école à cause de problèmes de transport.',
              en: 'The child often arrives late or not at all at school because of transport problems.',
            },
            // 3
            {
              nl: 'Het kind geraakt naar school, maar activiteiten verder weg zijn moeilijk.',
              fr: 'L’enfant se rend à l’école, mais les activités plus éloignées sont difficiles.',
              en: 'The child gets to school, but activities further away are difficult.',
            },
            // 4
            {
              nl: 'Het kind geraakt meestal overal, maar hangt af van één persoon of één vervoermiddel.',
              fr: 'L’enfant se rend le plus souvent partout, mais dépend d’une seule personne ou d’un seul moyen de transport.',
              en: 'The child usually gets everywhere, but depends on one person or one means of transport.',
            },
            // 5
            {
              nl: 'Het kind geraakt vlot en veilig overal waar het moet zijn, passend bij de leeftijd.',
              fr: 'L’enfant se déplace facilement et en sécurité partout où il doit aller, selon son âge.',
              en: 'The child gets everywhere they need to be easily and safely, as suits their age.',
            },
          ],
          allowNotApplicable: true,
          defaultOn: true,
          podMiAreas: ['mobiliteit'],
          sensitive: false,
        },
      ],
    },
  ],
};
