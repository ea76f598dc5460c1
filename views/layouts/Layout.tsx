import type { Child } from 'hono/jsx';
import type { Ui } from '../../src/http/ui.js';
import { asset } from '../../src/http/static-assets.js';
import { dossierName, type DossierNamed } from '../components/dossier.js';

interface Props {
  ui: Ui;
  /** What the page shows, most specific first ("Meting van 25/11/2026"); the layout adds the rest. */
  title: string;
  /** A page about a client file names it: the title becomes "<title> — <dossier> — <app>". */
  dossier?: DossierNamed;
  children: Child;
  /** Pages without navigation (sign-in, setup, errors before sign-in). */
  bare?: boolean;
}

export function Layout({ ui, title, dossier, children, bare }: Props) {
  const { t, user } = ui;
  // A refused form (status 422) says so in the title, the first thing a screen reader announces (WCAG 3.3.1).
  const windowTitle = [(ui.formRefused ? t.layout.errorTitle : '') + title, ...(dossier ? [dossierName(ui, dossier)] : []), t.app.name].join(' — ');
  const nav =
    user && !user.mustSetUpTwoFactor
      ? [
          ...(user.memberships.length
            ? [
                { href: '/', label: t.nav.caseload },
                { href: '/todo', label: t.figures.nav.todo },
              ]
            : [{ href: '/', label: t.nav.home }]),
          // Figures: team leads (their teams) and the "beleid" role (the organisation).
          ...(user.isPolicy || user.memberships.some((m) => m.role === 'lead') ? [{ href: '/figures', label: t.figures.nav.figures }] : []),
          { href: '/catalogue', label: t.nav.catalogue },
          ...(user.isAdmin ? [{ href: '/admin/users', label: t.nav.users }] : []),
          { href: '/account', label: t.nav.account },
        ]
      : [];
  return (
    <html lang={t.meta.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{windowTitle}</title>
        <meta name="htmx-config" content="includeIndicatorCSS:false" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href={asset('img/icon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={asset('css/app.css')} />
        <link rel="stylesheet" href={asset('css/print.css')} media="print" />
        <script src={asset('vendor/htmx.min.js')} nonce={ui.nonce} defer></script>
        <script src={asset('js/app.js')} nonce={ui.nonce} defer></script>
      </head>
      <body data-idle-ms={user ? String(ui.idleMs) : undefined} data-network-error={t.errors.network}>
        <a class="skip-link" href="#main">
          {t.layout.skipLink}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              {t.app.name}
            </a>
            {user && (
              <div class="user-menu">
                <span class="user-menu__name">{t.layout.signedInAs(user.displayName)}</span>
                <form method="post" action="/signout" class="inline-form">
                  <button type="submit" class="button button--quiet">
                    {t.layout.signOut}
                  </button>
                </form>
              </div>
            )}
          </div>
        </header>
        {!bare && nav.length > 0 && (
          <nav class="main-nav" aria-label={t.layout.mainNav}>
            <ul>
              {nav.map((item) => (
                <li>
                  <a href={item.href} aria-current={isCurrent(ui.path, item.href) ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t.layout.footer}</p>
        </footer>
        <div id="live-region" class="live-region" role="status" aria-live="polite" aria-atomic="true"></div>
        {user && (
          <dialog id="idle-dialog" class="idle-dialog" aria-labelledby="idle-title" aria-describedby="idle-body">
            <h2 id="idle-title">{t.auth.idle.title}</h2>
            <p id="idle-body">{t.auth.idle.body}</p>
            <button type="button" class="button" id="idle-stay" data-done={t.auth.idle.stayed}>
              {t.auth.idle.stay}
            </button>
          </dialog>
        )}
      </body>
    </html>
  );
}

function isCurrent(path: string, href: string): boolean {
  if (href === '/') return path === '/';
  // The admin entry stands for the whole /admin section (users, teams, settings, audit log).
  const section = href.startsWith('/admin/') ? '/admin' : href;
  return path === section || path.startsWith(section + '/');
}
