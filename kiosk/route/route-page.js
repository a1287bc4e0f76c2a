// <pm-route-page>: a recommended route on the phone (/r/{routeId}, opened from a kiosk's QR code):
// its stops in order with their addresses, the time to stay and the way from the previous stop.

import '../shared/lang-switch.js';
import { h, listeners, replace } from '../shared/dom.js';
import { graphql, NetworkError } from '../shared/graphql.js';
import { language } from '../shared/i18n.js';

const ROUTE = new URL('./queries/route.graphql', import.meta.url);
const WORDS = {
  zh: { notFound: '找不到这条路线。', network: '网络不稳定，请稍后刷新。', summary: '{stops} 站 · {km} 公里 · 约 {min} 分钟', stay: '建议停留 {n} 分钟', leg: '距上一站 {km} 公里，约 {n} 分钟', open: '正在开放' },
  en: { notFound: 'This route was not found.', network: 'The network is unsteady: please reload later.', summary: '{stops} stops · {km} km · about {min} min', stay: 'Stay about {n} min', leg: '{km} km from the last stop, about {n} min', open: 'Open now' },
};

function w(key, params = {}) {
  const words = language.lang === 'en' ? WORDS.en : WORDS.zh;
  return words[key].replace(/\{(\w+)\}/g, (_, n) => String(params[n] ?? ''));
}

class RoutePage extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.routeId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
    this.on.add(language, 'change', () => this.load());
    this.load();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  async load() {
    const body = h('main');
    replace(this, h('header', { class: 'bar' }, h('span', { class: 'brand' }, language.t('appName')), h('pm-lang-switch')), body);
    try {
      const { route } = await graphql(ROUTE, { id: this.routeId, lang: language.apiLang });
      if (!route) throw new Error('not found');
      replace(body, h('div', { class: 'card' },
        h('h1', {}, route.name),
        h('p', { class: 'summary' }, w('summary', { stops: route.stops.length, km: (route.distanceMeters / 1000).toFixed(1), min: route.totalMinutes })),
        route.description ? h('p', {}, route.description) : null,
        h('ol', { class: 'route-stops' }, route.stops.map(stop))));
    } catch (e) {
      replace(body, h('p', { class: 'notice error', role: 'alert' }, w(e instanceof NetworkError ? 'network' : 'notFound')));
    }
  }
}

function stop(s) {
  return h('li', {},
    h('span', { class: 'n' }, String(s.position)),
    h('span', { class: 'name' }, s.point.name, s.point.isOpenNow ? ` · ${w('open')}` : ''),
    s.point.address ? h('span', { class: 'address' }, s.point.address) : null,
    h('span', { class: 'meta' }, [w('stay', { n: s.stayMinutes }), s.position > 1 ? w('leg', { km: (s.legDistanceMeters / 1000).toFixed(1), n: s.legMinutes }) : null].filter(Boolean).join(' · ')),
    s.note ? h('span', { class: 'meta' }, s.note) : null);
}

customElements.define('pm-route-page', RoutePage);
