/**
 * Stacked bar charts as server-rendered SVG: no JavaScript, no chart library, and nothing the CSP has
 * to allow (presentation attributes only, no style attributes). Each chart is an image with a title and
 * a text description for screen readers; the page also gives the same numbers as a table.
 */
import { escapeHtml } from '../../presenters.ts';

export interface Bar {
  label: string;
  /** Authorised by the card. */
  card: number;
  /** Went to a manager. */
  manager: number;
}

export interface ChartOptions {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  legend: { card: string; manager: string };
  number: (n: number) => string;
}

// GOV.UK analytics palette: both at least 3:1 against white and against each other's hue.
const CARD_FILL = '#12436d';
const MANAGER_FILL = '#801650';
const INK = '#0b0c0c';
const GRID = '#b1b4b6';

const WIDTH = 640;
const LEFT = 150;
const RIGHT = 60;
const BAR = 22;
const GAP = 14;
const TOP = 40;

/** A round upper bound for the axis, so gridlines fall on whole numbers people can read. */
export const niceMax = (max: number): number => {
  if (max <= 5) return Math.max(1, Math.ceil(max));
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
};

/** Horizontal stacked bars: one row per label, long labels (team names, months) read naturally. */
export const barChart = (opts: ChartOptions): string => {
  const { bars } = opts;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.card + b.manager)));
  const plot = WIDTH - LEFT - RIGHT;
  const height = TOP + bars.length * (BAR + GAP) + 30;
  const x = (n: number) => LEFT + (n / max) * plot;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max].filter((n) => Number.isInteger(n));
  const parts: string[] = [];
  parts.push(
    `<svg class="ff-chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${opts.id}-title ${opts.id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${opts.id}-title">${escapeHtml(opts.title)}</title>`,
    `<desc id="${opts.id}-desc">${escapeHtml(opts.description)}</desc>`,
    // Legend
    `<rect x="${LEFT}" y="6" width="14" height="14" fill="${CARD_FILL}"/>`,
    `<text x="${LEFT + 20}" y="18" font-size="14" fill="${INK}">${escapeHtml(opts.legend.card)}</text>`,
    `<rect x="${LEFT + 250}" y="6" width="14" height="14" fill="${MANAGER_FILL}"/>`,
    `<text x="${LEFT + 270}" y="18" font-size="14" fill="${INK}">${escapeHtml(opts.legend.manager)}</text>`,
  );
  for (const tick of ticks) {
    parts.push(
      `<line x1="${x(tick)}" y1="${TOP - 6}" x2="${x(tick)}" y2="${height - 24}" stroke="${GRID}" stroke-width="1"/>`,
      `<text x="${x(tick)}" y="${height - 8}" font-size="13" text-anchor="middle" fill="${INK}">${escapeHtml(opts.number(tick))}</text>`,
    );
  }
  bars.forEach((bar, i) => {
    const y = TOP + i * (BAR + GAP);
    const total = bar.card + bar.manager;
    parts.push(
      `<text x="${LEFT - 8}" y="${y + BAR / 2 + 5}" font-size="14" text-anchor="end" fill="${INK}">${escapeHtml(bar.label)}</text>`,
    );
    if (bar.card > 0) {
      parts.push(
        `<rect x="${LEFT}" y="${y}" width="${x(bar.card) - LEFT}" height="${BAR}" fill="${CARD_FILL}"/>`,
      );
    }
    if (bar.manager > 0) {
      parts.push(
        `<rect x="${x(bar.card)}" y="${y}" width="${x(total) - x(bar.card)}" height="${BAR}" fill="${MANAGER_FILL}" stroke="#ffffff" stroke-width="1"/>`,
      );
    }
    parts.push(
      `<text x="${x(total) + 6}" y="${y + BAR / 2 + 5}" font-size="14" font-weight="700" fill="${INK}">${escapeHtml(opts.number(total))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
};
