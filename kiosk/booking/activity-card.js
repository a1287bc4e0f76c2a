// <pm-activity-card>: what, when, where, and the seats left (kept live by the page).

import { h, listeners, replace } from '../shared/dom.js';
import { language } from '../shared/i18n.js';
import { formatWhen } from '../shared/time.js';

class ActivityCard extends HTMLElement {
  set activity(activity) {
    this.data = activity;
    this.render();
  }

  connectedCallback() {
    this.on = listeners();
    this.on.add(language, 'change', () => this.render());
    this.classList.add('card');
    this.render();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  render() {
    const a = this.data;
    if (!a || !this.isConnected) return;
    const t = (key, params) => language.t(key, params);
    replace(
      this,
      h('h1', {}, a.title),
      h(
        'dl',
        {},
        h('dt', {}, t('when')),
        h('dd', { class: 'when' }, formatWhen(a.startsAt, a.endsAt, language.lang)),
        h('dt', {}, t('where')),
        h(
          'dd',
          { class: 'where' },
          a.point.name,
          a.point.address ? h('div', { class: 'address' }, a.point.address) : null,
        ),
      ),
      seatsLine(a, t),
    );
  }
}

/** "12 seats left", "full: join the waiting list", or why it cannot be booked. */
function seatsLine(a, t) {
  if (a.capacity === null) return h('p', { class: 'seats', 'data-state': 'closed' }, t('openEvent'));
  if (a.status === 'CANCELLED') return h('p', { class: 'seats', 'data-state': 'closed' }, t('activityCancelled'));
  if (!a.bookable) return h('p', { class: 'seats', 'data-state': 'closed' }, t('activityEnded'));
  if (a.seatsLeft > 0) return h('p', { class: 'seats', 'data-state': 'ok' }, t('seatsLeft', { n: a.seatsLeft }));
  if (a.hasWaitlist) return h('p', { class: 'seats', 'data-state': 'waitlist' }, t('seatsFullWaitlist'));
  return h('p', { class: 'seats', 'data-state': 'full' }, t('seatsFull'));
}

customElements.define('pm-activity-card', ActivityCard);
