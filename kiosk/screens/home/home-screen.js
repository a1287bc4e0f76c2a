// <pm-home-screen>: this month's theme, what is on now and next near this kiosk (distance, time,
// live seats) and the coming "Our Festivals" events. It also follows the activities near the
// kiosk over the live socket, so seats change on screen as people book.

import { h, listeners, replace } from '../../shared/dom.js';
import { fillActivities } from '../../app/activity-row.js';
import { today, when } from '../../app/format.js';
import { store } from '../../app/store.js';
import { data, label, say } from '../../app/text.js';

const HOME = new URL('./queries/home.graphql', import.meta.url);
const LIVE_NEAR = new URL('./queries/live-near.graphql', import.meta.url);
// As many as fit beside (landscape) or above (portrait) the festivals without scrolling.
const shown = () => (window.innerWidth > window.innerHeight ? 3 : 4);
const REFRESH_MS = 120000;

export function homeVariables() {
  const c = store.config;
  const at = c.locationOverride || c.location;
  return { at, radius: c.radiusMeters || 3000, year: Number(today().slice(0, 4)), from: new Date().toISOString().slice(0, 13) + ':00:00Z', lang: store.apiLang };
}

class HomeScreen extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.className = 'screen home';
    this.hero = h('section', { class: 'hero' });
    this.list = h('div', { class: 'rows' });
    this.fest = h('div', { class: 'festivals' });
    replace(
      this,
      this.hero,
      h('section', { class: 'panel near' }, label('nowNext', {}, 'h2'), this.list),
      h('section', { class: 'panel fest' }, label('festivals', {}, 'h2'), this.fest),
    );
    this.on.add(store, 'refresh', () => this.load());
    const c = store.config;
    this.stopLive = store.live?.subscribe(LIVE_NEAR, { near: { at: c.locationOverride || c.location, radiusMeters: c.radiusMeters || 3000 } }, (d) => this.event(d.activitiesChanged));
    this.timer = setInterval(() => this.load(), REFRESH_MS);
    this.load();
  }

  disconnectedCallback() {
    this.on.clear();
    this.stopLive?.();
    clearInterval(this.timer);
  }

  event(e) {
    if (e.kind === 'RESYNC' || e.kind === 'CREATED' || e.kind === 'REMOVED') this.load();
    else store.updateSeats(e.activity);
  }

  async load() {
    let d;
    try {
      d = await store.load('home', HOME, homeVariables());
    } catch (e) {
      return; // nothing remembered yet: the skeleton stays, the next refresh fills it
    }
    if (!this.isConnected) return;
    this.showMonth(d.monthlyThemes);
    const items = d.nearbyActivities.edges
      .map((e) => ({ activity: e.node, distanceMeters: e.distanceMeters }))
      .filter(({ activity }) => activity.status !== 'CANCELLED' && themeAllowed(activity))
      .sort((a, b) => rank(a.activity) - rank(b.activity) || a.distanceMeters - b.distanceMeters)
      .slice(0, shown());
    fillActivities(this.list, items, 'nothingNear');
    this.showFestivals(d.festivals.edges.map((e) => e.node));
  }

  showMonth(months) {
    const month = today().slice(0, 7);
    const theme = months.find((m) => m.month.startsWith(month));
    if (!theme) return replace(this.hero);
    this.hero.style.setProperty('--theme', theme.theme.color);
    return replace(
      this.hero,
      h('p', { class: 'eyebrow' }, label('monthTheme'), h('span', { class: 'hero-board' }, theme.theme.name)),
      data(theme.title, theme.titleMn, 'h2', { class: 'hero-title' }),
      theme.description ? h('p', { class: 'hero-text' }, theme.description) : null,
    );
  }

  /** One card per festival (the first date), with the number of places holding it. */
  showFestivals(activities) {
    const byFestival = new Map();
    for (const a of activities) {
      const group = byFestival.get(a.festival) || { first: a, places: new Set() };
      group.places.add(a.point.id);
      byFestival.set(a.festival, group);
    }
    const cards = [...byFestival.values()].slice(0, 3).map(({ first, places }) =>
      h('button', { type: 'button', class: 'festival', 'data-activity': first.id },
        data(withoutPrefix(first.title), first.titleMn, 'span', { class: 'fest-title' }),
        h('span', { class: 'fest-when' }, when(first)),
        h('span', { class: 'fest-places' }, say('festivalPlaces', { n: places.size }))),
    );
    replace(this.fest, cards.length ? cards : h('p', { class: 'empty' }, say('noneComing')));
  }
}

/** "我们的节日·腊八 施粥暖邻里" under the heading "我们的节日": the prefix says it twice. */
function withoutPrefix(title) {
  return title.replace(/^(我们的节日\s*[·・]\s*|Our Festivals\s*[·:]\s*)/, '');
}

/** On now first, then by start time. */
function rank(activity) {
  return activity.status === 'ONGOING' ? 0 : new Date(activity.startsAt).getTime();
}

function themeAllowed(activity) {
  const codes = store.config.themeCodes || [];
  return !codes.length || (activity.theme && codes.includes(activity.theme.code));
}

customElements.define('pm-home-screen', HomeScreen);
