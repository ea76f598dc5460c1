import type { Ui } from '../../src/http/ui.js';
import type { AuditRow } from '../../src/admin/model.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { AdminNav } from './AdminNav.js';

export function AuditPage(p: { ui: Ui; rows: AuditRow[]; page: number; pages: number }) {
  const { ui } = p;
  const a = ui.t.admin.audit;
  // Looked up by string: rows may hold actions added after this screen was written.
  const actions = a.actions as Partial<Record<string, string>>;
  const targetTypes = a.targetTypes as Partial<Record<string, string>>;
  return (
    <Layout ui={ui} title={a.title}>
      <AdminNav ui={ui} />
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      {p.rows.length === 0 ? (
        <p>{p.page === 1 ? a.empty : a.emptyPage}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{`${a.title} — ${a.page(p.page, p.pages)}`}</caption>
            <thead>
              <tr>
                <th scope="col">{a.time}</th>
                <th scope="col">{a.actor}</th>
                <th scope="col">{a.action}</th>
                <th scope="col">{a.target}</th>
                <th scope="col">{a.outcome}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{r.actorName ?? a.nobody}</td>
                  <td>{actions[r.action] ?? r.action}</td>
                  <td>{r.targetType ? `${targetTypes[r.targetType] ?? r.targetType}${r.targetId ? ` ${r.targetId}` : ''}` : a.nobody}</td>
                  <td>{a.outcomes[r.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.pages > 1 && (
        <nav aria-label={a.pagination}>
          <p>
            {p.page > 1 && (
              <>
                <a href={`/admin/audit?page=${Math.min(p.page - 1, p.pages)}`} rel="prev">
                  {a.previous}
                </a>
                {' · '}
              </>
            )}
            <span aria-current="page">{a.page(p.page, p.pages)}</span>
            {p.page < p.pages && (
              <>
                {' · '}
                <a href={`/admin/audit?page=${p.page + 1}`} rel="next">
                  {a.next}
                </a>
              </>
            )}
          </p>
        </nav>
      )}
    </Layout>
  );
}
