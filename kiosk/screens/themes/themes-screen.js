// <pm-themes-screen>: the eight theme boards as large coloured tiles; a tile opens the board with
// its map points (open now or not) and its coming activities.

import { h, listeners, replace } from '../../shared/dom.js';
import { fillActivities } from '../../app/activity-row.js';
import { store } from '../../app/store.js';
import { data, label, say } from '../../app/text.js';

const THEMES = new URL('./queries/themes.graphql', import.meta.url);
const THEME = new URL('./queries/theme.graphql', import.meta.url);

const hour = () => new Date().toISOString().slice(0, 13) + ':00:00Z';

class ThemesScreen extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.className = 'screen themes';
    this.on.add(store, 'refresh', () => this.load());
    this.on.add(this, 'click', (e) => {
      const tile = e.target.closest('[data-theme]');
      if (tile) store.go('themes', { code: tile.dataset.theme });
    });
    this.load();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  load() {
    return this.params?.code ? this.loadBoard(this.params.code) : this.loadBoards();
  }

  async loadBoards() {
    let themes;
    try {
      themes = (await store.load('themes', THEMES, { lang: store.apiLang, from: hour() })).themes;
    } catch (e) {
      return;
    }
    if (!this.isConnected) return;
    replace(this, label('themes', {}, 'h2', { class: 'screen-title' }), h('div', { class: 'tiles' }, themes.map((t) =>
      h('button', { type: 'button', class: 'tile', 'data-theme': t.code, style: `--theme: ${t.color}` },
        data(t.name, t.nameMn, 'span', { class: 'tile-name' }),
        h('span', { class: 'tile-text' }, t.description || ''),
        h('span', { class: 'tile-counts' }, `${say('points', { n: t.mapPoints.length })} · ${say('activitiesN', { n: t.activities.totalCount })}`)))));
  }

  async loadBoard(code) {
    let theme;
    try {
      theme = (await store.load(`theme:${code}`, THEME, { code, from: hour(), lang: store.apiLang })).theme;
    } catch (e) {
      return;
    }
    if (!this.isConnected || !theme) return;
    const rows = h('div', { class: 'rows' });
    replace(
      this,
      h('header', { class: 'board-head', style: `--theme: ${theme.color}` },
        h('button', { type: 'button', class: 'k-back', 'data-tab': 'themes' }, `‹ ${say('back')}`),
        data(theme.name, theme.nameMn, 'h2'),
        theme.description ? h('p', {}, theme.description) : null),
      h('div', { class: 'board-body' },
        h('section', { class: 'panel' }, label('coming', {}, 'h3'), rows),
        h('section', { class: 'panel' }, h('h3', {}, say('points', { n: theme.mapPoints.length })),
          h('ul', { class: 'places' }, theme.mapPoints.map((p) =>
            h('li', {}, h('span', { class: 'place-name' }, p.name), h('span', { class: `open ${p.isOpenNow ? 'yes' : 'no'}` }, say(p.isOpenNow ? 'openNow' : 'closedNow'))))))),
    );
    fillActivities(rows, theme.activities.edges.map((e) => ({ activity: e.node })));
  }
}

customElements.define('pm-themes-screen', ThemesScreen);
