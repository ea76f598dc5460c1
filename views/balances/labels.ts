import type { Ui } from '../../src/http/ui.js';
import type { CellValue, Subject } from '../../src/balances/logic.js';

/** "Huishouden", or a member's name with adult/child. */
export function subjectLabel(ui: Ui, s: Subject): string {
  const e = ui.t.balances.editor;
  return s.memberId === null ? e.household : `${s.name} (${s.level === 'volwassene' ? e.adult : e.child})`;
}

/** A cell's choice in words: "3 — Onvoldoende", "Niet besproken", "Nog niet gescoord". */
export function choiceLabel(ui: Ui, v: CellValue): string {
  if (v.state === 'scored' && v.score !== null) return `${v.score} — ${ui.t.balances.scale[v.score as 1]}`;
  return ui.t.balances.scale[v.state === 'nvt' ? 'nvt' : v.state === 'nb' ? 'nb' : 'open'];
}
