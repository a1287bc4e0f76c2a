// <pm-ticket>: the booking after it is made: status, the ticket code big with its QR code, who
// it is for, add-to-calendar, and cancel (asked twice). Fires 'cancel' and 'book-again'.

import { h, listeners, replace } from '../shared/dom.js';
import { language } from '../shared/i18n.js';
import { groupCode } from '../shared/phone.js';

class Ticket extends HTMLElement {
  set booking(booking) {
    this.data = booking;
    this.asking = false;
    this.render();
  }

  /** Whether the activity can still be booked (offers "book again" after a cancellation). */
  set bookable(value) {
    this.canBookAgain = value;
    this.render();
  }

  connectedCallback() {
    this.on = listeners();
    this.classList.add('card');
    this.on.add(language, 'change', () => this.render());
    this.on.add(this, 'click', (e) => this.click(e));
    this.render();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  busy(isBusy) {
    this.isBusy = isBusy;
    this.render();
  }

  click(e) {
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (!action || this.isBusy) return;
    if (action === 'ask-cancel') this.asking = true;
    if (action === 'keep') this.asking = false;
    if (action === 'cancel') this.dispatchEvent(new CustomEvent('cancel', { bubbles: true }));
    if (action === 'book-again') this.dispatchEvent(new CustomEvent('book-again', { bubbles: true }));
    this.render();
    if (action === 'ask-cancel') this.querySelector('.confirm-cancel')?.scrollIntoView({ block: 'nearest' });
  }

  render() {
    const b = this.data;
    if (!b || !this.isConnected) return;
    const t = (key, params) => language.t(key, params);
    this.dataset.status = b.status;
    const active = b.status === 'CONFIRMED' || b.status === 'WAITLISTED';
    replace(
      this,
      h('p', { class: 'status', 'data-status': b.status, role: 'status' }, statusText(b, t)),
      b.status === 'WAITLISTED' ? h('p', { class: 'notice' }, t('waitlistedNote')) : null,
      h('p', { class: 'code-label' }, t('ticketCode')),
      h('p', { class: 'code', 'data-code': b.code }, groupCode(b.code)),
      h('img', { class: 'qr', src: `/qr/ticket/${encodeURIComponent(b.code)}.svg`, alt: t('qrAlt'), width: 220, height: 220 }),
      active ? h('p', { class: 'hint' }, t('showAtDoor')) : null,
      h('dl', { class: 'holder' },
        h('dt', {}, t('name')), h('dd', {}, b.name),
        h('dt', {}, t('phone')), h('dd', {}, b.phone),
        h('dt', {}, t('party')), h('dd', {}, t('partyOf', { n: b.partySize }))),
      this.actions(b, active, t),
    );
  }

  actions(b, active, t) {
    if (!active) {
      return b.status === 'CANCELLED' && this.canBookAgain
        ? h('div', { class: 'buttons' }, h('button', { class: 'button', type: 'button', 'data-action': 'book-again' }, t('bookAgain')))
        : null;
    }
    const calendar = h('a', {
      class: 'button secondary', href: `/ics/booking/${encodeURIComponent(b.code)}.ics?lang=${language.lang}`,
      'data-action': 'calendar', download: `practice-map-${b.code}.ics`,
    }, t('addToCalendar'));
    if (this.asking) {
      return h('div', { class: 'confirm-cancel notice', role: 'alertdialog', 'aria-label': t('cancel') },
        h('p', {}, t('cancelAsk')),
        h('div', { class: 'buttons two' },
          h('button', { class: 'button', type: 'button', 'data-action': 'cancel', disabled: this.isBusy },
            this.isBusy ? t('cancelling') : t('cancelYes')),
          h('button', { class: 'button quiet', type: 'button', 'data-action': 'keep', disabled: this.isBusy }, t('cancelNo'))));
    }
    return h('div', { class: 'buttons' }, calendar,
      h('button', { class: 'button quiet', type: 'button', 'data-action': 'ask-cancel' }, t('cancel')));
  }
}

function statusText(b, t) {
  switch (b.status) {
    case 'CONFIRMED': return t('confirmed');
    case 'WAITLISTED': return t('waitlisted', { n: b.position ?? '…' });
    case 'CANCELLED': return t('cancelled');
    case 'CHECKED_IN': return t('checkedIn');
    default: return t('noShow');
  }
}

customElements.define('pm-ticket', Ticket);
