// <pm-activity-screen>: one activity: what, when, where, seats left (live, over activityChanged),
// and a large QR code of the phone booking page with this kiosk's id; a clear fully-booked state.

import { h, listeners, replace } from '../../shared/dom.js';
import { fillActivities } from '../../app/activity-row.js';
import { when } from '../../app/format.js';
import { homeVariables } from '../home/home-screen.js';
import { store } from '../../app/store.js';
import { data, label, say } from '../../app/text.js';

const ACTIVITY = new URL('./queries/activity.graphql', import.meta.url);
const LIVE = new URL('./queries/live-activity.graphql', import.meta.url);
const HOME = new URL('../home/queries/home.graphql', import.meta.url);

class ActivityScreen extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.className = 'screen activity';
    this.id_ = this.params.id;
    this.on.add(store, 'refresh', () => this.load());
    this.on.add(store, 'seats', (e) => {
      if (e.detail === this.id_ && this.activity) this.render();
    });
    this.stopLive = store.live?.subscribe(LIVE, { id: this.id_ }, (d) => {
      const e = d.activityChanged;
      if (e.kind === 'RESYNC') this.load();
      else store.updateSeats(e.activity);
    });
    this.load();
  }

  disconnectedCallback() {
    this.on.clear();
    this.stopLive?.();
  }

  async load() {
    let activity;
    try {
      activity = (await store.load(`activity:${this.id_}`, ACTIVITY, { id: this.id_, lang: store.apiLang })).activity;
    } catch (e) {
      return;
    }
    if (!this.isConnected || !activity) return;
    this.activity = activity;
    store.updateSeats(activity);
    this.render();
  }

  render() {
    const a = { ...this.activity, ...(store.seats.get(this.id_) || {}) };
    replace(
      this,
      h('header', { class: 'act-head', style: `--theme: ${a.theme?.color || '#8a8a8a'}` },
        h('button', { type: 'button', class: 'k-back', 'data-back': '' }, `‹ ${say('back')}`),
        a.theme ? h('p', { class: 'eyebrow' }, a.theme.name) : null,
        data(a.title, a.titleMn, 'h2', { class: 'act-title' })),
      h('div', { class: 'act-body' },
        h('section', { class: 'act-facts' },
          h('dl', {},
            label('when', {}, 'dt'), h('dd', {}, when(a)),
            label('where', {}, 'dt'), h('dd', {}, a.point.name, a.point.address ? h('span', { class: 'address' }, a.point.address) : null)),
          a.description ? h('p', { class: 'act-text' }, a.description) : null),
        this.bookingBox(a)),
    );
    if (a.capacity != null && a.seatsLeft === 0 && !a.hasWaitlist) this.alternatives();
  }

  /** Fully booked: three activities nearby that still have seats. */
  async alternatives() {
    let home;
    try {
      home = await store.load('home', HOME, homeVariables());
    } catch (e) {
      return;
    }
    const box = this.querySelector('[data-full]');
    if (!box || !this.isConnected) return;
    const items = home.nearbyActivities.edges
      .filter((e) => e.node.id !== this.id_ && e.node.bookable && (store.seats.get(e.node.id)?.seatsLeft ?? e.node.seatsLeft) > 0)
      .slice(0, 3)
      .map((e) => ({ activity: e.node, distanceMeters: e.distanceMeters }));
    if (!items.length) return;
    const rows = h('div', { class: 'rows alternatives' });
    box.append(rows);
    fillActivities(rows, items);
  }

  /** The QR code while seats (or the waiting list) are open; otherwise a plain, clear state. */
  bookingBox(a) {
    if (a.status === 'CANCELLED') return state('cancelled', a.cancelReason, 'off');
    if (a.status === 'FINISHED') return state('finished', null, 'off');
    if (a.capacity == null) return state('noBooking', null, 'open');
    const full = a.seatsLeft === 0;
    if (full && !a.hasWaitlist) return state('fullyBooked', say('fullyBookedNote'), 'full', 'data-full');
    const src = `/qr/activity/${encodeURIComponent(a.id)}.svg?kiosk=${encodeURIComponent(store.config.id)}`;
    return h('section', { class: `act-book${full ? ' is-full' : ''}` },
      h('p', { class: 'seats-big', 'data-seats': String(a.seatsLeft) }, full ? say('seatsFullWaitlist') : say('seatsLeft', { n: a.seatsLeft })),
      h('div', { class: 'qr-frame' }, h('img', { class: 'qr', src, alt: say(full ? 'scanToWaitlist' : 'scanToBook'), width: 520, height: 520 })),
      h('p', { class: 'qr-caption' }, say(full ? 'scanToWaitlist' : 'scanToBook')));
  }
}

function state(key, note, tone, flag) {
  return h('section', { class: `act-state tone-${tone}`, role: 'status', [flag || 'data-state']: key }, h('p', { class: 'state-big' }, say(key)), note ? h('p', {}, note) : null);
}

customElements.define('pm-activity-screen', ActivityScreen);
