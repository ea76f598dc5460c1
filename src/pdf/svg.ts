// svg-to-pdfkit reads colours as CSS 2 did: `#rrggbbaa` (8-digit hex, which ECharts writes for
// translucent fills such as the radar's tinted rings) comes out black. Rewrite those to `#rrggbb`
// plus an opacity attribute, which it understands, before drawing an SVG into a PDF.
const HEX8 = /\b(fill|stroke)="#([0-9a-fA-F]{6})([0-9a-fA-F]{2})"/g;

export function svgForPdf(svg: string): string {
  return svg.replace(HEX8, (_m, prop: string, rgb: string, alpha: string) => {
    const opacity = Math.round((parseInt(alpha, 16) / 255) * 1000) / 1000;
    return `${prop}="#${rgb}" ${prop}-opacity="${opacity}"`;
  });
}

/**
 * The same SVG showing only the horizontal band [top, top + height] of its viewBox: the radar's
 * picture is wide and shallow inside a taller canvas, and on paper the blank bands cost space that
 * the labels need to be printed large enough.
 */
export function cropHeight(svg: string, size: { width: number; height: number }, top: number, height: number): string {
  const t = Math.max(0, Math.min(top, size.height));
  const h = Math.max(1, Math.min(height, size.height - t));
  return svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const rest = attrs.replace(/\s(width|height|viewBox)="[^"]*"/g, '');
    return `<svg width="${size.width}" height="${h}" viewBox="0 ${t} ${size.width} ${h}"${rest}>`;
  });
}
