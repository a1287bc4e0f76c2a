// <pm-point-card>: a map point's card: name, boards, open now, the weekly hours, coming activities.

import { h, listeners, replace } from '../../shared/dom.js';
import { fillActivities } from '../../app/activity-row.js';
import { store } from '../../app/store.js';
import { data, label, say } from '../../app/text.js';

const POINT = new URL('./queries/point.graphql', import.meta.url);

class PointCard extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.on.add(this, 'click', (e) => {
      if (e.target.closest('[data-close]')) this.hidden = true;
    });
  }

  disconnectedCallback() {
    this.on.clear();
  }

  set pointId(id) {
    this.id_ = id;
    this.load();
  }

  async load() {
    const id = this.id_;
    let point;
    try {
      point = (await store.load(`point:${id}`, POINT, { id, from: new Date().toISOString(), lang: store.apiLang })).point;
    } catch (e) {
      return;
    }
    if (id !== this.id_ || !point) return;
    const rows = h('div', { class: 'rows' });
    replace(
      this,
      h('div', { class: 'card-head', style: `--theme: ${point.themes[0]?.color || '#888'}` },
        data(point.name, point.nameMn, 'h2'),
        h('button', { type: 'button', class: 'close', 'data-close': '', 'aria-label': say('closeCard') }, '×')),
      point.address ? h('p', { class: 'address' }, point.address) : null,
      h('p', { class: 'boards' }, point.themes.map((t) => h('span', { class: 'board', style: `--theme: ${t.color}` }, t.name))),
      h('p', { class: `open ${point.isOpenNow ? 'yes' : 'no'}` }, say(point.isOpenNow ? 'openNow' : 'closedNow')),
      h('h3', {}, say('hours')),
      hours(point.openingHours),
      label('coming', {}, 'h3'),
      rows,
    );
    fillActivities(rows, point.activities.edges.map((e) => ({ activity: e.node })));
  }
}

/** The week as runs of days with the same hours: "二至日 09:00–17:00", "一 闭馆". */
function hours(list) {
  if (!list.length) return h('p', { class: 'hours' }, say('noHours'));
  const days = say('weekdays').split(',');
  const text = (d) => list.filter((o) => o.weekday === d).map((o) => `${o.opens.slice(0, 5)}–${o.closes.slice(0, 5)}`).join(', ') || say('closedDay');
  const runs = [];
  for (let d = 1; d <= 7; d++) {
    const t = text(d);
    const last = runs[runs.length - 1];
    if (last && last.t === t) last.to = d;
    else runs.push({ from: d, to: d, t });
  }
  const sep = store.mode === 'en' ? '–' : '至';
  return h('ul', { class: 'hours' }, runs.map((r) =>
    h('li', {}, h('b', {}, r.from === r.to ? days[r.from - 1] : `${days[r.from - 1]}${sep}${days[r.to - 1]}`), ` ${r.t}`)));
}

customElements.define('pm-point-card', PointCard);
