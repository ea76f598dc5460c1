import type { Child } from 'hono/jsx';
import type { Ui } from '../../src/http/ui.js';
import type { ReferenceField, ReferenceModel, TypePart } from '../../src/api/reference.js';
import type { ApiScope } from '../../src/api/scopes.js';
import type { ProblemType } from '../../src/http/problem-types.js';
import { Layout } from '../layouts/Layout.js';

// The API's reference, rendered on the server from the OpenAPI document: plain HTML, no script,
// nothing from elsewhere. Headings give the structure (operations are h3 under "Aanvragen"), each
// table has a caption, and every type that names a schema links to it.

function Type({ parts }: { parts: TypePart[] }) {
  return (
    <>
      {parts.map((p) =>
        'ref' in p ? (
          <a href={`#schema-${p.ref}`}>
            <code>{p.ref}</code>
          </a>
        ) : (
          <code>{p.text}</code>
        ),
      )}
    </>
  );
}

function FieldTable({ ui, caption, fields, withWhere }: { ui: Ui; caption: string; fields: (ReferenceField & { in?: string })[]; withWhere?: boolean }) {
  const r = ui.t.api.reference;
  return (
    <ScrollTable label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{withWhere ? r.parameter : r.field}</th>
            {withWhere && <th scope="col">{r.where}</th>}
            <th scope="col">{r.type}</th>
            <th scope="col">{r.required}</th>
            <th scope="col">{r.description}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr>
              <th scope="row">
                <code>{f.name}</code>
              </th>
              {withWhere && <td>{f.in}</td>}
              <td>
                <Type parts={f.type} />
              </td>
              <td>{f.required ? r.yes : r.no}</td>
              <td>{f.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** A wide table scrolls in its own frame on a narrow screen; the frame can take focus, so a keyboard can scroll it. */
function ScrollTable({ label, children }: { label: string; children: Child }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}

export function ReferencePage(p: { ui: Ui; model: ReferenceModel; documentUrl: string; scopes: readonly ApiScope[]; problems: readonly ProblemType[] }) {
  const { ui, model } = p;
  const t = ui.t;
  const r = t.api.reference;
  return (
    <Layout ui={ui} title={r.title}>
      <h1>{r.title}</h1>
      <p>
        {r.intro} <a href={p.documentUrl}>{p.documentUrl}</a>.
      </p>
      <p class="muted">{`${model.title} ${model.version}`}</p>
      <nav aria-labelledby="reference-contents">
        <h2 id="reference-contents">{r.contents}</h2>
        <ul>
          <li>
            <a href="#authentication">{r.authentication}</a>
          </li>
          <li>
            <a href="#operations">{r.operations}</a>
            <ul>
              {model.operations.map((op) => (
                <li>
                  <a href={`#${op.id}`}>{`${op.method} ${op.path}`}</a> — {op.summary}
                </li>
              ))}
            </ul>
          </li>
          <li>
            <a href="#problems">{r.problemsTitle}</a>
          </li>
          <li>
            <a href="#schemas">{r.schemas}</a>
          </li>
        </ul>
      </nav>

      <h2 id="authentication">{r.authentication}</h2>
      <p>{r.authenticationIntro}</p>
      <p>
        {r.tokenUrl}: <code>{model.tokenUrl}</code>
      </p>
      <ScrollTable label={r.scopesTitle}>
        <table>
          <caption>{r.scopesTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{r.scope}</th>
              <th scope="col">{r.meaning}</th>
            </tr>
          </thead>
          <tbody>
            {p.scopes.map((s) => (
              <tr>
                <th scope="row">
                  <code>{s}</code>
                </th>
                <td>{`${t.api.scopes[s].label}. ${t.api.scopes[s].hint}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p>{r.paging}</p>
      <p>{r.conditional}</p>
      <p>{r.audit}</p>

      <h2 id="operations">{r.operations}</h2>
      {model.operations.map((op) => (
        <section aria-labelledby={op.id} class="card">
          <h3 id={op.id}>
            <code>{`${op.method} ${op.path}`}</code> — {op.summary}
          </h3>
          <p>{op.description}</p>
          <p>
            {r.needsScopes}: {op.scopes.length ? op.scopes.map((s, i) => [i ? ', ' : '', <code>{s}</code>]) : r.noScopes}
          </p>
          {op.parameters.length > 0 && <FieldTable ui={ui} caption={`${r.parameters} — ${op.method} ${op.path}`} fields={op.parameters} withWhere />}
          {op.body && (
            <p>
              {r.requestBody} (<code>{op.body.mediaType}</code>): <Type parts={op.body.type} />
            </p>
          )}
          <ScrollTable label={`${r.responses} — ${op.method} ${op.path}`}>
            <table>
              <caption>{`${r.responses} — ${op.method} ${op.path}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{r.status}</th>
                  <th scope="col">{r.description}</th>
                  <th scope="col">{r.type}</th>
                </tr>
              </thead>
              <tbody>
                {op.responses.map((res) => (
                  <tr>
                    <th scope="row">{res.status}</th>
                    <td>{res.description}</td>
                    <td>
                      {res.mediaType && <code>{res.mediaType}</code>} <Type parts={res.type} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ))}

      <h2 id="problems">{r.problemsTitle}</h2>
      <p>{r.problemsIntro}</p>
      <dl>
        {p.problems.map((type) => (
          <>
            <dt id={`problem-${type}`}>
              <code>{type}</code> — {t.api.problems[type].title}
            </dt>
            <dd>{t.api.problems[type].detail}</dd>
          </>
        ))}
      </dl>

      <h2 id="schemas">{r.schemas}</h2>
      {model.schemas.map((s) => (
        <section aria-labelledby={`schema-${s.name}`}>
          <h3 id={`schema-${s.name}`}>
            <code>{s.name}</code>
          </h3>
          {s.description && <p>{s.description}</p>}
          {s.fields.length > 0 && <FieldTable ui={ui} caption={s.name} fields={s.fields} />}
        </section>
      ))}
    </Layout>
  );
}
