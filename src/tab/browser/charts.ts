/**
 * The scorecard's charts, drawn with Chart.js on canvases in the theme's colours. Each chart
 * is labelled as an image whose figures are in the table beside it (for screen readers).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Scorecard } from '../../reports/scorecard';
import { h } from './dom';
import { token } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Long area names wrap onto lines of about this many characters on the axis. */
const WRAP = 34;

function wrap(label: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && (line + ' ' + word).length > WRAP) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function barChart(
  title: string,
  labels: string[],
  series: { label: string; data: number[]; color: string }[],
  horizontal: boolean,
): { figure: HTMLElement; chart: () => Chart } {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title}: the figures are in the table "Figures" below.` });
  const box = h(
    'div',
    { class: 'chart-box', style: `height: ${Math.max(180, labels.length * (horizontal ? 44 : 0) + 90)}px` },
    canvas,
  );
  const figure = h('figure', { class: 'chart', 'data-chart': title }, h('figcaption', {}, title), box);
  const chart = () => {
    const text = token('colorNeutralForeground2');
    const grid = token('colorNeutralStroke2');
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels.map(wrap),
        datasets: series.map((s) => ({
          label: s.label,
          data: s.data,
          backgroundColor: s.color,
          borderRadius: 3,
          maxBarThickness: 28,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: series.length > 1, labels: { color: text, font: { family: token('fontFamilyBase') } } },
          tooltip: { enabled: true },
        },
        scales: {
          x: { ticks: { color: text, precision: 0 }, grid: { color: grid }, beginAtZero: true },
          y: { ticks: { color: text, precision: 0 }, grid: { color: grid }, beginAtZero: true },
        },
      },
    });
  };
  return { figure, chart };
}

/** The three charts of a quarter; call `draw` once they are in the page (Chart.js measures its box). */
export function scorecardCharts(card: Scorecard): { element: HTMLElement; draw: () => Chart[] } {
  const brand = token('colorBrandBackground');
  const second = token('colorPaletteMarigoldBorderActive') || token('colorNeutralForeground3');
  const stages = barChart(
    'Resolved at each stage',
    card.resolvedAtStage.map((s) => s.label),
    [{ label: 'Resolved', data: card.resolvedAtStage.map((s) => s.count), color: brand }],
    false,
  );
  const areas = barChart(
    'Raised by area of disagreement',
    card.byArea.map((a) => a.name),
    [{ label: 'Raised', data: card.byArea.map((a) => a.count), color: brand }],
    true,
  );
  const agencies = [...new Set([...card.byAgencyRaisedBy, ...card.byAgencyRaisedWith].map((a) => a.name))];
  const count = (list: { name: string; count: number }[], name: string) =>
    list.find((a) => a.name === name)?.count ?? 0;
  const byAgency = barChart(
    'By agency',
    agencies,
    [
      { label: 'Raised by', data: agencies.map((a) => count(card.byAgencyRaisedBy, a)), color: brand },
      { label: 'Raised with', data: agencies.map((a) => count(card.byAgencyRaisedWith, a)), color: second },
    ],
    true,
  );
  const all = [stages, areas, byAgency];
  return {
    element: h(
      'div',
      { class: 'charts' },
      all.map((c) => c.figure),
    ),
    draw: () => all.map((c) => c.chart()),
  };
}
