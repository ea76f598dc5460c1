import type { AuditAction } from '../../audit/audit.js';
import type { SsoRefusal } from '../logic.js';
import type { SsoMessages } from './nl.js';

// French (fr-BE): "vous".

const refusals: Record<SsoRefusal, string> = {
  state: 'Cette connexion a pris trop de temps, a déjà été utilisée ou ne vient pas de ce navigateur. Recommencez.',
  providerError: 'La page de connexion de votre organisation a signalé une erreur, ou vous avez interrompu la connexion. Recommencez.',
  unreachable: 'La page de connexion de votre organisation ne répond pas pour l’instant. Réessayez dans quelques minutes.',
  response:
    'La réponse de la page de connexion de votre organisation n’était pas correcte : vous n’avez pas été connecté. Recommencez ; si cela ne fonctionne pas, prévenez votre administrateur.',
  noSubject: 'Votre organisation n’a pas indiqué qui vous êtes. Prévenez votre administrateur.',
  noEmail: 'Votre organisation n’a pas transmis d’adresse e-mail (confirmée). Prévenez votre administrateur.',
  domain: 'Votre adresse e-mail ne fait pas partie des domaines de votre organisation dans Bilan social. Prévenez votre administrateur.',
  unknownUser: 'Il n’y a pas encore de compte pour cette adresse e-mail. Demandez à votre administrateur de vous inviter.',
  alreadyLinked: 'Le compte de cette adresse e-mail est déjà lié à un autre compte de votre organisation. Prévenez votre administrateur.',
  signInFirst:
    'Ce compte a déjà son propre mot de passe. Connectez-vous une fois avec votre mot de passe (et votre code de vérification) puis liez la connexion par votre organisation sur la page Mon compte.',
  otherOrganisation: 'Cette adresse e-mail appartient à une autre organisation dans Bilan social. Prévenez votre administrateur.',
  disabled: 'Votre compte est désactivé. Demandez à votre administrateur de le réactiver.',
};

const auditActions = {
  'sso.configured': 'Connexion via l’organisation configurée',
  'sso.removed': 'Connexion via l’organisation désactivée',
  'sso.mfa_enforcement_recorded': 'Enregistré : le fournisseur d’identité demande toujours une deuxième étape',
  'sso.mfa_enforcement_withdrawn': 'Plus enregistré que le fournisseur d’identité demande une deuxième étape',
  'sso.password_signin_changed': 'Connexion par mot de passe activée ou désactivée',
  'sso.identity_linked': 'Compte lié au fournisseur d’identité',
  'signin.sso_success': 'Connecté via l’organisation',
  'signin.sso_refused': 'Connexion via l’organisation refusée',
  'user.created_by_sso': 'Compte créé à la première connexion via l’organisation',
} satisfies Partial<Record<AuditAction, string>>;

const formErrors: SsoMessages['admin']['errors'] = {
  issuerInvalid: 'Indiquez l’adresse du fournisseur d’identité, qui commence par https://, sans ? ni #.',
  issuerUnreachable: 'Le fournisseur d’identité ne répond pas à cette adresse (à /.well-known/openid-configuration). Vérifiez l’adresse.',
  issuerMismatch:
    'À cette adresse se trouve un fournisseur d’identité qui déclare une autre adresse comme la sienne. Utilisez l’adresse que le fournisseur indique lui-même (issuer).',
  clientIdRequired: 'Indiquez l’identifiant client que le fournisseur d’identité a donné à Bilan social.',
  tooLong: 'C’est trop long.',
  clientSecretRequired: 'Indiquez le secret (client secret) que le fournisseur d’identité a donné à Bilan social.',
  domainsRequired: 'Indiquez au moins un domaine e-mail, comme cpas-exemple.be.',
  domainsInvalid: (domains: string) => `Ce n’est pas un domaine e-mail : ${domains}.`,
  domainsTooMany: (n: number) => `Indiquez au maximum ${n} domaines.`,
  domainsTaken: (domains: string) => `Ces domaines appartiennent déjà à une autre organisation : ${domains}.`,
  passwordOffNeedsOwnSignIn:
    'Connectez-vous d’abord vous-même une fois via votre organisation, pour ne pas vous retrouver bloqué. Ensuite vous pourrez désactiver la connexion par mot de passe.',
};

export const ssoFr: SsoMessages = {
  account: {
    title: 'Connexion par votre organisation',
    linked: 'Votre compte est lié : vous pouvez vous connecter avec le compte de votre organisation.',
    explain: 'Liez une fois votre compte à la connexion de votre organisation. Ensuite, vous pourrez aussi vous connecter ainsi.',
    link: 'Lier',
  },
  signin: {
    button: 'Se connecter avec le compte de votre organisation',
    hint: 'Votre organisation utilise un seul compte pour tout ? Indiquez votre adresse e-mail et choisissez ce bouton.',
    noProvider: 'La connexion via votre organisation n’est pas configurée pour cette adresse e-mail. Connectez-vous avec votre mot de passe.',
    continueTitle: 'Vers la page de connexion de votre organisation',
    continueIntro: 'Vous vous connectez sur la page de connexion de votre organisation. Vous revenez ensuite ici automatiquement.',
    continueLink: 'Continuer vers la page de connexion',
    refusedTitle: 'La connexion via votre organisation n’a pas abouti',
    refusals,
    backToSignIn: 'Retour à la connexion',
    passwordLinkOff:
      'Votre organisation se connecte avec son propre compte, pas avec un mot de passe. Allez à la connexion et choisissez « Se connecter avec le compte de votre organisation ».',
  },
  auditActions,
  auditTargetTypes: { sso_refusal: 'Motif' },
  admin: {
    nav: 'Connexion via l’organisation',
    title: 'Connexion via votre organisation',
    intro:
      'Avec l’authentification unique, le personnel se connecte avec le compte de la commune ou du CPAS (par exemple Microsoft Entra ID), via OpenID Connect. Un nouveau compte est lié une seule fois au fournisseur d’identité via l’adresse e-mail ; ensuite Bilan social reconnaît la personne grâce au fournisseur, plus grâce à l’adresse e-mail.',
    redirectUri: 'Adresse de retour (redirect URI) à indiquer chez le fournisseur d’identité',
    issuer: 'Adresse du fournisseur d’identité (issuer)',
    issuerHint: 'Par exemple https://login.microsoftonline.com/<tenant-id>/v2.0',
    clientId: 'Identifiant client',
    clientSecret: 'Secret (client secret)',
    clientSecretKeep: 'Laissez vide pour garder le secret enregistré.',
    domains: 'Domaines e-mail',
    domainsHint: 'Les domaines des adresses e-mail de votre personnel, un par ligne. L’écran de connexion reconnaît votre organisation grâce à eux.',
    autoCreate: 'Créer un compte pour qui n’en a pas encore',
    autoCreateHint: 'Seulement pour les adresses des domaines ci-dessus. Le nouveau compte ne reçoit aucun rôle : un administrateur les attribue.',
    mfaEnforced: 'Le fournisseur d’identité demande toujours une deuxième étape (MFA)',
    mfaEnforcedHint:
      'Ne cochez que si c’est ainsi configuré chez le fournisseur. Bilan social ne demande alors plus sa propre vérification en deux étapes. Si le fournisseur indique lui-même qu’il a demandé une deuxième étape, ce n’est pas nécessaire.',
    passwordSignIn: 'Autoriser la connexion par mot de passe',
    passwordSignInHint:
      'Si vous désactivez ceci, votre personnel ne peut plus se connecter que via l’organisation. L’administrateur du serveur peut toujours la réactiver.',
    submit: 'Enregistrer',
    saved: 'Les paramètres sont enregistrés.',
    linked: (n: number) => `Comptes liés : ${n}`,
    removeTitle: 'Désactiver',
    removeIntro: 'Désactivez la connexion via l’organisation. Tout le monde se connecte alors à nouveau avec un mot de passe.',
    remove: 'Désactiver la connexion via l’organisation',
    removed: 'La connexion via l’organisation est désactivée.',
    conflict:
      'Quelqu’un d’autre a modifié ces paramètres pendant que vous les modifiiez. Vos modifications sont toujours dans le formulaire ; enregistrez à nouveau pour les garder.',
    errors: formErrors,
  },
};
