import { Hono, type Context } from 'hono';
import { field, readForm } from '../http/form.js';
import { isHtmx, redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { parseId } from '../http/params.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import type { HouseholdEnv } from '../households/scoped.js';
import { todayIso } from '../households/logic.js';
import { formatIsoDate, formatTime } from '../i18n/format.js';
import { cellKey, domId, progress } from './logic.js';
import { amendCell, createBalance, finaliseBalance, findBalance, listAmendments, listBalances, saveCells } from './queries.js';
import type { BalanceDetail, PostedCell, StoredCell } from './model.js';
import { NewBalancePage } from '../../views/balances/NewBalancePage.js';
import {
  balanceDateRange,
  parseNewBalance,
  readAmendmentForm,
  readNewBalanceForm,
  readScoresForm,
  type AmendmentError,
  type NewBalanceValues,
} from './forms.js';
import { BalanceEditorPage, type EditorState } from '../../views/balances/BalanceEditorPage.js';
import { ConflictCells, SaveError, SavedCells } from '../../views/balances/ScoreSaveFragments.js';
import { BalanceViewPage } from '../../views/balances/BalanceViewPage.js';
import { serverSecret } from '../db/server-secret.js';
import { issueEditorToken, verifiedEditorToken } from './editor-token.js';

// The balance (meting): start one, score it (every change saved at once with htmx; a save button
// per theme without JS), finalise it, correct it afterwards with a reason. Every route goes through
// the client file's household (households/scoped.ts) and findBalance, which only see the
// households of the caller's scope: anything else is a 404. Mounted at /households/:householdId/balances.

export const balanceRoutes = new Hono<HouseholdEnv>();

const id = (v: string | undefined) => parseId(v) ?? NaN;
// ---------------------------------------------------------------- start a balance
balanceRoutes.get('/new', async (c) => {
  const household = c.get('household');
  const deps = c.get('deps');
  const previous = (await listBalances(deps.db, scope(c), household.id)).some((b) => b.status === 'final');
  const values: NewBalanceValues = {
    takenOn: formatIsoDate(todayIso(deps.now())),
    method: 'samen',
    participants: household.members.filter((m) => m.leftOn === null).map((m) => m.id),
    prefill: false,
  };
  // The form lists the members by name: a view of the client file like any other.
  await auditEvent(c, 'balance.new_form_viewed', { type: 'household', id: household.id });
  return render(c, () => (
    <NewBalancePage ui={ui(c)} household={household} values={values} hasPrevious={previous} dateRange={balanceDateRange(household.members)} />
  ));
});

balanceRoutes.post('/', async (c) => {
  const household = c.get('household');
  const deps = c.get('deps');
  const values = readNewBalanceForm(await readForm(c), new Set(household.members.map((m) => m.id)));
  const parsed = parseNewBalance(values, household, todayIso(deps.now()));
  if (!parsed.ok) {
    const previous = (await listBalances(deps.db, scope(c), household.id)).some((b) => b.status === 'final');
    const page = (
      <NewBalancePage
        ui={ui(c)}
        household={household}
        values={values}
        errors={parsed.errors}
        hasPrevious={previous}
        dateRange={balanceDateRange(household.members)}
      />
    );
    return render(c, () => page, { status: 422 });
  }
  const balanceId = await inTransaction(deps.db, async (trx) => {
    const created = await createBalance(
      trx,
      scope(c),
      household.id,
      { takenOn: parsed.takenOn, method: parsed.method, participants: values.participants, prefill: values.prefill },
      deps.now(),
    );
    if (created) await auditChange(c, trx, 'balance.created', { type: 'balance', id: created });
    return created;
  });
  if (!balanceId) return c.notFound();
  return redirectAfterPost(c, `/households/${household.id}/balances/${balanceId}`);
});

// ---------------------------------------------------------------- the editor / the finalised balance
/** A fresh editor token for this session and balance (see editor-token.ts). */
async function newEditorToken(c: Context<HouseholdEnv>, balanceId: number): Promise<string> {
  return issueEditorToken(await serverSecret(c.get('deps').db), c.get('sessionId') ?? '', balanceId);
}

async function loadBalance(c: Context<HouseholdEnv>) {
  const household = c.get('household');
  const detail = await findBalance(c.get('deps').db, scope(c), household.id, id(c.req.param('balanceId')), {
    hideSensitive: c.get('hideSensitive'),
  });
  return detail ? { household, detail } : undefined;
}

balanceRoutes.get('/:balanceId', async (c) => {
  const found = await loadBalance(c);
  if (!found) return c.notFound();
  const { household, detail } = found;
  const deps = c.get('deps');
  await auditEvent(c, 'balance.viewed', { type: 'balance', id: detail.id });
  if (detail.status === 'final') {
    const amendments = await listAmendments(deps.db, detail);
    return render(c, () => <BalanceViewPage ui={ui(c)} household={household} detail={detail} amendments={amendments} />);
  }
  const saved = c.req.query('saved');
  const token = await newEditorToken(c, detail.id);
  return render(c, () => (
    <BalanceEditorPage
      ui={ui(c)}
      household={household}
      detail={detail}
      editorToken={token}
      state={{ savedTheme: saved, savedAt: saved ? detail.updatedAt : undefined }}
    />
  ));
});

/** Saves the posted cells and writes balance.scores_saved with them, in one transaction. */
async function saveScores(c: Context<HouseholdEnv>, balanceId: number, cells: PostedCell[], verifiedToken: string | null) {
  return inTransaction(c.get('deps').db, async (trx) => {
    const outcome = await saveCells(trx, scope(c), balanceId, cells, verifiedToken, c.get('deps').now());
    if (outcome.status === 'saved' && outcome.saved.length) await auditChange(c, trx, 'balance.scores_saved', { type: 'balance', id: balanceId });
    return outcome;
  });
}

/**
 * A score save (one theme form, or one cell with htmx). htmx gets fragments (views/balances/
 * ScoreSaveFragments.tsx): the theme's status line, conflicting cells, or the saved cells' meta;
 * without JS the whole editor comes back (refusals) or a 303 to it (saved).
 */
balanceRoutes.post('/:balanceId/scores', async (c) => {
  const found = await loadBalance(c);
  if (!found) return c.notFound();
  const { household, detail } = found;
  const t = c.get('t').balances;
  const fields = await readForm(c);
  // Only a token this server issued to this session for this balance can claim "same editor"; a
  // page re-rendered below carries it on, or a fresh one when the posted one did not verify.
  const verified = verifiedEditorToken(await serverSecret(c.get('deps').db), c.get('sessionId'), detail.id, field(fields, 'editor'));
  const editorToken = verified ?? (await newEditorToken(c, detail.id));
  const htmx = isHtmx(c);
  const editorUrl = `/households/${household.id}/balances/${detail.id}`;
  const refuse = (status: 409 | 422, state: EditorState, shown: BalanceDetail = detail) =>
    htmx
      ? c.html(<SaveError message={state.topMessage ?? ''} />, status)
      : render(c, () => <BalanceEditorPage ui={ui(c)} household={household} detail={shown} editorToken={editorToken} state={state} />, { status });

  if (detail.status === 'final') return refuse(409, { topMessage: t.editor.alreadyFinal });
  const parsed = readScoresForm(fields, detail);
  if (parsed.unknown || parsed.errors.size) {
    const message = parsed.unknown ? t.editor.unknownCell : t.editor[[...parsed.errors.values()][0]!];
    return refuse(422, { overrides: parsed.overrides, errors: parsed.errors, topMessage: message });
  }

  const outcome = await saveScores(c, detail.id, parsed.cells, verified);
  if (outcome.status === 'final') return refuse(409, { topMessage: t.editor.alreadyFinal });
  if (outcome.status === 'conflict') {
    await auditEvent(c, 'balance.save_conflict', { type: 'balance', id: detail.id }, 'failure');
    const fresh = (await findBalance(c.get('deps').db, scope(c), household.id, detail.id, { hideSensitive: c.get('hideSensitive') }))!;
    if (htmx)
      return c.html(
        <ConflictCells ui={ui(c)} message={t.conflict.title} editorUrl={editorUrl} detail={fresh} conflicts={outcome.conflicts} overrides={parsed.overrides} />,
        409,
      );
    const conflicts = new Map<string, StoredCell>(outcome.conflicts.map((x) => [cellKey(x.subject, x.domainKey), x.theirs]));
    return refuse(409, { overrides: parsed.overrides, conflicts, topMessage: t.conflict.title }, fresh);
  }
  if (!htmx) return redirectAfterPost(c, savedLocation(editorUrl, detail, field(fields, 'theme')));
  if (!outcome.saved.length) return c.body(null, 204);
  for (const s of outcome.saved) detail.cells.set(cellKey(s.subject, s.domainKey), s.cell);
  return c.html(<SavedCells ui={ui(c)} message={t.editor.saved(formatTime(c.get('deps').now()))} detail={detail} saved={outcome.saved} />);
});

/**
 * Back to the editor after a save without JS, at the theme saved. The theme goes into the Location
 * header, so only a theme of this balance's layout is used; anything else (a 100 kB field) is
 * dropped, the save stands.
 */
function savedLocation(editorUrl: string, detail: BalanceDetail, theme: string): string {
  const section = detail.layout.find((s) => s.themes.some((th) => theme === `${s.subject.key}:${th.theme.key}`));
  if (!section) return editorUrl;
  return `${editorUrl}?saved=${encodeURIComponent(theme)}#${domId('t', ...(theme.split(':') as [string, string]))}`;
}

balanceRoutes.post('/:balanceId/finalisation', async (c) => {
  const found = await loadBalance(c);
  if (!found) return c.notFound();
  const { household, detail } = found;
  const deps = c.get('deps');
  const t = c.get('t').balances.editor;
  if (detail.status === 'final') {
    const token = await newEditorToken(c, detail.id);
    return render(c, () => <BalanceEditorPage ui={ui(c)} household={household} detail={detail} editorToken={token} state={{ topMessage: t.alreadyFinal }} />, {
      status: 409,
    });
  }
  const p = progress(detail);
  if (p.unconfirmed > 0) {
    const token = await newEditorToken(c, detail.id);
    return render(
      c,
      () => (
        <BalanceEditorPage ui={ui(c)} household={household} detail={detail} editorToken={token} state={{ topMessage: t.finaliseUnconfirmed(p.unconfirmed) }} />
      ),
      { status: 422 },
    );
  }
  const finalised = await inTransaction(deps.db, async (trx) => {
    const done = await finaliseBalance(trx, scope(c), detail.id, deps.now());
    if (done) await auditChange(c, trx, 'balance.finalised', { type: 'balance', id: detail.id });
    return done;
  });
  if (!finalised) return c.notFound();
  return redirectAfterPost(c, `/households/${household.id}/balances/${detail.id}`);
});

balanceRoutes.post('/:balanceId/amendments', async (c) => {
  const found = await loadBalance(c);
  if (!found) return c.notFound();
  const { household, detail } = found;
  const deps = c.get('deps');
  if (detail.status !== 'final') {
    const token = await newEditorToken(c, detail.id);
    return render(c, () => <BalanceEditorPage ui={ui(c)} household={household} detail={detail} editorToken={token} state={{}} />, { status: 409 });
  }
  const form = readAmendmentForm(await readForm(c), detail);
  const again = async (amendError: { key: string; error: AmendmentError }) => {
    const amendments = await listAmendments(deps.db, detail);
    return render(c, () => <BalanceViewPage ui={ui(c)} household={household} detail={detail} amendments={amendments} amendError={amendError} />, {
      status: 422,
    });
  };
  if (!form.ok) return again(form);
  const result = await inTransaction(deps.db, async (trx) => {
    const r = await amendCell(trx, scope(c), detail.id, form.subject, form.domainKey, form.value, form.reason, deps.now());
    if (r === 'amended') await auditChange(c, trx, 'balance.amended', { type: 'balance', id: detail.id });
    return r;
  });
  if (result === 'unchanged') return again({ key: form.key, error: 'amendUnchanged' });
  return redirectAfterPost(c, `/households/${household.id}/balances/${detail.id}#c-${form.subject}-${form.domainKey}`);
});
