import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';

export function ErrorPage({ ui, title, body, requestId }: { ui: Ui; title: string; body: string; requestId?: string }) {
  return (
    <Layout ui={ui} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      {requestId && <p><strong>{ui.t.errors.requestId}:</strong> <code>{requestId}</code></p>}
      <p><a href="/">{ui.t.errors.backHome}</a></p>
    </Layout>
  );
}
