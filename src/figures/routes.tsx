import { Hono, type Context } from 'hono';
import type { SignedInEnv } from '../http/env.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { denied, requireUser } from '../auth/middleware.js';
import { scope } from '../auth/scope.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { todayIso } from '../households/logic.js';
import { mayUseCaseload } from '../households/access.js';
import { loadChartEngine } from '../charts/render.js';
import { figuresChoices, figuresFor, maySeeFigures } from './figures.js';
import {
  filtersQuery,
  parseFilters,
  parseSettings,
  parseTodoQuery,
  readSettingsForm,
  settingsFormOf,
  type SettingsErrors,
  type SettingsFormValues,
} from './forms.js';
import { EXPORT_FORMATS, EXPORT_TABLES, exportSheet, sheetCsv, sheetXlsx, type ExportFormat, type ExportTable } from './export.js';
import { chartHtml, distributionModel, movementModel } from './charts.js';
import { figuresSettings, saveFiguresSettings, todoItems } from './queries.js';
import { periodKey } from './logic.js';
import { describeSelection, FiguresPage, type FiguresView } from '../../views/figures/FiguresPage.js';
import { FiguresSettingsPage } from '../../views/figures/FiguresSettingsPage.js';
import { TodoPage } from '../../views/figures/TodoPage.js';
import { teamsWithWorkers } from '../households/queries.js';

// The anonymous figures (/figures: team leads for their teams, the "beleid" role for the
// organisation), their downloads, the settings (beheerders), and the "Te doen" list (/todo: workers
// and leads). The figures come from figuresFor() only; nothing here names a person.

export const figuresRoutes = new Hono<SignedInEnv>();
figuresRoutes.use(requireUser);

export const todoRoutes = new Hono<SignedInEnv>();
todoRoutes.use(requireUser);

function today(c: Context<SignedInEnv>) {
  return todayIso(c.get('deps').now());
}

async function showFigures(c: Context<SignedInEnv>, view: FiguresView) {
  const s = scope(c);
  if (!maySeeFigures(s)) return denied(c);
  const { db } = c.get('deps');
  const choices = await figuresChoices(db, s, today(c));
  const defaults = { period: String(Number(today(c).slice(0, 4))), team: choices.access.all ? 'all' : String(choices.access.teams[0]?.id ?? '') };
  const q = c.req.query();
  const parsed = parseFilters({ period: q.period, team: q.team, level: q.level, moment: q.moment }, defaults);
  const base = { ui: ui(c), view, access: choices.access, periods: choices.periods };
  // A period outside the choices (a year without data, a quarter not begun) is refused like a bad value.
  if (!parsed.ok || !choices.periods.some((p) => periodKey(p) === periodKey(parsed.filters.period)))
    return render(c, () => <FiguresPage {...base} values={parsed.values} error={c.get('t').figures.filters.invalid} />, { status: 422 });
  const result = await figuresFor(db, s, parsed.filters, { today: today(c), loaded: choices });
  if (!result) return c.notFound();
  await auditEvent(c, 'figures.viewed', { type: 'figures', id: `${view}?${filtersQuery(parsed.values)}` });
  let chart: string | null = null;
  if (view === 'distribution' || view === 'movement') {
    await loadChartEngine();
    const what = describeSelection(base.ui, choices.access, parsed.values, choices.periods, view);
    const t = c.get('t');
    chart =
      view === 'distribution'
        ? chartHtml(distributionModel(result, t, c.get('locale')), t.figures.distribution.chartLabel(what), 'figures-distribution')
        : chartHtml(movementModel(result, t, c.get('locale')), t.figures.movement.chartLabel(what), 'figures-movement');
  }
  return render(c, () => <FiguresPage {...base} values={parsed.values} result={result} chart={chart} />);
}

figuresRoutes.get('/', (c) => showFigures(c, 'distribution'));
figuresRoutes.get('/movement', (c) => showFigures(c, 'movement'));
figuresRoutes.get('/outcomes', (c) => showFigures(c, 'outcomes'));
figuresRoutes.get('/inspection', (c) => showFigures(c, 'inspection'));

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A table as CSV or XLSX, with the stricter export threshold; audited with who, what and the filters. */
figuresRoutes.get('/export', async (c) => {
  const s = scope(c);
  if (!maySeeFigures(s)) return denied(c);
  const { db } = c.get('deps');
  const q = c.req.query();
  const table = (EXPORT_TABLES as readonly string[]).includes(q.table ?? '') ? (q.table as ExportTable) : null;
  const format = (EXPORT_FORMATS as readonly string[]).includes(q.format ?? '') ? (q.format as ExportFormat) : null;
  const choices = await figuresChoices(db, s, today(c));
  const parsed = parseFilters({ period: q.period, team: q.team, level: q.level, moment: q.moment }, { period: '', team: '' });
  if (!table || !format || !parsed.ok || !choices.periods.some((p) => periodKey(p) === periodKey(parsed.filters.period)))
    return render(
      c,
      () => (
        <FiguresPage
          ui={ui(c)}
          view="distribution"
          access={choices.access}
          periods={choices.periods}
          values={parsed.values}
          error={c.get('t').figures.filters.invalid}
        />
      ),
      {
        status: 422,
      },
    );
  const result = await figuresFor(db, s, parsed.filters, { today: today(c), audience: 'export', loaded: choices });
  if (!result) return c.notFound();
  const view: FiguresView = table === 'completeness' ? 'distribution' : table;
  const what = describeSelection(ui(c), choices.access, parsed.values, choices.periods, view);
  const sheet = exportSheet(result, table, c.get('t'), c.get('locale'), what);
  await auditEvent(c, 'figures.export_downloaded', { type: 'figures_export', id: `${table}.${format}?${filtersQuery(parsed.values)}` });
  const name = `cijfers-${table}-${parsed.values.period}-${parsed.values.team}-${parsed.values.level}-${parsed.values.moment}.${format}`;
  const body = format === 'csv' ? new TextEncoder().encode(sheetCsv(sheet)) : new Uint8Array(await sheetXlsx(sheet));
  return c.body(body, 200, { 'Content-Type': CONTENT_TYPES[format], 'Content-Disposition': `attachment; filename="${name}"` });
});

// ---------------------------------------------------------------- settings (beheerders)

function settingsPage(
  c: Context<SignedInEnv>,
  values: SettingsFormValues,
  opts: { errors?: SettingsErrors; notice?: string; topError?: string; status?: 200 | 409 | 422 } = {},
) {
  return render(c, () => <FiguresSettingsPage ui={ui(c)} values={values} errors={opts.errors} notice={opts.notice} topError={opts.topError} />, {
    status: opts.status ?? 200,
  });
}

figuresRoutes.get('/settings', async (c) => {
  if (!scope(c).isAdmin) return denied(c);
  const settings = await figuresSettings(c.get('deps').db, scope(c));
  return settingsPage(c, settingsFormOf(settings), { notice: c.req.query('saved') === '1' ? c.get('t').figures.settings.saved : undefined });
});

figuresRoutes.post('/settings', async (c) => {
  const s = scope(c);
  if (!s.isAdmin) return denied(c);
  const deps = c.get('deps');
  const t = c.get('t').figures.settings;
  const form = readSettingsForm(await readForm(c));
  const parsed = parseSettings(form);
  if (!parsed.ok)
    return settingsPage(c, form, {
      errors: parsed.errors,
      status: 422,
    });
  const outcome = await inTransaction(deps.db, async (trx) => {
    const o = await saveFiguresSettings(trx, s, parsed.values, form.revision, deps.now());
    if (o === 'saved') await auditChange(c, trx, 'figures.settings_changed', { type: 'organisation', id: s.organisationId });
    return o;
  });
  if (outcome === 'conflict') {
    const current = await figuresSettings(deps.db, s);
    return settingsPage(c, { ...form, revision: current.revision }, { topError: t.conflict, status: 409 });
  }
  return redirectAfterPost(c, '/figures/settings?saved=1');
});

// ---------------------------------------------------------------- "Te doen"

todoRoutes.get('/', async (c) => {
  const s = scope(c);
  if (!mayUseCaseload(s)) return denied(c);
  const { db } = c.get('deps');
  const teams = await teamsWithWorkers(db, s);
  const q = c.req.query();
  const parsed = parseTodoQuery({ whose: q.whose, kind: q.kind }, s.teamIds);
  const props = { ui: ui(c), teams: teams.map((t) => ({ id: t.id, name: t.name })), today: today(c) };
  if (!parsed.ok) return render(c, () => <TodoPage {...props} values={parsed.values} items={[]} error={c.get('t').figures.todo.invalid} />, { status: 422 });
  const settings = await figuresSettings(db, s);
  const items = await todoItems(db, s, parsed.filter, today(c), settings);
  // Which list someone looked at (it shows dossier numbers and first names): audited as a read.
  await auditEvent(c, 'todo.viewed', { type: 'todo', id: `${parsed.values.whose}.${parsed.values.kind}` });
  return render(c, () => <TodoPage {...props} values={parsed.values} items={items} />);
});
