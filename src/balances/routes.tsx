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
import { cellKey, domId, editorSteps, FINISH_STEP, progress } from './logic.js';
import { amendCell, createBalance, finaliseBalance, findBalance, listAmendments, listBalances, saveCells } from './queries.js';
import type { BalanceDetail, PostedCell, StoredCell } from './model.js';
import { NewBalancePage } from '../../views/balances/NewBalancePage.js';
import {
  balanceDateRange,
  parseNewBalance,
  readAmendmentForm,
  readNewBalanceForm,
  readScoresForm,
  readStepNavigation,
  type AmendmentError,
  type NewBalanceValues,
} from './forms.js';
import { BalanceEditorPage, type EditorState } from '../../views/balances/BalanceEditorPage.js';
import { ConflictCells, SaveError, SavedCells } from '../../views/balances/ScoreSaveFragments.js';
import { BalanceViewPage } from '../../views/balances/BalanceViewPage.js';
import { serverSecret } from '../db/server-secret.js';
import { issueEditorToken, verifiedEditorToken } from './editor-token.js';
import { closeAtFinalisation, hasOpenInvitation } from '../client-voice/invitations.js';
import { clientVoicePath } from '../client-voice/paths.js';

// The balance (meting): start one, score it one step (a theme of one person) at a time (saved as
// it goes with htmx; every button of a step saves the step first, with or without JS), finalise it, correct it afterwards with a reason. Every route goes through
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
    const finalised = c.req.query('finalised') === '1';
    return render(c, () => <BalanceViewPage ui={ui(c)} household={household} detail={detail} amendments={amendments} finalised={finalised} />);
  }
  const token = await newEditorToken(c, detail.id);
  const state: EditorState = { step: c.req.query('step'), savedAt: c.req.query('saved') === '1' ? detail.updatedAt : undefined };
  return render(c, () => <BalanceEditorPage ui={ui(c)} household={household} detail={detail} editorToken={token} state={state} />);
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
 * A score save: one step of the editor (a theme of one person), by autosave (htmx) or by a button.
 * Validate (forms.ts) → save (one transaction, one audit row) → answer. htmx gets fragments
 * (views/balances/ScoreSaveFragments.tsx): the step's status line, conflicting cells, or the saved
 * cells' meta; a navigation button (`go`) gets the next step once the save stood. Without JS the
 * whole editor comes back (refusals) or a 303 to the step asked for (saved).
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
  const nav = readStepNavigation(fields, editorSteps(detail));
  const editorUrl = `/households/${household.id}/balances/${detail.id}`;
  // A refused save stays on the step it came from: nothing typed is lost, nothing moves on.
  const refuse = (status: 409 | 422, state: EditorState, shown: BalanceDetail = detail) =>
    htmx
      ? c.html(<SaveError message={state.topMessage ?? ''} />, status)
      : render(c, () => <BalanceEditorPage ui={ui(c)} household={household} detail={shown} editorToken={editorToken} state={{ ...state, step: nav.from }} />, {
          status,
        });

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
      return c.html(<ConflictCells ui={ui(c)} message={t.conflict.title} detail={fresh} conflicts={outcome.conflicts} overrides={parsed.overrides} />, 409);
    const conflicts = new Map<string, StoredCell>(outcome.conflicts.map((x) => [cellKey(x.subject, x.domainKey), x.theirs]));
    return refuse(409, { overrides: parsed.overrides, conflicts }, fresh);
  }
  if (!htmx || nav.go) return redirectAfterPost(c, stepLocation(editorUrl, nav.go ?? nav.from, outcome.saved.length > 0));
  if (!outcome.saved.length) return c.body(null, 204);
  for (const s of outcome.saved) detail.cells.set(cellKey(s.subject, s.domainKey), s.cell);
  return c.html(<SavedCells ui={ui(c)} message={t.editor.saved(formatTime(c.get('deps').now()))} detail={detail} saved={outcome.saved} />);
});

/**
 * A step of the editor, after a save: `step` is a step id readStepNavigation checked (never posted
 * text as such), `#step` puts the keyboard's starting point on the step's heading.
 */
function stepLocation(editorUrl: string, step: string | undefined, saved: boolean): string {
  const query = [...(step ? [`step=${encodeURIComponent(step)}`] : []), ...(saved ? ['saved=1'] : [])];
  return `${editorUrl}${query.length ? `?${query.join('&')}` : ''}${step ? '#step' : ''}`;
}

balanceRoutes.post('/:balanceId/finalisation', async (c) => {
  const found = await loadBalance(c);
  if (!found) return c.notFound();
  const { household, detail } = found;
  const deps = c.get('deps');
  const t = c.get('t').balances.editor;
  // A client may still be answering (src/client-voice): say so first; finalising then closes it.
  const closeClientLinks = field(await readForm(c), 'client_links') === 'close';
  if (detail.status === 'draft' && !closeClientLinks && (await hasOpenInvitation(deps.db, scope(c), detail.id, deps.now()))) {
    return redirectAfterPost(c, `${clientVoicePath(household.id, detail.id)}?finalise=1#finalise-warning`);
  }
  if (detail.status === 'final') {
    const token = await newEditorToken(c, detail.id);
    return render(c, () => <BalanceEditorPage ui={ui(c)} household={household} detail={detail} editorToken={token} state={{ topMessage: t.alreadyFinal }} />, {
      status: 409,
    });
  }
  const p = progress(detail);
  if (p.unconfirmed > 0) {
    const token = await newEditorToken(c, detail.id);
    const state: EditorState = { step: FINISH_STEP, topMessage: t.finaliseUnconfirmed(p.unconfirmed) };
    return render(c, () => <BalanceEditorPage ui={ui(c)} household={household} detail={detail} editorToken={token} state={state} />, { status: 422 });
  }
  const finalised = await inTransaction(deps.db, async (trx) => {
    const done = await finaliseBalance(trx, scope(c), detail.id, deps.now());
    if (done) {
      await auditChange(c, trx, 'balance.finalised', { type: 'balance', id: detail.id });
      if (await closeAtFinalisation(trx, scope(c), detail.id, deps.now()))
        await auditChange(c, trx, 'client_voice.revoked', { type: 'balance', id: detail.id });
    }
    return done;
  });
  if (!finalised) return c.notFound();
  // The finalised balance opens with a notification banner that says so and offers the next steps.
  return redirectAfterPost(c, `/households/${household.id}/balances/${detail.id}?finalised=1`);
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
