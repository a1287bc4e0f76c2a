// <pm-attract-loop>: while nobody uses the kiosk, a calm loop over the whole screen: this month's
// theme and the coming "Our Festivals" events, over this year's totals (activities held, people
// served). A touch anywhere ends it on Home.

import { h, listeners, replace } from '../../shared/dom.js';
import { today, when } from '../../app/format.js';
import { store } from '../../app/store.js';
import { data, label, say } from '../../app/text.js';
import { homeVariables } from '../home/home-screen.js';

const HOME = new URL('../home/queries/home.graphql', import.meta.url);
const STATS = new URL('./queries/stats.graphql', import.meta.url);
const SLIDE_MS = 8000;

class AttractLoop extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.on.add(store, 'attract', () => (store.attract ? this.begin() : this.end()));
    this.on.add(this, 'pointerdown', (e) => {
      e.preventDefault();
      store.showAttract(false);
      store.go('home');
    });
  }

  disconnectedCallback() {
    this.on.clear();
    clearInterval(this.timer);
  }

  async begin() {
    this.hidden = false;
    this.slides = [h('div', { class: 'slide' }, label('appName', {}, 'h2'))];
    this.totalsStrip = null;
    this.index = 0;
    this.show();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.next(), SLIDE_MS);
    const [home, totals] = await Promise.all([this.query('home', HOME, homeVariables()), this.totals()]);
    if (!store.attract) return;
    this.totalsStrip = totalsStrip(totals);
    this.slides = [...monthSlide(home), ...festivalSlides(home)];
    if (!this.slides.length) this.slides = [h('div', { class: 'slide' }, label('appName', {}, 'h2'))];
    this.index = 0;
    this.show();
  }

  end() {
    this.hidden = true;
    clearInterval(this.timer);
    replace(this);
  }

  async query(key, url, vars) {
    try {
      return await store.load(key, url, vars);
    } catch (e) {
      return null;
    }
  }

  /** This year's totals from the reports (`stats`); none when the server has no reports yet. */
  totals() {
    return this.query('stats', STATS, { from: `${today().slice(0, 4)}-01-01`, to: today() });
  }

  next() {
    this.index = (this.index + 1) % this.slides.length;
    this.show();
  }

  show() {
    replace(this, h('header', { class: 'attract-brand' }, label('appName', {}, 'p'), h('p', { class: 'attract-place' }, store.config.name)),
      this.slides[this.index], this.totalsStrip, h('p', { class: 'touch' }, say('touchToStart')));
  }
}

function monthSlide(home) {
  const month = home?.monthlyThemes.find((m) => m.month.startsWith(today().slice(0, 7)));
  if (!month) return [];
  return [h('div', { class: 'slide', style: `--theme: ${month.theme.color}` },
    label('monthTheme', {}, 'p', { class: 'eyebrow' }), data(month.title, month.titleMn, 'h2'), month.description ? h('p', {}, month.description) : null)];
}

function festivalSlides(home) {
  const seen = new Set();
  const firsts = (home?.festivals.edges || []).map((e) => e.node).filter((a) => !seen.has(a.festival) && seen.add(a.festival));
  return firsts.slice(0, 2).map((a) => h('div', { class: 'slide festival-slide' },
    label('festivals', {}, 'p', { class: 'eyebrow' }), data(a.title, a.titleMn, 'h2'), h('p', {}, when(a))));
}

/** This year's totals, under every slide. */
function totalsStrip(totals) {
  const s = totals?.stats;
  if (!s) return null;
  const n = (v) => new Intl.NumberFormat(store.mode === 'en' ? 'en' : 'zh-CN').format(v);
  return h('div', { class: 'totals' },
    h('p', { class: 'eyebrow' }, say('thisYear', { year: today().slice(0, 4) })),
    h('p', { 'data-total': 'activities' }, h('b', {}, n(s.activitiesHeld)), h('span', {}, say('activitiesHeld'))),
    h('p', { 'data-total': 'people' }, h('b', {}, n(s.peopleServed)), h('span', {}, say('peopleServed'))));
}

customElements.define('pm-attract-loop', AttractLoop);
