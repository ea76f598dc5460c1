import type { Ui } from '../../src/http/ui.js';
import type { BalanceDetail, StoredCell } from '../../src/balances/model.js';
import { cellKey, editorSteps, type CellValue } from '../../src/balances/logic.js';
import { Cell, CellMeta, cellPendingId } from './EditorCell.js';
import { Progress, StepStatus, SubjectCount } from './EditorParts.js';
import { stepUrl } from './BalanceEditorPage.js';

// What an htmx score save answers (POST .../scores with HX-Request): never the whole editor, so the
// user's typing in other cells stays untouched. The same components render inside the editor page.
// What is announced, and when, is public/js/app.js's decision (docs/decisions/021-...): these
// fragments only carry the words (`data-saved`, `data-announce`) and mark a conflict to focus.

/** A refused save: only the step's status line changes, and the live region says it once. */
export function SaveError({ message }: { message: string }) {
  return (
    <span class="save-status__error" data-announce={message}>
      {message}
    </span>
  );
}

/**
 * Someone else saved meanwhile: the conflicting cells come back whole (out of band), with both
 * versions and "keep mine"; the first conflict box takes focus, which is its announcement.
 */
export function ConflictCells({
  ui,
  message,
  detail,
  conflicts,
  overrides,
}: {
  ui: Ui;
  message: string;
  detail: BalanceDetail;
  conflicts: { subject: string; domainKey: string; theirs: StoredCell }[];
  overrides: Map<string, CellValue>;
}) {
  return (
    <>
      <span class="save-status__error">{message}</span>
      {conflicts.map((x, i) => {
        const section = detail.layout.find((s) => s.subject.key === x.subject)!;
        const theme = section.themes.find((th) => th.domains.some((d) => d.key === x.domainKey))!;
        const domain = theme.domains.find((d) => d.key === x.domainKey)!;
        const key = cellKey(x.subject, x.domainKey);
        return (
          <Cell
            ui={ui}
            lang={ui.locale}
            stepUrl={stepUrl(detail.householdId, detail.id, `${x.subject}:${theme.theme.key}`)}
            subject={section.subject}
            domain={domain}
            cell={detail.cells.get(key)}
            override={overrides.get(key)}
            conflict={x.theirs}
            focusConflict={i === 0}
            oob
          />
        );
      })}
    </>
  );
}

/**
 * Saved: the time (the status line; app.js announces it once), each saved cell's meta data and
 * pending marker, and the overview's counts and the progress (out of band).
 */
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
  const touched = new Set(saved.map((s) => s.subject));
  const steps = editorSteps(detail).filter(
    (s) => touched.has(s.subject.key) && s.domains.some((d) => saved.some((x) => x.subject === s.subject.key && x.domainKey === d.key)),
  );
  return (
    <>
      <span data-saved={message}>{message}</span>
      {saved.map((s) => (
        <CellMeta subject={s.subject} domainKey={s.domainKey} cell={s.cell} oob />
      ))}
      {saved.map((s) => (
        <span id={cellPendingId(s.subject, s.domainKey)} hx-swap-oob="true"></span>
      ))}
      {steps.map((s) => (
        <StepStatus ui={ui} step={s} oob />
      ))}
      {detail.layout
        .filter((section) => touched.has(section.subject.key))
        .map((section) => (
          <SubjectCount ui={ui} section={section} detail={detail} oob />
        ))}
      <Progress ui={ui} detail={detail} oob />
    </>
  );
}
