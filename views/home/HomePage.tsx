import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';

export function HomePage({ ui }: { ui: Ui }) {
  const { t } = ui;
  const user = ui.user!;
  return (
    <Layout ui={ui} title={t.home.title}>
      <h1>
        {t.home.title}, {user.displayName}
      </h1>
      <p>{t.home.intro}</p>
      <h2>{t.home.yourRoles}</h2>
      <ul>
        {user.isAdmin && <li>{t.roles.admin}</li>}
        {user.isPolicy && <li>{t.figures.roles.policy}</li>}
        {!user.isAdmin && !user.isPolicy && <li>{t.home.noRoles}</li>}
      </ul>
      {user.isPolicy && (
        <>
          <p>{t.figures.home.policyIntro}</p>
          <p>
            <a href="/figures">{t.figures.nav.figures}</a>
          </p>
        </>
      )}
      {user.isAdmin && (
        <p>
          <a href="/admin/users">{t.nav.users}</a>
        </p>
      )}
    </Layout>
  );
}
