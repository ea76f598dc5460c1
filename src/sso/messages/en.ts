import type { AuditAction } from '../../audit/audit.js';
import type { SsoRefusal } from '../logic.js';
import type { SsoMessages } from './nl.js';

// English.

const refusals: Record<SsoRefusal, string> = {
  state: 'This sign-in took too long, was used already, or did not come from this browser. Start again.',
  providerError: 'Your organisation’s sign-in page reported an error, or you stopped signing in. Start again.',
  unreachable: 'Your organisation’s sign-in page does not answer right now. Try again in a few minutes.',
  response:
    'The answer of your organisation’s sign-in page was not right, so you were not signed in. Start again; if it keeps failing, tell your administrator.',
  noSubject: 'Your organisation did not say who you are. Tell your administrator.',
  noEmail: 'Your organisation did not pass on a (confirmed) e-mail address. Tell your administrator.',
  domain: 'Your e-mail address is not on your organisation’s domains in Sociale Balans. Tell your administrator.',
  unknownUser: 'There is no account for this e-mail address yet. Ask your administrator to invite you.',
  alreadyLinked: 'The account with this e-mail address is already linked to another account of your organisation. Tell your administrator.',
  signInFirst:
    'This account already has its own password. Sign in once with your password (and your two-step code), then link signing in through your organisation on the My account page.',
  otherOrganisation: 'This e-mail address belongs to another organisation in Sociale Balans. Tell your administrator.',
  disabled: 'Your account is disabled. Ask your administrator to enable it again.',
};

const auditActions = {
  'sso.configured': 'Sign-in through the organisation set up',
  'sso.removed': 'Sign-in through the organisation turned off',
  'sso.mfa_enforcement_recorded': 'Recorded: the identity provider always asks a second step',
  'sso.mfa_enforcement_withdrawn': 'No longer recorded that the identity provider asks a second step',
  'sso.password_signin_changed': 'Sign-in with a password turned on or off',
  'sso.identity_linked': 'Account linked to the identity provider',
  'signin.sso_success': 'Signed in through the organisation',
  'signin.sso_refused': 'Sign-in through the organisation refused',
  'user.created_by_sso': 'Account created at the first sign-in through the organisation',
} satisfies Partial<Record<AuditAction, string>>;

const formErrors: SsoMessages['admin']['errors'] = {
  issuerInvalid: 'Give the identity provider’s address, starting with https://, without ? or #.',
  issuerUnreachable: 'The identity provider does not answer at this address (at /.well-known/openid-configuration). Check the address.',
  issuerMismatch: 'At this address is an identity provider that names another address as its own. Use the address the provider names itself (issuer).',
  clientIdRequired: 'Give the client id the identity provider gave Sociale Balans.',
  tooLong: 'This is too long.',
  clientSecretRequired: 'Give the client secret the identity provider gave Sociale Balans.',
  domainsRequired: 'Give at least one e-mail domain, such as ocmw-example.be.',
  domainsInvalid: (domains: string) => `This is not an e-mail domain: ${domains}.`,
  domainsTooMany: (n: number) => `Give at most ${n} domains.`,
  domainsTaken: (domains: string) => `These domains already belong to another organisation: ${domains}.`,
  passwordOffNeedsOwnSignIn:
    'First sign in through your organisation yourself once, so you cannot lock yourself out. Then you can turn sign-in with a password off.',
};

export const ssoEn: SsoMessages = {
  account: {
    title: 'Signing in through your organisation',
    linked: "Your account is linked: you can sign in with your organisation's account.",
    explain: "Link your account once to your organisation's sign-in. After that you can also sign in that way.",
    link: 'Link',
  },
  signin: {
    button: 'Sign in with your organisation’s account',
    hint: 'Does your organisation use one account for everything? Type your e-mail address and choose this button.',
    noProvider: 'Sign-in through your organisation is not set up for this e-mail address. Sign in with your password.',
    continueTitle: 'To your organisation’s sign-in page',
    continueIntro: 'You sign in on your organisation’s sign-in page. After that you come back here by yourself.',
    continueLink: 'Continue to the sign-in page',
    refusedTitle: 'Signing in through your organisation did not work',
    refusals,
    backToSignIn: 'Back to sign in',
    passwordLinkOff:
      'Your organisation signs in with its own account, not with a password. Go to sign in and choose “Sign in with your organisation’s account”.',
  },
  auditActions,
  auditTargetTypes: { sso_refusal: 'Reason' },
  admin: {
    nav: 'Organisation sign-in',
    title: 'Sign-in through your organisation',
    intro:
      'With single sign-on, staff sign in with the account of the municipality or OCMW (for instance Microsoft Entra ID), through OpenID Connect. A new account links itself once to the identity provider through its e-mail address; after that Sociale Balans recognises the person by the provider, no longer by the e-mail address.',
    redirectUri: 'Return address (redirect URI) to enter at the identity provider',
    issuer: 'Address of the identity provider (issuer)',
    issuerHint: 'For instance https://login.microsoftonline.com/<tenant-id>/v2.0',
    clientId: 'Client id',
    clientSecret: 'Client secret',
    clientSecretKeep: 'Leave empty to keep the stored secret.',
    domains: 'E-mail domains',
    domainsHint: 'The domains of your staff’s e-mail addresses, one per line. The sign-in page recognises your organisation by them.',
    autoCreate: 'Create an account for whoever has none yet',
    autoCreateHint: 'Only for addresses on the domains above. The new account gets no role at all: an administrator gives it one.',
    mfaEnforced: 'The identity provider always asks a second step (MFA)',
    mfaEnforcedHint:
      'Tick this only when the provider is set up so. Sociale Balans then no longer asks its own two-step verification. When the provider itself says it asked a second step, this is not needed.',
    passwordSignIn: 'Allow sign-in with a password',
    passwordSignInHint: 'When you turn this off, your staff can only sign in through the organisation. The server administrator can always turn it on again.',
    submit: 'Save',
    saved: 'The settings are saved.',
    linked: (n: number) => `Linked accounts: ${n}`,
    removeTitle: 'Turn off',
    removeIntro: 'Turn sign-in through the organisation off. Everyone signs in with a password again.',
    remove: 'Turn sign-in through the organisation off',
    removed: 'Sign-in through the organisation is off.',
    conflict: 'Someone else changed these settings while you were editing them. Your changes are still in the form; save again to keep them.',
    errors: formErrors,
  },
};
