import type * as EchartsCore from 'echarts/core';

// Apache ECharts on the server (decision 003): every chart is an SVG string made here, inlined in the
// page and drawn into the PDF. Only the chart types we use are registered, which keeps memory small
// compared with the full bundle.
//
// ECharts is loaded on first need, not at start: importing it costs ~0.4 s of CPU, which every start
// paid before the first request could be answered although most requests draw no chart. Routes that
// draw (overview, evolution, PDF) await loadChartEngine() before they render; rendering stays
// synchronous so views can call it.

export type ChartOption = EchartsCore.EChartsCoreOption;

let core: typeof EchartsCore | undefined;
let loading: Promise<void> | undefined;

/** Loads and registers ECharts once; later calls return the same promise. */
export function loadChartEngine(): Promise<void> {
  loading ??= (async () => {
    const [echarts, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    echarts.use([
      charts.RadarChart,
      charts.HeatmapChart,
      charts.LineChart,
      charts.BarChart,
      components.RadarComponent,
      components.PolarComponent,
      components.GridComponent,
      components.LegendComponent,
      components.VisualMapComponent,
      components.MarkLineComponent,
      renderers.SVGRenderer,
    ]);
    core = echarts;
  })();
  return loading;
}

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Renders one chart to a CSP-safe SVG string. Our CSP allows no inline styles, so the two things
 * ECharts' SSR output needs them for are rewritten: the `<style>` block (hover effects only, useless
 * without the client runtime) is dropped, and `style="font-size:..;font-family:.."` on text becomes
 * the equivalent SVG presentation attributes, which CSP does not govern and svg-to-pdfkit reads.
 */
export function renderChartSvg(option: ChartOption, size: ChartSize): string {
  if (!core) throw new Error('chart engine not loaded: await loadChartEngine() before rendering');
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    // animation off: the SVG must be the final picture, not frame 0 of a transition.
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Noto Sans, Arial, sans-serif' }, ...option });
    return makeCspSafe(chart.renderToSVGString());
  } finally {
    // dispose: zrender otherwise keeps an animation loop (and the process) alive.
    chart.dispose();
  }
}

const STYLE_BLOCK = /<style[^>]*>[\s\S]*?<\/style>/g;
const STYLE_ATTR = /\sstyle="([^"]*)"/g;
const ALLOWED_PROPS = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'stroke', 'opacity']);

export function makeCspSafe(svg: string): string {
  return svg.replace(STYLE_BLOCK, '').replace(STYLE_ATTR, (_m, decl: string) => {
    const attrs: string[] = [];
    for (const part of decl.split(';')) {
      const i = part.indexOf(':');
      if (i < 0) continue;
      const prop = part.slice(0, i).trim().toLowerCase();
      const value = part
        .slice(i + 1)
        .trim()
        .replace(/"/g, '&quot;');
      if (ALLOWED_PROPS.has(prop) && value) attrs.push(`${prop}="${value}"`);
    }
    return attrs.length ? ' ' + attrs.join(' ') : '';
  });
}

/**
 * The SVG as an image with an accessible name, for inlining in a page: the numbers themselves are in
 * the data table beside it, so the picture is one `img` for assistive technology rather than a
 * stream of loose labels. `idPrefix` keeps gradient/clip ids unique when several charts share a page.
 */
export function svgAsImage(svg: string, label: string): string {
  const safeLabel = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${safeLabel}" focusable="false" class="chart__svg" preserveAspectRatio="xMidYMid meet"`);
}
