import type { Child } from 'hono/jsx';
import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { CellValue } from '../../src/balances/logic.js';
import type { BalanceStatus } from '../../src/balances/tables.js';
import { ScoreChip } from '../balances/ScoreChip.js';

/**
 * Every chart: a figure named by its caption, the picture (an img-role SVG whose accessible name
 * summarises it) and, beside or under it, a data table with the same numbers. With `tableSummary`
 * the table sits behind a disclosure of that name: for pages where the same numbers are already
 * on screen elsewhere (the overview's matrix), so the page does not show them twice.
 */
export function ChartFigure({
  id,
  caption,
  svgHtml,
  help,
  tableSummary,
  children,
}: {
  id: string;
  caption: string;
  svgHtml: string | null;
  help?: string | undefined;
  tableSummary?: string | undefined;
  children: Child;
}) {
  return (
    <figure class="chart" id={id} aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} class="chart__caption">
        {caption}
      </figcaption>
      {help && <p class="chart__help">{help}</p>}
      <div class={svgHtml ? 'chart__body' : 'chart__body chart__body--table-only'}>
        {svgHtml && <div class="chart__picture" dangerouslySetInnerHTML={{ __html: svgHtml }}></div>}
        {tableSummary ? (
          <details class="chart__table chart__table--collapsed">
            <summary>{tableSummary}</summary>
            {children}
          </details>
        ) : (
          <div class="chart__table">{children}</div>
        )}
      </div>
    </figure>
  );
}

/** A table that may be wider than the screen: it scrolls in its own box, which keyboard users can reach. */
export function WideTable({ label, children }: { label: string; children: Child }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** A cell's score as the chip shows it; after finalising, "not scored" reads as "niet besproken". */
export function CellChip({ ui, cell, status, compact }: { ui: Ui; cell: CellValue | null; status: BalanceStatus; compact?: boolean }) {
  const state = !cell ? 'open' : cell.state === 'open' && status === 'final' ? 'nb' : cell.state;
  return <ScoreChip t={ui.t} state={state} score={cell?.score ?? null} compact={compact} />;
}

export function Breadcrumb({ household }: { household: Household }) {
  return (
    <p class="breadcrumb">
      <a href={`/households/${household.id}`}>{household.dossierRef ?? household.members.map((m) => m.firstName).join(', ')}</a>
    </p>
  );
}
