// <pm-booking-form>: name, mobile number and party size, checked as the server checks them, with
// each message beside its field. Fires 'book' with { name, phone, partySize }; the page answers
// through showErrors() and busy(). `maxParty` (set before it is shown) offers no party larger than
// the activity holds: the server refuses those (PARTY_TOO_LARGE) rather than waitlist them forever.

import { h, listeners, replace } from '../shared/dom.js';
import { language } from '../shared/i18n.js';
import { normalizePhone } from '../shared/phone.js';

const MAX_PARTY = 4;

class BookingForm extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.values = this.values || { name: '', phone: '', partySize: 1 };
    this.errors = {};
    this.render();
    this.on.add(this, 'submit', (e) => this.submit(e));
    this.on.add(this, 'input', (e) => this.remember(e));
    this.on.add(language, 'change', () => this.render());
  }

  disconnectedCallback() {
    this.on.clear();
  }

  /** Whether the activity is full: the button then says it joins the waiting list. */
  set waitlist(value) {
    this.full = value;
    const button = this.querySelector('button[type="submit"]');
    if (button && !this.isBusy) button.textContent = this.buttonText();
  }

  busy(isBusy) {
    this.isBusy = isBusy;
    const button = this.querySelector('button[type="submit"]');
    button.disabled = isBusy;
    button.textContent = isBusy ? language.t('submitting') : this.buttonText();
  }

  /** Shows messages: { name, phone, partySize, form } (any of them). */
  showErrors(errors) {
    this.errors = errors;
    this.render();
    const first = ['name', 'phone', 'partySize'].find((f) => errors[f]);
    if (first) this.querySelector(`[name="${first}"]`)?.focus();
  }

  buttonText() {
    return language.t(this.full ? 'submitWaitlist' : 'submit');
  }

  remember(e) {
    const { name, value } = e.target;
    if (name === 'partySize') this.values.partySize = Number(value);
    else if (name in this.values) this.values[name] = value;
    if (this.errors[name]) {
      delete this.errors[name];
      this.querySelector(`#${name}-error`)?.remove();
      e.target.removeAttribute('aria-invalid');
    }
  }

  submit(e) {
    e.preventDefault();
    if (this.isBusy) return;
    const errors = {};
    const name = this.values.name.trim();
    if (!name || [...name].length > 40) errors.name = language.t('errName');
    const phone = normalizePhone(this.values.phone);
    if (!phone) errors.phone = language.t('errPhone');
    if (Object.keys(errors).length) {
      this.showErrors(errors);
      return;
    }
    this.dispatchEvent(
      new CustomEvent('book', { bubbles: true, detail: { name, phone, partySize: this.values.partySize } }),
    );
  }

  render() {
    const t = (key, params) => language.t(key, params);
    const v = this.values;
    const e = this.errors;
    const most = Math.max(1, Math.min(MAX_PARTY, this.maxParty || MAX_PARTY));
    if (v.partySize > most) v.partySize = most;
    const form = h(
      'form',
      { class: 'card', novalidate: true },
      h('h2', {}, t('formTitle')),
      field('name', t('name'), e.name,
        h('input', { id: 'name', name: 'name', type: 'text', autocomplete: 'name', maxlength: 40,
          placeholder: t('namePlaceholder'), value: v.name, 'aria-invalid': e.name ? 'true' : null,
          'aria-describedby': e.name ? 'name-error' : null })),
      field('phone', t('phone'), e.phone,
        h('input', { id: 'phone', name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel',
          maxlength: 20, placeholder: t('phonePlaceholder'), value: v.phone,
          'aria-invalid': e.phone ? 'true' : null, 'aria-describedby': e.phone ? 'phone-error' : null })),
      h('fieldset', {},
        h('legend', {}, t('party')),
        h('div', { class: 'party' },
          Array.from({ length: most }, (_, i) => i + 1).flatMap((n) => [
            h('input', { type: 'radio', name: 'partySize', id: `party-${n}`, value: n, checked: v.partySize === n }),
            h('label', { for: `party-${n}` }, t('partyN', { n })),
          ])),
        e.partySize ? h('p', { class: 'field-error', id: 'partySize-error', role: 'alert' }, e.partySize) : null),
      e.form ? h('p', { class: 'notice error form-error', role: 'alert' }, e.form) : null,
      h('div', { class: 'buttons' }, h('button', { class: 'button', type: 'submit' }, this.buttonText())),
      h('p', { class: 'privacy' }, t('privacy')),
    );
    replace(this, form);
  }
}

function field(name, label, error, input) {
  return [
    h('label', { for: name }, label),
    input,
    error ? h('p', { class: 'field-error', id: `${name}-error`, role: 'alert' }, error) : null,
  ];
}

customElements.define('pm-booking-form', BookingForm);
