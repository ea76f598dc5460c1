import type { Child } from 'hono/jsx';
import { asset } from '../../src/http/static-assets.js';
import type { ClientCopy } from '../../src/client-voice/text-logic.js';
import type { ClientWordKey } from '../../src/client-voice/words/nl.js';

// The page around every screen a client sees: in the client's language and writing direction, no
// navigation, no script, no worker's name, nothing from the client file beyond the questions.
// Pictograms are passed in as SVG markup made by the route (src/client-voice/icons.ts).

export function ClientLayout({ copy, title, refused, children }: { copy: ClientCopy; title: string; refused?: boolean | undefined; children: Child }) {
  const lang = copy.language;
  const windowTitle = [(refused ? `${copy.w('errorTitle')}: ` : '') + title, copy.w('appTitle')].join(' — ');
  return (
    <html lang={lang.code} dir={lang.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{windowTitle}</title>
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="stylesheet" href={asset('css/client.css')} />
      </head>
      <body class="client">
        <a class="skip-link" href="#main">
          {copy.w('skipLink')}
        </a>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="client-footer">
          <p>{copy.w('privacy')}</p>
        </footer>
      </body>
    </html>
  );
}

/** Decorative inline SVG (a pictogram); the text next to it carries the meaning. */
export function Pictogram({ svg, class: cls }: { svg: string; class?: string }) {
  return <span class={`pictogram${cls ? ` ${cls}` : ''}`} aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }}></span>;
}

/**
 * A client text with its {placeholders} filled in, each value isolated (`bdi`) so that a Dutch
 * first name or a number keeps its own direction inside right-to-left text.
 */
export function Words({ copy, k, vars = {}, count }: { copy: ClientCopy; k: ClientWordKey; vars?: Record<string, string | number>; count?: number }) {
  const marker = (name: string) => `\u0000${name}\u0000`;
  const markers = Object.fromEntries(Object.keys({ ...vars, ...(count === undefined ? {} : { count }) }).map((name) => [name, marker(name)]));
  const template = count === undefined ? copy.w(k, markers) : copy.count(k, count, markers);
  const values: Record<string, string | number> = { ...vars, ...(count === undefined ? {} : { count }) };
  return <>{template.split(/\u0000([a-z]+)\u0000/i).map((part, i) => (i % 2 === 1 ? <bdi>{String(values[part] ?? '')}</bdi> : part))}</>;
}
