// <pm-routes-screen>: the recommended routes; the chosen one is drawn on the schematic map with
// its numbered stops, and a QR code takes it to the phone (/r/{routeId}, a small phone page).

import { h, listeners, replace } from '../../shared/dom.js';
import { distance } from '../../app/format.js';
import { store } from '../../app/store.js';
import { data, label, say } from '../../app/text.js';
import { background, here, projection, svgEl } from '../map/schematic.js';

const ROUTES = new URL('./queries/routes.graphql', import.meta.url);

class RoutesScreen extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.className = 'screen routes';
    this.list = h('div', { class: 'route-list', role: 'group' });
    this.figure = h('div', { class: 'map-figure' });
    this.detail = h('div', { class: 'route-detail' });
    replace(this, label('route', {}, 'h2', { class: 'screen-title' }), this.list, h('div', { class: 'route-main' }, this.figure, this.detail));
    this.on.add(store, 'refresh', () => this.load());
    this.on.add(this.list, 'click', (e) => {
      const b = e.target.closest('[data-route]');
      if (b) this.choose(b.dataset.route);
    });
    this.load();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  async load() {
    try {
      this.routes = (await store.load('routes', ROUTES, { lang: store.apiLang })).routes.edges.map((e) => e.node);
    } catch (e) {
      return;
    }
    if (!this.isConnected) return;
    const codes = store.config.themeCodes || [];
    this.routes = this.routes.filter((r) => !codes.length || !r.theme || codes.includes(r.theme.code));
    this.choose(this.chosen && this.routes.some((r) => r.id === this.chosen) ? this.chosen : this.routes[0]?.id);
  }

  choose(id) {
    this.chosen = id;
    replace(this.list, this.routes.map((r) =>
      h('button', { type: 'button', 'data-route': r.id, 'aria-pressed': String(r.id === id), style: `--theme: ${r.theme?.color || '#8a8a8a'}` },
        data(r.name, r.nameMn, 'span', { class: 'route-name' }),
        h('span', { class: 'route-meta' }, `${say('stops', { n: r.stops.length })} · ${distance(r.distanceMeters)} · ${say('aboutMinutes', { n: r.totalMinutes })}`))));
    const route = this.routes.find((r) => r.id === id);
    if (route) this.draw(route);
  }

  draw(route) {
    const at = store.config.locationOverride || store.config.location;
    const landscape = window.innerWidth > window.innerHeight;
    const [width, height] = landscape ? [1000, 540] : [1000, 720];
    const proj = projection([...route.path, at], width, height);
    const line = route.path.map((c) => proj.project(c).map((v) => v.toFixed(1)).join(',')).join(' ');
    const stops = route.stops.map((s) => {
      const [x, y] = proj.project(s.point.coordinates);
      return svgEl('g', { class: 'stop', transform: `translate(${x} ${y})` },
        svgEl('circle', { r: 30 }), svgEl('text', { 'text-anchor': 'middle', dy: '0.36em' }, String(s.position)));
    });
    replace(this.figure, svgEl('svg', { viewBox: `0 0 ${width} ${height}`, class: 'schematic', role: 'img', 'aria-label': route.name, style: `--theme: ${route.theme?.color || '#b3261e'}` },
      background(proj, store.config.tileUrl), svgEl('polyline', { points: line, class: 'route-line' }), ...stops, here(proj, at, say('youAreHere'))));
    const src = `/qr/route/${encodeURIComponent(route.id)}.svg`;
    replace(this.detail,
      h('ol', { class: 'stops', style: `--route: ${route.theme?.color || '#b3261e'}` }, route.stops.map((s) => h('li', {}, h('span', { class: 'stop-name' }, s.point.name), h('span', { class: 'stop-stay' }, say('aboutMinutes', { n: s.stayMinutes }))))),
      h('div', { class: 'route-qr' }, h('img', { class: 'qr', src, alt: say('scanRoute'), width: 300, height: 300 }), h('p', {}, say('scanRoute'))));
  }
}

customElements.define('pm-routes-screen', RoutesScreen);
