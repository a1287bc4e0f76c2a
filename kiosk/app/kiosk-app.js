// <pm-kiosk>: the kiosk's frame. It loads the configuration, opens the live socket, shows one
// screen at a time between the header and the navigation, the offline banner over the last data,
// and the idle countdown and attract loop. A JavaScript error anywhere brings it back to Home.

import '../screens/home/home-screen.js';
import '../screens/map/map-screen.js';
import '../screens/themes/themes-screen.js';
import '../screens/activity/activity-screen.js';
import '../screens/routes/routes-screen.js';
import '../screens/attract/attract-loop.js';
import './idle.js';
import './settings-bar.js';
import { h, listeners, replace } from '../shared/dom.js';
import { LiveSocket } from '../shared/live-socket.js';
import { loadConfig, startHeartbeat, startupParams, takeToken } from './config.js';
import { clock } from './format.js';
import { store } from './store.js';
import { label, say } from './text.js';

const SCREENS = { home: 'pm-home-screen', map: 'pm-map-screen', themes: 'pm-themes-screen', activity: 'pm-activity-screen', routes: 'pm-routes-screen' };
const TABS = ['home', 'map', 'themes', 'routes'];
const KIOSK_UPDATED = new URL('./queries/kiosk-updated.graphql', import.meta.url);

class KioskApp extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.errors = [];
    this.on.add(window, 'error', (e) => this.recover(e.error || e.message));
    this.on.add(window, 'unhandledrejection', (e) => this.recover(e.reason));
    this.on.add(store, 'screen', () => this.showScreen());
    this.on.add(store, 'settings', () => this.applySettings());
    this.on.add(store, 'config', () => this.applySettings());
    this.on.add(store, 'online', () => this.showOnline());
    this.on.add(this, 'click', (e) => this.click(e));
    this.start();
  }

  disconnectedCallback() {
    this.on.clear();
    clearInterval(this.clockTimer);
    clearTimeout(this.retryTimer);
    this.stopHeartbeat?.();
    this.stopKioskUpdates?.();
    store.live?.close();
  }

  async start() {
    // The page itself survives an outage too (a secure context only: https, or localhost).
    navigator.serviceWorker?.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => {});
    const params = startupParams();
    store.token = takeToken();
    let config;
    try {
      config = await loadConfig(params);
    } catch (e) {
      // No network and nothing remembered: say so calmly and try again soon.
      replace(this, h('p', { class: 'k-boot' }, say('appName'), h('br'), '…'));
      this.retryTimer = setTimeout(() => this.start(), 5000);
      return;
    }
    if (!config) {
      replace(this, h('p', { class: 'k-boot', role: 'alert' }, say('notRegistered', { id: params.id })));
      return;
    }
    store.setConfig(config);
    store.mode = config.defaultMode;
    const [first, id] = (params.screen || '').split(':');
    if (SCREENS[first]) store.screen = { name: first, ...(id ? { id } : {}) };
    this.skeleton();
    this.openLive();
    this.stopHeartbeat = startHeartbeat((kiosk) => this.heard(kiosk), params.heartbeat);
    this.applySettings();
    this.showScreen();
    this.tick();
    this.clockTimer = setInterval(() => this.tick(), 15000);
  }

  openLive() {
    store.live = new LiveSocket({ token: store.token });
    this.on.add(store.live, 'close', () => store.offline());
    this.on.add(store.live, 'open', () => store.online());
    // Events sent while the socket was down are lost: every screen loads its data again.
    this.on.add(store.live, 'reconnect', () => store.emit('refresh'));
    // kioskUpdated is public: a screen without a token follows its configuration too.
    this.stopKioskUpdates = store.live.subscribe(KIOSK_UPDATED, { id: store.config.id }, (data) => {
      const event = data.kioskUpdated;
      // The first event (CURRENT) is the configuration as it is: load again only if it moved on.
      if (event.kind === 'CURRENT' && event.kiosk && event.kiosk.version === store.config.version) return;
      this.reloadConfig();
    });
  }

  /**
   * A new version, or a change in what "near this kiosk" means: a mobile point's next deployment
   * began or its point was moved (no version, no kioskUpdated event for those), or the radius.
   */
  heard({ version, location, radiusMeters }) {
    const c = store.config;
    const here = c.location;
    const moved = location && here && (location.lat !== here.lat || location.lng !== here.lng);
    const radius = radiusMeters !== undefined && radiusMeters !== c.radiusMeters;
    if (version !== c.version || moved || radius) this.reloadConfig();
  }

  async reloadConfig() {
    try {
      const config = await loadConfig(startupParams());
      if (config) {
        store.setConfig(config);
        store.emit('refresh');
      }
    } catch (e) {
      // Keep the configuration we have.
    }
  }

  skeleton() {
    this.brand = h('div', { class: 'k-brand' });
    this.place = h('div', { class: 'k-place' });
    this.time = h('time', { class: 'k-clock' });
    this.banner = h('div', { class: 'k-offline', role: 'status', hidden: true });
    this.note = h('p', { class: 'k-note', lang: 'zh-CN' });
    this.main = h('main', { class: 'k-main' });
    this.nav = h('nav', { class: 'k-nav' });
    replace(
      this,
      h('header', { class: 'k-bar' }, this.brand, h('div', { class: 'k-meta' }, this.place, this.time)),
      this.banner,
      this.note,
      this.main,
      h('footer', { class: 'k-foot' }, this.nav, h('pm-settings-bar')),
      h('pm-attract-loop', { hidden: true }),
      h('pm-idle'),
    );
  }

  applySettings() {
    if (!this.main) return;
    const root = document.documentElement;
    root.lang = store.mode === 'en' ? 'en' : store.mode === 'mn' ? 'mn-Mong' : 'zh-CN';
    root.classList.toggle('large-text', store.largeText);
    root.classList.toggle('high-contrast', store.contrast);
    root.dataset.mode = store.mode;
    root.dataset.orientation = (store.config.orientation || 'PORTRAIT').toLowerCase();
    replace(this.brand, label('appName', {}, 'h1'));
    const c = store.config;
    this.place.textContent = store.mode === 'en' && c.nameEn ? c.nameEn : c.name;
    replace(
      this.nav,
      TABS.map((tab) =>
        h('button', { type: 'button', 'data-tab': tab, 'aria-current': this.currentTab() === tab ? 'page' : null }, h('span', { class: `icon icon-${tab}`, 'aria-hidden': 'true' }), say(tab)),
      ),
    );
    // No verified Mongolian for most texts yet: say so, rather than let Chinese pass for it.
    this.note.hidden = store.mode !== 'mn';
    this.note.textContent = say('untranslated');
    this.tick();
    this.showOnline();
    this.showScreen();
  }

  currentTab() {
    const name = store.screen.name;
    return name === 'activity' ? store.screen.from || 'home' : name;
  }

  showScreen() {
    if (!this.main) return;
    const tag = SCREENS[store.screen.name] || SCREENS.home;
    const screen = h(tag);
    screen.params = store.screen;
    replace(this.main, screen);
    this.main.scrollTop = 0;
    for (const button of this.nav.querySelectorAll('button')) {
      button.toggleAttribute('aria-current', button.dataset.tab === this.currentTab());
      if (button.dataset.tab === this.currentTab()) button.setAttribute('aria-current', 'page');
    }
  }

  click(e) {
    const tab = e.target.closest('[data-tab]');
    if (tab) return store.go(tab.dataset.tab);
    const activity = e.target.closest('[data-activity]');
    if (activity) return store.go('activity', { id: activity.dataset.activity, from: this.currentTab() });
    const back = e.target.closest('[data-back]');
    if (back) return store.go(store.screen.from || 'home');
    return undefined;
  }

  tick() {
    if (this.time) this.time.textContent = clock(new Date());
  }

  showOnline() {
    if (!this.banner) return;
    const since = store.offlineSince;
    this.banner.hidden = !since;
    this.banner.textContent = since ? say('offlineSince', { time: clock(since) }) : '';
  }

  /**
   * Never a broken screen: after an error, Home is drawn afresh. Errors that keep coming (more
   * than five a minute) reload the page, which starts from the remembered data.
   */
  recover(error) {
    console.error('kiosk recovered from', error);
    const now = Date.now();
    this.errors = this.errors.filter((t) => now - t < 60000).concat(now);
    if (this.errors.length > 5) {
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => location.reload(), 3000);
      return;
    }
    if (this.main) setTimeout(() => store.go('home'), 0);
  }
}

customElements.define('pm-kiosk', KioskApp);
