import type { Direction } from '../../src/balances/logic.js';

/**
 * The symbol beside a direction word ("beter ▲"). Decorative: the word carries the meaning, so the
 * symbol is hidden from assistive technology. One mapping for the caseload, dossier, comparison and
 * evaluation screens.
 */
export const DIRECTION_SYMBOL: Record<Direction, string> = { better: '▲', same: '●', worse: '▼' };

export function DirectionSymbol({ direction }: { direction: Direction }) {
  return <span aria-hidden="true">{DIRECTION_SYMBOL[direction]}</span>;
}
