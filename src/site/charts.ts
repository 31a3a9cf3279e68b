/**
 * Chart geometry for the statistics page: grouped bar charts drawn as static SVG at build time. Pure and small:
 * the two scales a bar chart needs (a linear one for values, a banded one for months) are computed here rather
 * than pulled in from d3, and no chart code reaches the browser.
 */

export interface Series {
  name: string;
  values: number[];
}

export interface Bar {
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarGroup {
  label: string;
  /** Whether the axis shows this group's label (long runs of months show every k-th). */
  showLabel: boolean;
  /** Centre of the group on the x axis. */
  cx: number;
  bars: Bar[];
}

export interface BarChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  max: number;
  ticks: { value: number; y: number }[];
  groups: BarGroup[];
}

/**
 * A value axis from 0 with whole-number ticks: the step is 1, 2 or 5 times a power of ten, so that about `count`
 * steps cover `max`; the top is the first tick at or above `max` (at least 1, so an all-zero chart has an axis).
 */
export function axis(max: number, count = 4): { top: number; ticks: number[] } {
  let step = 1;
  if (max > 0) {
    const raw = max / count;
    const power = 10 ** Math.floor(Math.log10(raw));
    step = Math.max(1, ([1, 2, 5, 10].find((s) => s * power >= raw - 1e-9) ?? 10) * power);
  }
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { top, ticks };
}

export interface ChartSize {
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
  /** Show at most this many axis labels. */
  maxLabels?: number;
}

/** Bars for `labels.length` groups with one bar per series; a value of 0 gives a bar of height 0. */
export function groupedBars(labels: readonly string[], series: readonly Series[], size: ChartSize = {}): BarChart {
  const width = size.width ?? 480;
  const height = size.height ?? 220;
  const m = size.margin ?? { top: 12, right: 12, bottom: 32, left: 40 };
  const plot = { left: m.left, top: m.top, right: width - m.right, bottom: height - m.bottom };
  const all = series.flatMap((s) => s.values);
  const { top, ticks } = axis(all.length ? Math.max(...all) : 0);
  const y = (v: number) => plot.bottom - (v / top) * (plot.bottom - plot.top);
  const band = labels.length ? (plot.right - plot.left) / labels.length : 0;
  // A fifth of each band is gap; the rest is shared by the series' bars.
  const inner = band * 0.8;
  const barWidth = series.length ? inner / series.length : 0;
  const every = Math.max(1, Math.ceil(labels.length / (size.maxLabels ?? 8)));
  const groups = labels.map((label, i) => {
    const start = plot.left + i * band + (band - inner) / 2;
    return {
      label,
      showLabel: i % every === 0,
      cx: plot.left + (i + 0.5) * band,
      bars: series.map((s, k) => {
        const value = s.values[i] ?? 0;
        const yTop = y(value);
        return { series: k, value, x: start + k * barWidth, y: yTop, width: barWidth, height: plot.bottom - yTop };
      }),
    };
  });
  return { width, height, plot, max: top, ticks: ticks.map((value) => ({ value, y: y(value) })), groups };
}

/** Numbers in SVG attributes: two decimals at most, no trailing zeros. */
export function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}
