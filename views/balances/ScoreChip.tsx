import type { Messages } from '../../src/i18n/index.js';
import type { CellState } from '../../src/balances/tables.js';

/**
 * A score as colour + number + short label: the colour helps at a glance, but the number and the
 * words carry the meaning (colour is never the only signal). Palette: ColorBrewer RdBu, safe for
 * the common colour-vision deficiencies, with text colours chosen for 4.5:1 contrast.
 */
export function ScoreChip({ t, state, score, compact }: { t: Messages; state: CellState; score: number | null; compact?: boolean }) {
  if (state === 'scored' && score !== null) {
    const label = t.balances.scale[score as 1 | 2 | 3 | 4 | 5];
    return (
      <span class={`chip chip--${score}`}>
        <span class="chip__num">{score}</span>
        {compact ? <span class="visually-hidden"> {label}</span> : <span class="chip__label"> {label}</span>}
      </span>
    );
  }
  const label = state === 'nvt' ? t.balances.scale.nvt : state === 'nb' ? t.balances.scale.nb : t.balances.scale.open;
  return (
    <span class={`chip chip--${state}`}>
      <span class="chip__label">{compact ? (state === 'nvt' ? t.balances.nvtShort : '–') : label}</span>
      {compact && <span class="visually-hidden"> {label}</span>}
    </span>
  );
}
