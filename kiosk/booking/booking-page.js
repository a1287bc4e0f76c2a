// <pm-booking-page>: the phone booking page at /b/{activityId}[?k={kioskId}] and the ticket page
// at /t/{code}. It holds the state (the one store), talks to the API, and hands data down to the
// activity card, the form and the ticket, which answer with events.

import '../shared/lang-switch.js';
import './activity-card.js';
import './booking-form.js';
import './ticket.js';
import { h, listeners, replace } from '../shared/dom.js';
import { ApiError, graphql, newKey, NetworkError } from '../shared/graphql.js';
import { language } from '../shared/i18n.js';
import { watchBooking, watchSeats } from './live-seats.js';

// The queries are files the server registers, sent by their hash (see ../shared/persisted.js).
const ACTIVITY = new URL('./queries/activity.graphql', import.meta.url);
const BOOKING = new URL('./queries/booking.graphql', import.meta.url);
const BOOK = new URL('./queries/book.graphql', import.meta.url);
const CANCEL = new URL('./queries/cancel.graphql', import.meta.url);

const KIOSK_ID = /^[a-z0-9-]{1,40}$/;
const TICKETS = 'pm.tickets';

class BookingPage extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    const path = location.pathname.split('/').filter(Boolean);
    this.activityId = path[0] === 'b' ? decodeURIComponent(path[1] || '') : null;
    this.code = path[0] === 't' ? decodeURIComponent(path[1] || '') : null;
    const kiosk = new URLSearchParams(location.search).get('k');
    this.source = kiosk && KIOSK_ID.test(kiosk) ? `kiosk:${kiosk}` : 'web';
    this.key = newKey();
    this.on.add(this, 'book', (e) => this.book(e.detail));
    this.on.add(this, 'cancel', () => this.cancel());
    this.on.add(this, 'book-again', () => this.bookAgain());
    this.on.add(language, 'change', () => this.load());
    this.skeleton();
    this.load();
  }

  disconnectedCallback() {
    this.on.clear();
    this.stopWatching();
  }

  skeleton() {
    this.card = h('pm-activity-card');
    this.body = h('div', { class: 'body' });
    replace(
      this,
      h('header', { class: 'bar' }, h('span', { class: 'brand' }, language.t('appName')), h('pm-lang-switch')),
      h('main', {}, this.card, this.body),
    );
  }

  async load() {
    this.querySelector('.brand').textContent = language.t('appName');
    try {
      if (!this.code) this.code = this.savedCode();
      if (this.code) {
        const { booking } = await graphql(BOOKING, { code: this.code, lang: language.apiLang });
        this.activity = booking.activity;
        this.activityId = booking.activity.id;
        this.booking = booking;
      } else {
        const { activity } = await graphql(ACTIVITY, { id: this.activityId, lang: language.apiLang });
        this.activity = activity;
      }
      this.show();
    } catch (e) {
      this.failLoad(e);
    }
  }

  failLoad(e) {
    if (this.code && e instanceof ApiError && e.code === 'NOT_FOUND' && this.activityId) {
      // A ticket remembered on this phone that no longer exists: start afresh.
      this.forget();
      this.code = null;
      this.load();
      return;
    }
    const key = e instanceof NetworkError ? 'errNetwork' : this.code ? 'ticketNotFound' : 'activityNotFound';
    replace(this.body, h('p', { class: 'notice error', role: 'alert' }, language.t(key)));
  }

  /** Shows the ticket when there is one, else the form when the activity can be booked. */
  show() {
    this.card.activity = this.activity;
    this.stopWatching();
    if (this.booking) {
      const ticket = h('pm-ticket');
      replace(this.body, ticket);
      ticket.booking = this.booking;
      ticket.bookable = this.activity.bookable;
      if (this.booking.status === 'WAITLISTED') {
        this.bookingWatch = watchBooking(this.booking.code, (b) => this.bookingChanged(b));
      }
    } else if (this.activity.bookable) {
      this.form = this.form || h('pm-booking-form');
      this.form.maxParty = this.activity.capacity;
      replace(this.body, this.form);
      this.form.waitlist = this.activity.seatsLeft === 0 && this.activity.hasWaitlist;
    } else {
      replace(this.body);
    }
    this.seatsWatch = watchSeats(this.activity.id, (seats) => this.seatsChanged(seats), this.activity.version);
  }

  stopWatching() {
    this.seatsWatch?.stop();
    this.bookingWatch?.stop();
    this.seatsWatch = this.bookingWatch = null;
  }

  seatsChanged(seats) {
    const wasBookable = this.activity.bookable;
    this.activity = { ...this.activity, ...seats };
    this.card.activity = this.activity;
    if (this.form) this.form.waitlist = seats.seatsLeft === 0 && this.activity.hasWaitlist;
    if (wasBookable !== seats.bookable && !this.booking) this.show();
    // Seats that moved may have moved this booking up the waiting list, or into a seat.
    this.bookingWatch?.refresh();
  }

  bookingChanged(b) {
    if (b.status === this.booking.status && b.position === this.booking.position) return;
    this.booking = { ...this.booking, ...b };
    this.show();
  }

  async book({ name, phone, partySize }) {
    this.form.busy(true);
    const input = { activityId: this.activity.id, name, phone, partySize, idempotencyKey: this.key, source: this.source };
    try {
      const { bookActivity } = await graphql(BOOK, { input });
      this.booking = bookActivity.booking;
      this.activity = { ...this.activity, ...bookActivity.activity };
      this.remember(this.booking.code);
      this.key = newKey();
      this.form = null;
      this.show();
      window.scrollTo(0, 0);
    } catch (e) {
      this.form.busy(false);
      this.form.showErrors(bookingErrors(e));
      if (e instanceof ApiError && e.reason === 'IDEMPOTENCY_KEY_REUSED') this.key = newKey();
    }
  }

  async cancel() {
    const ticket = this.querySelector('pm-ticket');
    ticket.busy(true);
    try {
      const { cancelBooking } = await graphql(CANCEL, { code: this.booking.code });
      this.booking = cancelBooking.booking;
      this.activity = { ...this.activity, ...cancelBooking.activity };
      this.show();
      window.scrollTo(0, 0);
    } catch (e) {
      ticket.busy(false);
      ticket.prepend(h('p', { class: 'notice error', role: 'alert' }, e.message));
    }
  }

  bookAgain() {
    this.forget();
    this.booking = null;
    this.code = null;
    if (this.activityId && location.pathname.startsWith('/t/')) {
      history.replaceState(null, '', `/b/${encodeURIComponent(this.activityId)}`);
    }
    this.show();
  }

  savedCode() {
    return this.activityId ? readTickets()[this.activityId] || null : null;
  }

  remember(code) {
    writeTickets({ ...readTickets(), [this.activity.id]: code });
  }

  forget() {
    const tickets = readTickets();
    delete tickets[this.activityId];
    writeTickets(tickets);
  }
}

/** The API's refusal, as messages beside the fields they concern. */
function bookingErrors(e) {
  const t = (key, params) => language.t(key, params);
  if (e instanceof NetworkError) return { form: t('errNetwork') };
  if (!(e instanceof ApiError)) return { form: t('errGeneric') };
  if (e.code === 'RATE_LIMITED') {
    return { form: t('errRateLimited', { n: Math.ceil((e.extensions.retryAfterSeconds || 60) / 60) }) };
  }
  switch (e.reason || e.field) {
    case 'input.name': return { name: t('errName') };
    case 'input.phone': return { phone: t('errPhone') };
    case 'input.partySize': return { partySize: t('errParty') };
    case 'NOT_ENOUGH_SEATS': return { partySize: t('errNotEnough', { n: e.extensions.seatsLeft }) };
    case 'PARTY_TOO_LARGE': return { partySize: t('errTooLarge', { n: e.extensions.capacity }) };
    case 'FULLY_BOOKED': return { form: t('errFull') };
    case 'ALREADY_BOOKED': return { phone: t('errAlreadyBooked') };
    case 'ACTIVITY_CANCELLED': return { form: t('activityCancelled') };
    case 'ACTIVITY_ENDED': return { form: t('activityEnded') };
    case 'OPEN_EVENT': return { form: t('openEvent') };
    case 'IDEMPOTENCY_KEY_REUSED': return { form: t('errNetwork') };
    default: return { form: e.code === 'INTERNAL' ? t('errGeneric') : e.message };
  }
}

function readTickets() {
  try {
    return JSON.parse(localStorage.getItem(TICKETS) || '{}');
  } catch (e) {
    return {};
  }
}

function writeTickets(tickets) {
  try {
    localStorage.setItem(TICKETS, JSON.stringify(tickets));
  } catch (e) {
    // Private mode: the ticket stays on screen and in the calendar file.
  }
}

customElements.define('pm-booking-page', BookingPage);
