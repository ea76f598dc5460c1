import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { AdminNav } from './AdminNav.js';

export type LinkKind = 'invited' | 'renewed' | 'reset';
/** sent: the mail went out; failed: SMTP is configured but sending failed; off: no SMTP. */
export type MailOutcome = 'sent' | 'failed' | 'off';

/**
 * Shows a one-time invitation or reset link to the administrator. Only a hash of the token is
 * stored, so this is the one and only moment the link can be shown: the POST renders this page
 * directly instead of redirecting.
 */
export function LinkPage(p: { ui: Ui; kind: LinkKind; userId: number; name: string; email: string; link: string; mail: MailOutcome }) {
  const { ui } = p;
  const l = ui.t.admin.link;
  const title = { invited: l.invitedTitle, renewed: l.renewedTitle, reset: l.resetTitle }[p.kind];
  const intro = { invited: l.invitedIntro, renewed: l.renewedIntro, reset: l.resetIntro }[p.kind](p.name);
  return (
    <Layout ui={ui} title={title}>
      <AdminNav ui={ui} />
      <h1>{title}</h1>
      <p class="alert alert--success" role="status">
        {intro}
      </p>
      <div class="field">
        <label for="field-link">{l.linkLabel}</label>
        <p class="field__hint" id="field-link-hint">
          {p.kind === 'reset' ? l.validReset : l.validInvitation} {l.shownOnce}
        </p>
        <input type="text" id="field-link" name="link" value={p.link} readonly aria-describedby="field-link-hint" class="link-output" data-focus-on-load />
      </div>
      <p>{l.handOver}</p>
      <p class={p.mail === 'failed' ? 'alert alert--error' : 'alert alert--info'}>
        {p.mail === 'sent' ? l.mailSent(p.email) : p.mail === 'failed' ? l.mailFailed : l.noMail}
      </p>
      <p>
        <a href={`/admin/users/${p.userId}`}>{l.backToUser(p.name)}</a>
      </p>
      <p>
        <a href="/admin/users">{l.backToUsers}</a>
      </p>
    </Layout>
  );
}
