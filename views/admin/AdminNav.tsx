import type { Ui } from '../../src/http/ui.js';

/**
 * The administrator's sub-navigation (Gebruikers, Teams, Instellingen, API, ..., Logboek), on every admin
 * page. It reuses the main menu's styling; the current section is marked with aria-current, so
 * it does not depend on colour alone (underline + bold).
 */
export function AdminNav({ ui }: { ui: Ui }) {
  const t = ui.t.admin.nav;
  const items = [
    { href: '/admin/users', label: t.users },
    { href: '/admin/teams', label: t.teams },
    { href: '/admin/settings', label: t.settings },
    { href: '/figures/settings', label: ui.t.figures.settings.link },
    { href: '/admin/sso', label: ui.t.sso.admin.nav },
    { href: '/admin/api-clients', label: ui.t.api.admin.nav },
    { href: '/admin/audit', label: t.audit },
    { href: '/translations', label: ui.t.clientVoice.admin.navLabel },
  ];
  return (
    <nav class="main-nav admin-nav" aria-label={t.label}>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={ui.path === item.href || ui.path.startsWith(item.href + '/') ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
