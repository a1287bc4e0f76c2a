// <pm-dashboard>: the network's figures at /dashboard — totals, the eight theme boards, month by
// month, the busiest points and the one-month-one-theme calendar — for anyone (the figures are
// public aggregates). A manager's token (field on the page, or a link's #token=…, taken out of the
// address at once and kept for this browser tab only) opens it on the manager's subtree.

import '../shared/lang-switch.js';
import { h, listeners, replace } from '../shared/dom.js';
import { ApiError, graphql } from '../shared/graphql.js';
import { language } from '../shared/i18n.js';
import { bars, columns, table } from './charts.js';
import { preset, rangeFromAddress } from './dates.js';
import { number, percent, t } from './strings.js';

const STATS = new URL('./queries/stats.graphql', import.meta.url);
const CONTEXT = new URL('./queries/context.graphql', import.meta.url);
const TOKEN = 'pm.dashboardToken';
const PRESETS = ['thisYear', 'lastTwelve', 'lastYear'];
const RED = '#b3261e';
const GREY = '#9aa0a6';

class Dashboard extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.token = takeTokenFromAddress() || load();
    this.range = rangeFromAddress() || preset('thisYear');
    this.scope = new URLSearchParams(location.search).get('scope');
    this.on.add(this, 'click', (e) => this.click(e));
    this.on.add(this, 'change', (e) => this.changed(e));
    this.on.add(this, 'submit', (e) => this.submit(e));
    this.on.add(language, 'change', () => this.refresh(true));
    this.refresh(true);
  }

  disconnectedCallback() {
    this.on.clear();
  }

  click(e) {
    const button = e.target.closest('[data-preset]');
    if (button) {
      this.range = preset(button.dataset.preset);
      this.refresh(false);
    } else if (e.target.closest('[data-action="sign-out"]')) {
      this.setToken(null);
    }
  }

  changed(e) {
    if (e.target.name === 'scope') {
      this.scope = e.target.value;
      this.refresh(false);
    }
  }

  submit(e) {
    e.preventDefault();
    if (e.target.name === 'token') this.setToken(e.target.elements.token.value.trim() || null);
  }

  setToken(token) {
    this.token = token;
    save(token);
    this.scope = null;
    this.refresh(true);
  }

  /** Loads the figures (and, when asked, who is looking and the names), then draws. */
  async refresh(withContext) {
    const serial = (this.serial = (this.serial || 0) + 1);
    this.error = null;
    this.stats = null;
    this.render();
    try {
      if (withContext || !this.context) this.context = await this.loadContext();
      if (this.scope === null || this.scope === undefined) this.scope = this.defaultScope();
      const { stats } = await graphql(STATS, {
        scope: this.scope || null, from: this.range.from, to: this.range.to, lang: language.apiLang,
      });
      if (serial !== this.serial) return;
      this.stats = stats;
    } catch (e) {
      if (serial !== this.serial) return;
      this.error = e instanceof ApiError && e.code === 'UNAUTHENTICATED' ? t('errToken') : t('error');
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') this.setTokenQuietly();
    }
    this.render();
  }

  async loadContext() {
    const year = Number(this.range.to.slice(0, 4));
    return graphql(CONTEXT, { lang: language.apiLang, year, previousYear: year - 1 }, { token: this.token });
  }

  setTokenQuietly() {
    this.token = null;
    save(null);
  }

  /** A manager or staff token opens on its subtree; everyone else on the whole network. */
  defaultScope() {
    const viewer = this.context?.viewer;
    return viewer && viewer.point && ['MANAGER', 'STAFF'].includes(viewer.role) ? viewer.point.id : '';
  }

  render() {
    if (!this.main) {
      this.brand = h('span', { class: 'brand' });
      this.main = h('main', { class: 'dash' });
      replace(this, h('header', { class: 'bar' }, this.brand, h('pm-lang-switch')), this.main);
    }
    this.brand.textContent = t('title');
    document.title = t('title');
    const body = [this.controls()];
    if (this.error) body.push(h('p', { class: 'notice error', role: 'alert' }, this.error));
    else if (!this.stats) body.push(h('p', { class: 'loading' }, t('loading')));
    else body.push(...this.figures(this.stats));
    body.push(h('footer', { class: 'definitions' }, t('definitions')));
    replace(this.main, body);
  }

  controls() {
    const ranges = h('div', { class: 'ranges', role: 'group', 'aria-label': t('range') },
      PRESETS.map((name) => h('button', {
        type: 'button', 'data-preset': name, 'aria-pressed': String(this.range.preset === name),
      }, t(name))));
    const when = h('span', { class: 'when', 'data-range': `${this.range.from}/${this.range.to}` },
      t('rangeText', { from: this.range.from, to: this.range.to }));
    const select = h('select', { name: 'scope', id: 'scope' },
      this.scopeOptions().map(([id, name]) => h('option', { value: id, selected: id === (this.scope || '') }, name)));
    const csv = new URLSearchParams({
      from: this.range.from, to: this.range.to, groupBy: 'THEME,MONTH,POINT', lang: language.lang,
    });
    if (this.scope) csv.set('scope', this.scope);
    return h('section', { class: 'controls' },
      ranges, when,
      h('label', { for: 'scope', class: 'scope' }, t('scope'), select),
      h('a', { class: 'csv', href: `/reports/stats.csv?${csv}`, download: '' }, t('csv')),
      this.tokenControl());
  }

  scopeOptions() {
    const seen = new Set();
    const options = [['', t('network')]];
    const add = (p) => {
      if (p && !seen.has(p.id)) {
        seen.add(p.id);
        options.push([p.id, p.name]);
      }
    };
    add(this.context?.viewer?.point);
    (this.context?.centres.edges || []).forEach((e) => add(e.node));
    (this.context?.institutes.edges || []).forEach((e) => add(e.node));
    if (this.scope && !seen.has(this.scope) && this.stats?.scope) add(this.stats.scope);
    return options;
  }

  tokenControl() {
    const viewer = this.context?.viewer;
    if (this.token && viewer && viewer.role !== 'PUBLIC') {
      return h('span', { class: 'signed-in' },
        t('signedIn', { role: viewer.role, point: viewer.point?.name || t('network') }),
        h('button', { type: 'button', 'data-action': 'sign-out', class: 'link' }, t('signOut')));
    }
    return h('form', { name: 'token', class: 'token', title: t('tokenHint') },
      h('label', { for: 'token', class: 'visually-hidden' }, t('token')),
      h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', placeholder: t('token') }),
      h('button', { type: 'submit' }, t('useToken')));
  }

  figures(stats) {
    const groups = (by) => stats.groups.filter((g) => g.by === by);
    const out = [this.totals(stats)];
    if (stats.activitiesHeld === 0 && stats.bookings === 0) out.push(h('p', { class: 'notice' }, t('empty')));
    out.push(h('div', { class: 'charts' },
      this.themeCard(groups('THEME')),
      this.monthCard(groups('MONTH')),
      this.pointsCard(groups('POINT')),
      this.servedCard(groups('MONTH')),
      this.calendarCard(groups('MONTH'))));
    return out;
  }

  totals(stats) {
    const tile = (key, value, unit) => h('div', { class: 'tile', 'data-figure': key },
      h('span', { class: 'name' }, t(key)),
      h('strong', {}, value),
      unit ? h('span', { class: 'unit' }, unit) : null);
    const scope = stats.scope ? stats.scope.name : t('network');
    return h('section', { class: 'totals', 'aria-label': scope },
      h('h1', {}, scope),
      h('div', { class: 'tiles' },
        tile('held', number(stats.activitiesHeld), t('heldUnit')),
        tile('served', number(stats.peopleServed), t('servedUnit')),
        tile('bookings', number(stats.bookings), t('bookingsUnit')),
        tile('noShowRate', percent(stats.noShowRate)),
        tile('fillRate', percent(stats.fillRate))));
  }

  themeCard(groups) {
    const byCode = new Map(groups.map((g) => [g.key, g]));
    const items = (this.context?.themes || []).map((theme) => ({
      label: theme.name, value: byCode.get(theme.code)?.activitiesHeld || 0, color: theme.color,
      served: byCode.get(theme.code)?.peopleServed || 0,
    }));
    const none = byCode.get('NONE');
    if (none && none.activitiesHeld > 0) {
      items.push({ label: none.label, value: none.activitiesHeld, color: GREY, served: none.peopleServed });
    }
    items.forEach((i) => (i.valueText = number(i.value)));
    return card('by-theme', t('byTheme'),
      bars(t('byTheme'), items),
      table(t('table'), [t('name'), t('held'), t('served')],
        items.map((i) => [i.label, number(i.value), number(i.served)])));
  }

  monthCard(groups) {
    const items = groups.map((g) => ({
      label: monthLabel(g.key), value: g.activitiesHeld, valueText: number(g.activitiesHeld),
      color: this.monthlyTheme(g.key)?.theme.color || RED,
    }));
    return card('by-month', t('byMonth'),
      columns(t('byMonth'), items),
      table(t('table'), [t('name'), t('held'), t('served'), t('bookings')],
        groups.map((g) => [g.label, number(g.activitiesHeld), number(g.peopleServed), number(g.bookings)])));
  }

  servedCard(groups) {
    const items = groups.map((g) => ({
      label: monthLabel(g.key), value: g.peopleServed, valueText: compact(g.peopleServed),
      color: this.monthlyTheme(g.key)?.theme.color || RED,
    }));
    return card('served-by-month', t('servedByMonth'),
      columns(t('servedByMonth'), items, { height: 330 }),
      table(t('table'), [t('name'), t('served')],
        groups.map((g) => [g.label, number(g.peopleServed)])));
  }

  pointsCard(groups) {
    const items = groups.map((g) => ({
      label: g.label, value: g.activitiesHeld, valueText: number(g.activitiesHeld), color: RED,
    }));
    return card('top-points', t('topPoints'),
      bars(t('topPoints'), items, { labelWidth: 230, labelChars: 14 }),
      table(t('table'), [t('name'), t('held'), t('served')],
        groups.map((g) => [g.label, number(g.activitiesHeld), number(g.peopleServed)])));
  }

  calendarCard(groups) {
    const months = groups.map((g) => {
      const theme = this.monthlyTheme(g.key);
      const item = h('li', { class: 'month', 'data-month': g.key },
        h('h3', {}, monthLabel(g.key, true)),
        h('p', { class: 'theme-title' }, theme ? theme.title : t('noMonthlyTheme')),
        theme ? h('p', { class: 'board' }, theme.theme.name) : null,
        h('p', { class: 'result' }, t('monthResult', { held: number(g.activitiesHeld), served: number(g.peopleServed) })));
      // Through the CSSOM: the page's policy forbids style attributes.
      item.style.setProperty('--board', theme?.theme.color || GREY);
      return item;
    });
    return card('calendar', t('calendar'), h('ol', { class: 'calendar' }, months));
  }

  monthlyTheme(monthKey) {
    const day = `${monthKey}-01`;
    const all = [...(this.context?.thisYear || []), ...(this.context?.previousYear || [])];
    return all.find((m) => m.month === day) || null;
  }
}

/** 16,596 → "1.7万" / "16.6k": column tops have little room. */
function compact(value) {
  if (value < 10000) return number(value);
  return language.lang === 'en' ? `${(value / 1000).toFixed(1)}k` : `${(value / 10000).toFixed(1)}万`;
}

function card(id, title, ...content) {
  return h('section', { class: `card chart ${id}`, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title), ...content);
}

/** '2026-03' → '3月' (with the year: '2026年3月'), 'Mar' / 'Mar 2026'. */
function monthLabel(key, withYear = false) {
  const [year, month] = key.split('-').map(Number);
  if (language.lang === 'en') {
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    return withYear ? `${name} ${year}` : name;
  }
  return withYear ? `${year}年${month}月` : `${month}月`;
}

function takeTokenFromAddress() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return null;
  const token = decodeURIComponent(match[1]);
  save(token);
  history.replaceState(null, '', location.pathname + location.search);
  return token;
}

function load() {
  try {
    return sessionStorage.getItem(TOKEN);
  } catch (e) {
    return null;
  }
}

function save(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN, token);
    else sessionStorage.removeItem(TOKEN);
  } catch (e) {
    // No storage: the token lasts while the page is open.
  }
}

customElements.define('pm-dashboard', Dashboard);
