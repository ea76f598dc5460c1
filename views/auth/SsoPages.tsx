import type { Ui } from '../../src/http/ui.js';
import type { SsoRefusal } from '../../src/sso/logic.js';
import { Layout } from '../layouts/Layout.js';

/**
 * The step between our sign-in page and the organisation's: a link, not a redirect. A form may
 * only send its data to our own site (CSP form-action 'self'), and browsers apply that to where a
 * form's answer redirects too; following a link is not a form submission. With JavaScript, htmx
 * goes straight on (HX-Redirect) and this page is not seen.
 */
export function SsoContinuePage({ ui, url }: { ui: Ui; url: string }) {
  const s = ui.t.sso.signin;
  return (
    <Layout ui={ui} title={s.continueTitle} bare>
      <div class="narrow">
        <h1>{s.continueTitle}</h1>
        <p>{s.continueIntro}</p>
        <p>
          <a class="button" href={url} data-focus-on-load>
            {s.continueLink}
          </a>
        </p>
      </div>
    </Layout>
  );
}

/** A sign-in through the organisation that did not succeed: why, in words, and the way back. */
export function SsoRefusedPage({ ui, reason }: { ui: Ui; reason: SsoRefusal }) {
  const s = ui.t.sso.signin;
  return (
    <Layout ui={ui} title={s.refusedTitle} bare>
      <div class="narrow">
        <h1>{s.refusedTitle}</h1>
        <p class="alert alert--error" role="alert">
          {s.refusals[reason]}
        </p>
        <p>
          <a href="/signin">{s.backToSignIn}</a>
        </p>
      </div>
    </Layout>
  );
}
