// <pm-map-screen>: the schematic map of the map points, coloured by theme board, with a legend
// (tap a board to show only its points) and the kiosk's position; tapping a point opens its card.

import './point-card.js';
import { h, listeners, replace } from '../../shared/dom.js';
import { store } from '../../app/store.js';
import { data, label, say } from '../../app/text.js';
import { background, here, projection, svgEl } from './schematic.js';

const MAP = new URL('./queries/map.graphql', import.meta.url);

/** The map points, each once, with the boards it is on (its colour: the first board's). */
export function uniquePoints(themes) {
  const points = new Map();
  for (const theme of themes) {
    for (const p of theme.mapPoints) {
      const point = points.get(p.id) || { ...p, themes: [] };
      point.themes.push(theme);
      points.set(p.id, point);
    }
  }
  return [...points.values()];
}

export function mapSize() {
  return window.innerWidth > window.innerHeight ? [1100, 690] : [1000, 1000];
}

class MapScreen extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.className = 'screen map';
    this.filter = null;
    this.figure = h('div', { class: 'map-figure' });
    this.legend = h('div', { class: 'legend', role: 'group' });
    this.card = h('pm-point-card', { hidden: true });
    this.note = h('p', { class: 'map-note' });
    replace(this, h('div', { class: 'map-wrap' }, this.figure, this.card), h('aside', { class: 'panel map-side' }, label('legend', {}, 'h2'), this.legend, this.note));
    this.on.add(store, 'refresh', () => this.load());
    this.on.add(this.figure, 'click', (e) => this.tapPoint(e));
    this.on.add(this.figure, 'keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.tapPoint(e);
    });
    this.on.add(this.legend, 'click', (e) => this.tapLegend(e));
    this.load();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  async load() {
    try {
      this.themes = (await store.load('map', MAP, { lang: store.apiLang })).themes;
    } catch (e) {
      return;
    }
    if (this.isConnected) this.draw();
  }

  draw() {
    const themes = this.themes.filter((t) => !store.config.themeCodes?.length || store.config.themeCodes.includes(t.code));
    const points = uniquePoints(themes);
    const at = store.config.locationOverride || store.config.location;
    const [width, height] = mapSize();
    // With an operator's tiles the map must be true to scale; without, it is schematic.
    const proj = projection([...points.map((p) => p.coordinates), at], width, height, store.config.tileUrl ? null : at);
    const dots = points.map((p) => {
      const [x, y] = proj.project(p.coordinates);
      const dim = this.filter && !p.themes.some((t) => t.code === this.filter);
      return svgEl('g', { class: `pt${dim ? ' dim' : ''}`, transform: `translate(${x.toFixed(1)} ${y.toFixed(1)})`, 'data-point': p.id, role: 'button', tabindex: dim ? -1 : 0, 'aria-label': p.name, style: `--theme: ${p.themes[0].color}` },
        svgEl('circle', { r: 38, class: 'hit' }),
        svgEl('circle', { r: 17, class: 'dot' }));
    });
    const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, class: 'schematic', role: 'group', 'aria-label': say('map') },
      background(proj, store.config.tileUrl), ...dots, here(proj, at, say('youAreHere')));
    replace(this.figure, svg);
    this.note.textContent = say(store.config.tileUrl ? 'mapTiles' : 'mapSchematic');
    replace(this.legend, themes.map((t) =>
      h('button', { type: 'button', 'data-theme': t.code, 'aria-pressed': String(this.filter === t.code), style: `--theme: ${t.color}` },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }), data(t.name, t.nameMn), h('span', { class: 'count' }, String(t.mapPoints.length)))));
  }

  tapLegend(e) {
    const button = e.target.closest('[data-theme]');
    if (!button) return;
    this.filter = this.filter === button.dataset.theme ? null : button.dataset.theme;
    this.draw();
  }

  tapPoint(e) {
    const point = e.target.closest('[data-point]');
    if (!point) return;
    this.card.hidden = false;
    this.card.pointId = point.dataset.point;
    for (const g of this.figure.querySelectorAll('.pt.chosen')) g.classList.remove('chosen');
    point.classList.add('chosen');
  }
}

customElements.define('pm-map-screen', MapScreen);
