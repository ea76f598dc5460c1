import type { Ui } from '../../src/http/ui.js';
import type { AuditRow, AuditTargetText } from '../../src/admin/model.js';
import { targetKey } from '../../src/admin/logic.js';
import { formatDateTime, formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { AdminNav } from './AdminNav.js';
import { auditActionWords, auditTargetTypeWords } from './audit-words.js';

/** Types whose records are described when the reader may see them: otherwise "not shown". */
const DESCRIBED = new Set([
  'household',
  'household_member',
  'balance',
  'client_invitation',
  'gpmi',
  'user',
  'team',
  'organisation',
  'catalogue_version',
  'catalogue_domain',
  'catalogue_theme',
]);

/** What an audit row touched, in the reader's words (describeTargets decided what they may know). */
function targetWords(ui: Ui, targetTypes: Partial<Record<string, string>>, r: AuditRow, text: AuditTargetText | undefined): string {
  const a = ui.t.admin.audit;
  const w = a.targets;
  if (!r.targetType) return a.nobody;
  // Looked up by string: rows may hold target types added after this screen was written.
  const kind = targetTypes[r.targetType] ?? r.targetType;
  if (!text || text.kind === 'plain') {
    if (r.targetId === null) return kind;
    return DESCRIBED.has(r.targetType) ? w.notShown(kind, r.targetId) : `${kind} ${r.targetId}`;
  }
  switch (text.kind) {
    case 'household':
      return w.household(text.dossier.dossierRef, text.dossier.id);
    case 'member':
      return w.member(text.dossier.dossierRef, text.dossier.id);
    case 'balance':
      return w.balance(formatIsoDate(text.takenOn), text.dossier.dossierRef, text.dossier.id);
    case 'clientInvitation':
      return w.clientInvitation(formatIsoDate(text.takenOn), text.dossier.dossierRef, text.dossier.id);
    case 'gpmi':
      return w.gpmi(text.dossier.dossierRef, text.dossier.id);
    case 'user':
    case 'team':
    case 'organisation':
      return w[text.kind](text.name);
    case 'catalogueVersion':
      return w.catalogueVersion(text.number);
    case 'catalogueDomain':
    case 'catalogueTheme':
      return w[text.kind](text.name[ui.locale]);
  }
}

export function AuditPage(p: { ui: Ui; rows: AuditRow[]; targets: ReadonlyMap<string, AuditTargetText>; page: number; pages: number }) {
  const { ui } = p;
  const a = ui.t.admin.audit;
  // Looked up by string: the rows are text from the database (an old row may hold a code no longer written).
  const actions: Partial<Record<string, string>> = auditActionWords(ui.t);
  const targetTypes: Partial<Record<string, string>> = auditTargetTypeWords(ui.t);
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
                  <td>{r.actorName ?? (r.apiClientName !== null ? ui.t.api.audit.apiClient(r.apiClientName) : a.nobody)}</td>
                  <td>
                    {actions[r.action] ?? r.action}
                    {r.route && (
                      <>
                        <br />
                        <span class="muted">
                          {ui.t.api.audit.route}: <code>{r.route}</code>
                        </span>
                      </>
                    )}
                  </td>
                  <td>{targetWords(ui, targetTypes, r, p.targets.get(targetKey(r.targetType, r.targetId)))}</td>
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
