import type { Child } from 'hono/jsx';
import type { Messages } from '../../src/i18n/index.js';

/**
 * What a full-page POST achieved, said once and where the user is (the GOV.UK notification banner
 * pattern, success variant): the page opens with focus on the banner, so a screen reader reads it
 * at once and a keyboard user continues from there (public/js/app.js focuses `data-focus-on-load`;
 * without JS the `autofocus` attribute does). role="alert" for the browsers and screen readers that
 * announce an alert present at load; nothing else on the page repeats the message in a live region.
 * `children`: what to do next (links), under the message.
 */
export function NotificationBanner({ t, message, children }: { t: Messages; message: string; children?: Child }) {
  return (
    <div class="notification-banner" role="alert" aria-labelledby="notification-banner-title" tabindex={-1} data-focus-on-load autofocus>
      <h2 class="notification-banner__title" id="notification-banner-title">
        {t.layout.successTitle}
      </h2>
      <div class="notification-banner__content">
        <p class="notification-banner__heading">{message}</p>
        {children}
      </div>
    </div>
  );
}
