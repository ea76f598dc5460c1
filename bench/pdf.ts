/**
 * PDF generation cost (issue 7): the balance report of a household of 6 with 45 domains switched on
 * (2 adults, 4 children: 16 + 2×22 + 4×8 = 92 scored cells, 7 radar charts) and a GPMI with
 * 5 agreements, from constructed input (scripts/pdf-samples.ts), so the figures are the renderer's
 * own and not the database's. Run alone with `npm run bench -- --pdf` (then the memory figures are
 * this work's only: the process has done nothing else).
 */
import { renderBalanceReport } from '../src/pdf/balance-report.js';
import { renderGpmiReport } from '../src/pdf/gpmi-report.js';
import { chartCache } from '../src/charts/cache.js';
import { sampleBalanceReportInput, sampleGpmiInput } from '../scripts/pdf-samples.js';
import { renderBalanceClientCopy } from '../src/client-voice/pdf/client-copy.js';
import { clientLanguage } from '../src/client-voice/languages.js';
import { shippedEntries } from '../src/client-voice/shipped/index.js';
import { ClientCopy, mergeEntries } from '../src/client-voice/text-logic.js';

const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 20);
const MB = 1024 * 1024;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

export async function benchPdf(): Promise<void> {
  const balanceInput = sampleBalanceReportInput({ members: 6 });
  const gpmiInput = sampleGpmiInput({ agreements: 5 });
  const cells = balanceInput.detail.layout.reduce((n, s) => n + s.themes.reduce((m, t) => m + t.domains.length, 0), 0);
  const domains = balanceInput.detail.catalogue.themes.reduce((n, t) => n + t.domains.filter((d) => d.defaultOn).length, 0);
  // With --expose-gc (npm run bench passes it) every run starts from a collected heap, so the
  // memory figures are what one PDF adds, not the garbage of the runs before it.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  // What the process holds before it ever made a PDF (fonts not read, pdfkit and ECharts not used).
  const before = process.memoryUsage();

  const cases: { name: string; run: () => Promise<Buffer> }[] = [
    {
      name: `balance report (6 members, ${domains} domains, ${cells} cells, 7 radar charts drawn each time)`,
      run: () => {
        chartCache.clear();
        return renderBalanceReport(balanceInput);
      },
    },
    { name: 'balance report, radar SVGs cached (a second download)', run: () => renderBalanceReport(balanceInput) },
    { name: `GPMI (${gpmiInput.agreements.length} agreements)`, run: () => renderGpmiReport(gpmiInput) },
    {
      // The client's copy (src/client-voice): every domain in Dutch and in Arabic, right to left
      // through the bidirectional algorithm, Arabic shaped in Vazirmatn.
      name: `client's copy of the balance, Arabic beside Dutch (${cells} cells)`,
      run: () =>
        renderBalanceClientCopy({
          detail: balanceInput.detail,
          copy: new ClientCopy(clientLanguage('ar')!, mergeEntries(shippedEntries('ar'), [])),
          official: 'nl',
          organisation: balanceInput.organisation,
          dossierRef: null,
        }),
    },
  ];
  const rows: string[] = [];
  let first = 0;
  for (const c of cases) {
    const times: number[] = [];
    const cpu: number[] = [];
    const heapGrowth: number[] = [];
    const rssGrowth: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 1; i++) {
      gc();
      const m0 = process.memoryUsage();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const pdf = await c.run();
      const ms = performance.now() - t0;
      const c1 = process.cpuUsage(c0);
      const m1 = process.memoryUsage();
      // The very first PDF of the process also reads the fonts and warms up pdfkit/ECharts: reported apart.
      if (c === cases[0] && i === 0) {
        first = ms;
        continue;
      }
      if (i === 0) continue;
      times.push(ms);
      cpu.push((c1.user + c1.system) / 1000);
      heapGrowth.push(m1.heapUsed + m1.external - m0.heapUsed - m0.external);
      rssGrowth.push(m1.rss - m0.rss);
      bytes = pdf.byteLength;
    }
    rows.push(
      `| ${c.name} | ${(bytes / 1024).toFixed(0)} | ${pct(times, 50).toFixed(0)} | ${pct(times, 99).toFixed(0)} | ${pct(cpu, 50).toFixed(0)} | ${pct(cpu, 99).toFixed(0)} | ${(Math.max(...heapGrowth) / MB).toFixed(1)} | ${(Math.max(...rssGrowth) / MB).toFixed(1)} |`,
    );
  }
  gc();
  const after = process.memoryUsage();
  console.log(
    `\nPDF generation, ${RUNS} runs per row after one warm-up (node ${process.version}${(globalThis as { gc?: unknown }).gc ? ', heap collected before each run' : ", WITHOUT --expose-gc: memory columns include earlier runs' garbage"})`,
  );
  // CPU time next to wall time: on a shared machine the wall time includes waiting for a core.
  console.log('| what | PDF KB | p50 ms | p99 ms | CPU p50 ms | CPU p99 ms | max heap+external growth in one run, MB | max RSS growth in one run, MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
  console.log(`first PDF of the process (fonts read and parsed, pdfkit/ECharts warmed up): ${first.toFixed(0)} ms`);
  console.log(
    `memory kept after all runs (collected): RSS ${(before.rss / MB).toFixed(0)} -> ${(after.rss / MB).toFixed(0)} MB, heap ${(before.heapUsed / MB).toFixed(0)} -> ${(after.heapUsed / MB).toFixed(0)} MB; peak RSS of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}
