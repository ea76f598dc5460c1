import type { Child } from 'hono/jsx';
import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import { formatDateTime } from '../../src/i18n/format.js';
import type { ConflictRow } from '../../src/households/conflict-rows.js';
import { Layout } from '../layouts/Layout.js';

/**
 * A save that came too late (409). `conflict`: someone else saved first; both versions side by side,
 * "keep theirs" is a link back, "save mine" is the user's own form (children) with the new revision.
 * `closed`: the dossier was closed meanwhile; nothing can be saved, but what was typed is shown.
 */
export function ConflictPage(p: {
  ui: Ui;
  household: Household;
  mode: 'conflict' | 'closed';
  rows: ConflictRow[];
  savedBy?: { name: string | null; at: number } | undefined;
  keepHref: string;
  children?: Child;
}) {
  const { ui, household: h } = p;
  const c = ui.t.households.conflict;
  const title = p.mode === 'conflict' ? c.title : c.closedTitle;
  return (
    <Layout ui={ui} title={title} dossier={h}>
      <p>
        <a href={`/households/${h.id}`}>{ui.t.households.member.back}</a>
      </p>
      <h1>{title}</h1>
      <div class="error-summary" role="alert" tabindex={-1} data-focus-on-load autofocus>
        <p>{p.mode === 'conflict' ? c.intro : c.closedIntro}</p>
        {p.mode === 'conflict' && p.savedBy?.name && <p>{c.savedBy(p.savedBy.name, formatDateTime(p.savedBy.at))}</p>}
      </div>
      {p.rows.length > 0 && (
        // Focusable so keyboard users can scroll it at 320 px (it holds no link or button of its own).
        <div class="table-wrap" tabindex={0} role="region" aria-labelledby="conflict-caption">
          <table>
            <caption id="conflict-caption">{p.mode === 'conflict' ? c.caption : c.closedYours}</caption>
            <thead>
              <tr>
                <th scope="col">{c.field}</th>
                {p.mode === 'conflict' && <th scope="col">{c.theirs}</th>}
                <th scope="col">{c.yours}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <th scope="row">{r.label}</th>
                  {p.mode === 'conflict' && <td class="pre-wrap">{r.theirs || c.empty}</td>}
                  <td class="pre-wrap">{r.yours || c.empty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.mode === 'conflict' ? (
        <>
          <section class="card" aria-labelledby="keep-theirs-title">
            <h2 id="keep-theirs-title">{c.keepTheirs}</h2>
            <p>{c.keepTheirsHint}</p>
            <p>
              <a class="button button--secondary" href={p.keepHref}>
                {c.keepTheirs}
              </a>
            </p>
          </section>
          <section class="card" aria-labelledby="save-mine-title">
            <h2 id="save-mine-title">{c.saveMineTitle}</h2>
            <p>{c.saveMineHint}</p>
            {p.children}
          </section>
        </>
      ) : (
        <form method="post" action={`/households/${h.id}/reopening`}>
          <button type="submit" class="button">
            {ui.t.households.dossier.reopenSubmit}
          </button>
        </form>
      )}
    </Layout>
  );
}
