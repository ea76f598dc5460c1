import type { Ui } from '../../src/http/ui.js';
import type { BalanceDetail, StoredCell } from '../../src/balances/model.js';
import { cellKey, type CellValue } from '../../src/balances/logic.js';
import { Cell, CellMeta, Progress, cellPendingId } from './BalanceEditorPage.js';

// What an htmx score save answers (POST .../scores with HX-Request): never the whole editor, so the
// user's typing in other cells stays untouched. The same components render inside the editor page.

/** A refused save: only the theme's status line changes, and the live region announces it. */
export function SaveError({ message }: { message: string }) {
  return (
    <span class="save-status__error" data-announce={message}>
      {message}
    </span>
  );
}

/** Someone else saved meanwhile: the conflicting cells come back whole (out of band), with both versions and "keep mine". */
export function ConflictCells({
  ui,
  message,
  editorUrl,
  detail,
  conflicts,
  overrides,
}: {
  ui: Ui;
  message: string;
  editorUrl: string;
  detail: BalanceDetail;
  conflicts: { subject: string; domainKey: string; theirs: StoredCell }[];
  overrides: Map<string, CellValue>;
}) {
  return (
    <>
      <SaveError message={message} />
      {conflicts.map((x) => {
        const section = detail.layout.find((s) => s.subject.key === x.subject)!;
        const domain = section.themes.flatMap((th) => th.domains).find((d) => d.key === x.domainKey)!;
        const key = cellKey(x.subject, x.domainKey);
        return (
          <Cell
            ui={ui}
            lang={ui.locale}
            editorUrl={editorUrl}
            subject={section.subject}
            domain={domain}
            cell={detail.cells.get(key)}
            override={overrides.get(key)}
            conflict={x.theirs}
            oob
          />
        );
      })}
    </>
  );
}

/** Saved: the announcement, each saved cell's meta data and pending marker, and the progress (out of band). */
export function SavedCells({
  ui,
  message,
  detail,
  saved,
}: {
  ui: Ui;
  message: string;
  detail: Pick<BalanceDetail, 'layout' | 'cells'>;
  saved: { subject: string; domainKey: string; cell: StoredCell }[];
}) {
  return (
    <>
      <span data-announce={message}>{message}</span>
      {saved.map((s) => (
        <CellMeta subject={s.subject} domainKey={s.domainKey} cell={s.cell} oob />
      ))}
      {saved.map((s) => (
        <span id={cellPendingId(s.subject, s.domainKey)} hx-swap-oob="true"></span>
      ))}
      <Progress ui={ui} detail={detail} oob />
    </>
  );
}
