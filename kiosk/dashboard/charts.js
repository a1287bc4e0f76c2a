// Charts drawn as SVG by our own code: horizontal bars and month columns. Each chart is an image
// with a title for screen readers; the same figures are in a table beside it (see table()).

import { h } from '../shared/dom.js';

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function image(title, width, height, ...children) {
  return s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': title,
    preserveAspectRatio: 'xMinYMin meet',
  }, s('title', {}, title), ...children);
}

/** A label that fits: long names are cut with an ellipsis (the table has them whole). */
function fit(text, max) {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Horizontal bars, one row per item: [{ label, value, valueText, color }]. Rows keep their order.
 */
export function bars(title, items, { width = 620, row = 34, labelWidth = 170, labelChars = 11 } = {}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const room = width - labelWidth - 90;
  const height = items.length * row + 8;
  const rows = items.map((item, n) => {
    const y = n * row + 4;
    const length = Math.max(item.value > 0 ? 2 : 0, (item.value / max) * room);
    return s('g', { class: 'bar' },
      s('text', { x: labelWidth - 10, y: y + row / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'label' },
        fit(item.label, labelChars)),
      s('rect', { x: labelWidth, y: y + 5, width: length.toFixed(1), height: row - 10, rx: 4, fill: item.color }),
      s('text', { x: labelWidth + length + 8, y: y + row / 2, 'dominant-baseline': 'middle', class: 'value' },
        item.valueText));
  });
  return image(title, width, height, ...rows);
}

/** Columns over months: [{ label, value, valueText, color }], with a light grid. */
export function columns(title, items, { width = 620, height = 260 } = {}) {
  const max = niceMax(Math.max(1, ...items.map((i) => i.value)));
  const left = 44;
  const bottom = 28;
  const top = 22;
  const plot = height - bottom - top;
  const step = (width - left - 8) / Math.max(1, items.length);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = top + plot - f * plot;
    return s('g', { class: 'grid' },
      s('line', { x1: left, x2: width - 4, y1: y, y2: y }),
      s('text', { x: left - 6, y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, Math.round(max * f)));
  });
  const cols = items.map((item, n) => {
    const barHeight = (item.value / max) * plot;
    const x = left + n * step + step * 0.15;
    const w = step * 0.7;
    return s('g', { class: 'column' },
      s('rect', { x: x.toFixed(1), y: (top + plot - barHeight).toFixed(1), width: w.toFixed(1), height: barHeight.toFixed(1), rx: 3, fill: item.color }),
      s('text', { x: (x + w / 2).toFixed(1), y: (top + plot - barHeight - 6).toFixed(1), 'text-anchor': 'middle', class: 'value' }, item.valueText),
      s('text', { x: (x + w / 2).toFixed(1), y: height - 8, 'text-anchor': 'middle', class: 'label' }, item.label));
  });
  return image(title, width, height, ...grid, ...cols);
}

function niceMax(value) {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const f of [1, 2, 2.5, 5, 10]) {
    if (value <= f * magnitude) return f * magnitude;
  }
  return 10 * magnitude;
}

/** The figures as a table, in a <details> under the chart: [header…], [[cell…]…]. */
export function table(summary, header, rows) {
  return h('details', { class: 'data' },
    h('summary', {}, summary),
    h('table', {},
      h('thead', {}, h('tr', {}, header.map((text, i) => h('th', { scope: 'col', class: i ? 'num' : null }, text)))),
      h('tbody', {}, rows.map((cells) =>
        h('tr', {}, cells.map((text, i) => (i ? h('td', { class: 'num' }, text) : h('th', { scope: 'row' }, text))))))));
}
