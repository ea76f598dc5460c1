import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';

export function ErrorPage({
  ui,
  title,
  body,
  requestId,
  hint,
  home = '/',
}: {
  ui: Ui;
  title: string;
  body: string;
  requestId?: string | undefined;
  hint?: string | undefined;
  home?: string;
}) {
  return (
    <Layout ui={ui} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      {requestId && (
        <p>
          <strong>{ui.t.errors.requestId}:</strong> <code>{requestId}</code>
        </p>
      )}
      {hint && <p>{hint}</p>}
      <p>
        <a href={home}>{ui.t.errors.backHome}</a>
      </p>
    </Layout>
  );
}
