import { balancesFr } from '../../balances/messages/fr.js';
import { gpmiFr } from '../../gpmi/messages/fr.js';
import { figuresFr } from '../../figures/messages/fr.js';
import { overviewFr } from '../../overview/messages/fr.js';
import { pdfFr } from '../../pdf/messages/fr.js';
import { apiFr } from '../../api/messages/fr.js';
import { ssoFr } from '../../sso/messages/fr.js';
import { authFr } from '../../auth/messages/fr.js';
import { householdsFr } from '../../households/messages/fr.js';
import { catalogueFr } from '../../catalogue/messages/fr.js';
import { adminFr } from '../../admin/messages/fr.js';
import { clientVoiceFr } from '../../client-voice/messages/fr.js';
import type { Messages } from './nl.js';

export const fr: Messages = {
  meta: { lang: 'fr-BE', languageName: 'Français' },
  app: { name: 'Bilan social', tagline: 'Avoir ensemble une vue sur tous les domaines de vie' },
  layout: {
    skipLink: 'Aller au contenu',
    errorTitle: 'Erreur : ',
    mainNav: 'Menu principal',
    footer: 'Bilan social — un outil pour les CPAS',
    language: 'Langue',
    signOut: 'Se déconnecter',
    signedInAs: (name) => `Connecté·e en tant que ${name}`,
    print: 'Imprimer',
    successTitle: 'Succès',
  },
  nav: {
    home: 'Accueil',
    caseload: 'Mes dossiers',
    catalogue: 'Catalogue',
    users: 'Utilisateurs et équipes',
    account: 'Mon compte',
    audit: 'Journal',
  },
  home: {
    title: 'Bienvenue',
    intro:
      'Avec le Bilan social, vous faites le point avec la personne sur tous les domaines de vie, vous choisissez ensemble les points de travail et vous suivez l’évolution.',
    signInCta: 'Se connecter',
    yourRoles: 'Vos rôles',
    noRoles: 'Vous n’avez pas encore de rôle dans une équipe. Demandez à votre administrateur de vous ajouter à une équipe.',
  },
  roles: {
    admin: 'Administrateur·rice',
    lead: 'Responsable d’équipe',
    worker: 'Assistant·e social·e',
  },
  form: {
    errorSummaryTitle: 'Quelque chose ne va pas. Vérifiez ces champs :',
    required: 'Veuillez remplir ce champ.',
    save: 'Enregistrer',
    saved: (time) => `Enregistré à ${time}`,
    cancel: 'Annuler',
    optional: '(facultatif)',
    date: {
      format: 'Tapez jour/mois/année : jj/mm/aaaa.',
      between: (from, to) => `Entre le ${from} et le ${to}.`,
      fromToday: (from) => `Entre le ${from} et aujourd’hui.`,
      notFuture: 'Pas dans le futur.',
      notBefore: (from) => `Pas avant le ${from}.`,
      onePerLine: 'Une date par ligne.',
    },
  },
  errors: {
    notFoundTitle: 'Page introuvable',
    notFoundBody: 'Cette page n’existe pas (plus), ou vous n’y avez pas accès.',
    forbiddenTitle: 'Accès refusé',
    forbiddenBody: 'Vous n’avez pas accès à cette page. Adressez-vous à votre administrateur si vous pensez que c’est une erreur.',
    serverErrorTitle: 'Une erreur s’est produite',
    serverErrorBody: 'Une erreur s’est produite de notre côté. Réessayez. Si cela continue, communiquez ce code à votre administrateur :',
    tooLargeTitle: 'Trop de données',
    tooLargeBody: 'L’envoi est trop volumineux (plus de 1 Mo). Rien n’a été enregistré.',
    badRequestTitle: 'Demande invalide',
    badRequestBody: 'Les données n’ont pas pu être lues. Rien n’a été enregistré.',
    csrfTitle: 'Demande refusée',
    csrfBody: 'Cette demande ne venait pas de ce site et a été refusée. Rien n’a été enregistré.',
    csrfAddress: (address) =>
      `Bilan social fonctionne à l’adresse ${address}. Ouvrez-le via cette adresse (et non via une autre adresse ou un numéro IP), connectez-vous-y et réessayez.`,
    backHome: 'Retour à l’accueil',
    network: 'La connexion au serveur a échoué. Ce que vous avez tapé est toujours à l’écran ; réessayez.',
    requestId: 'Code d’erreur',
  },
  auth: authFr,
  households: householdsFr,
  catalogue: catalogueFr,
  admin: adminFr,
  balances: balancesFr,
  gpmi: gpmiFr,
  figures: figuresFr,
  overview: overviewFr,
  pdf: pdfFr,
  clientVoice: clientVoiceFr,
  api: apiFr,
  sso: ssoFr,
};
