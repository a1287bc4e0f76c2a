// <pm-checkin-page>: staff check-in at /staff/checkin?activity={id}. The staff token comes from
// the field on the page (or a setup link's #token=…, taken out of the address at once) and stays
// on this device. Type the code or scan it; the answer is one big green, amber or red panel.

import '../shared/lang-switch.js';
import './scanner.js';
import { canScan } from './scanner.js';
import { h, listeners, replace } from '../shared/dom.js';
import { ApiError, graphql, NetworkError } from '../shared/graphql.js';
import { language } from '../shared/i18n.js';
import { groupCode } from '../shared/phone.js';
import { formatWhen } from '../shared/time.js';

// The queries are files the server registers, sent by their hash (see ../shared/persisted.js).
const ACTIVITY = new URL('./queries/activity.graphql', import.meta.url);
const CHECK_IN = new URL('./queries/check-in.graphql', import.meta.url);

const TOKEN = 'pm.staffToken';
const TONES = { CHECKED_IN: 'ok', ALREADY_CHECKED_IN: 'again' };

class CheckInPage extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.token = takeTokenFromAddress() || load(TOKEN);
    this.activityId = new URLSearchParams(location.search).get('activity');
    this.answer = null;
    this.recent = [];
    this.on.add(this, 'submit', (e) => this.submit(e));
    this.on.add(this, 'click', (e) => this.click(e));
    this.on.add(this, 'scan', (e) => this.scanned(e.detail.text));
    this.on.add(language, 'change', () => this.loadActivity());
    this.loadActivity();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  async loadActivity() {
    this.activity = null;
    this.activityError = null;
    if (this.activityId) {
      try {
        const { activity } = await graphql(ACTIVITY, { id: this.activityId, lang: language.apiLang });
        this.activity = activity;
      } catch (e) {
        this.activityError = language.t(e instanceof NetworkError ? 'errNetwork' : 'errActivity');
      }
    }
    this.render();
  }

  submit(e) {
    e.preventDefault();
    const form = e.target;
    if (form.name === 'token') {
      this.token = form.elements.token.value.trim();
      save(TOKEN, this.token);
      this.render();
    } else if (form.name === 'activity') {
      this.chooseActivity(form.elements.activity.value);
    } else if (form.name === 'code') {
      this.checkIn(form.elements.code.value);
    }
  }

  click(e) {
    const action = e.target.closest('[data-action]')?.dataset.action;
    if (action === 'change-token') {
      this.token = null;
      save(TOKEN, null);
      this.render();
    } else if (action === 'change-activity') {
      this.setActivity(null);
    } else if (action === 'scan') {
      this.toggleScanner();
    }
  }

  /** Takes an activity ID, or the booking link of its QR code (/b/{id}). */
  chooseActivity(text) {
    const value = String(text || '').trim();
    const fromLink = /\/b\/([^/?#]+)/.exec(value);
    this.setActivity(fromLink ? decodeURIComponent(fromLink[1]) : value || null);
  }

  setActivity(id) {
    this.activityId = id;
    const url = new URL(location.href);
    if (id) url.searchParams.set('activity', id);
    else url.searchParams.delete('activity');
    history.replaceState(null, '', url);
    this.answer = null;
    this.loadActivity();
  }

  scanned(text) {
    if (!this.activity) this.chooseActivity(text);
    else this.checkIn(text);
  }

  async checkIn(text) {
    const code = String(text || '').trim();
    if (!code || this.busy) return;
    this.busy = true;
    try {
      const { checkIn } = await graphql(
        CHECK_IN, { a: this.activity.id, code, lang: language.apiLang }, { token: this.token });
      this.answer = { tone: TONES[checkIn.outcome] || 'no', result: checkIn };
      this.recent = [{ code: checkIn.booking?.code || code, result: checkIn }, ...this.recent].slice(0, 5);
    } catch (e) {
      this.answer = { tone: 'no', error: this.errorText(e) };
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') this.tokenError = this.answer.error;
    } finally {
      this.busy = false;
    }
    this.render();
  }

  errorText(e) {
    if (e instanceof NetworkError) return language.t('errNetwork');
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') return language.t('errToken');
    if (e instanceof ApiError && e.code === 'FORBIDDEN') return language.t('errForbidden');
    if (e instanceof ApiError && e.code === 'NOT_FOUND') return language.t('errActivity');
    return e.message;
  }

  async toggleScanner() {
    if (this.scanner) {
      this.scanner.remove();
      this.scanner = null;
      this.render();
      return;
    }
    this.scanner = h('pm-qr-scanner');
    this.render();
    try {
      await this.scanner.start();
    } catch (e) {
      this.scanner?.remove();
      this.scanner = null;
      this.answer = { tone: 'no', error: language.t('scanDenied') };
      this.render();
    }
  }

  /**
   * Re-renders everything but the scanner, which keeps its own slot: moving it in the DOM would
   * disconnect it and turn the camera off between two tickets.
   */
  render() {
    const t = (key, params) => language.t(key, params);
    if (!this.main) {
      this.brand = h('span', { class: 'brand' });
      this.top = h('div');
      this.scannerSlot = h('div');
      this.bottom = h('div');
      this.main = h('main', {}, this.top, this.scannerSlot, this.bottom);
      replace(this, h('header', { class: 'bar' }, this.brand, h('pm-lang-switch')), this.main);
    }
    this.brand.textContent = t('staffTitle');
    if (!this.token) {
      replace(this.top, this.tokenForm(t));
      replace(this.bottom);
    } else if (!this.activity) {
      replace(this.top, this.activityForm(t));
      replace(this.bottom, this.tokenLink(t));
    } else {
      replace(this.top, this.desk(t));
      replace(this.bottom, this.recentList(), this.tokenLink(t));
    }
    if (this.scanner && this.scanner.parentNode !== this.scannerSlot) this.scannerSlot.append(this.scanner);
    if (!this.scanner) {
      this.querySelector('input[name="code"], input[name="activity"], input[name="token"]')?.focus();
    }
  }

  tokenForm(t) {
    return h('form', { class: 'card', name: 'token' },
      h('label', { class: 'title', for: 'token' }, t('token')),
      this.tokenError ? h('p', { class: 'notice error', role: 'alert' }, this.tokenError) : null,
      h('div', { class: 'row' },
        h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true }),
        h('button', { class: 'button', type: 'submit' }, t('tokenSave'))));
  }

  activityForm(t) {
    return h('form', { class: 'card', name: 'activity' },
      h('label', { class: 'title', for: 'activity' }, t('activityId')),
      this.activityError ? h('p', { class: 'notice error', role: 'alert' }, this.activityError) : null,
      h('div', { class: 'row' },
        h('input', { id: 'activity', name: 'activity', class: 'plain', autocomplete: 'off', value: this.activityId || '' }),
        h('button', { class: 'button', type: 'submit' }, t('activitySet'))),
      this.scanButton(t));
  }

  desk(t) {
    const a = this.activity;
    return [
      h('div', { class: 'card' },
        h('p', { class: 'doing' }, a.title,
          h('small', {}, `${formatWhen(a.startsAt, a.endsAt, language.lang)} · ${a.point.name}`)),
        h('button', { class: 'link', type: 'button', 'data-action': 'change-activity' }, t('activityChange'))),
      this.answerPanel(t),
      h('form', { class: 'card', name: 'code' },
        h('label', { class: 'title', for: 'code' }, t('codeLabel')),
        h('div', { class: 'row' },
          h('input', { id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters',
            spellcheck: 'false', placeholder: t('codePlaceholder'), maxlength: 200 }),
          h('button', { class: 'button', type: 'submit' }, t('checkIn'))),
        this.scanButton(t)),
    ];
  }

  scanButton(t) {
    if (!canScan()) return h('p', { class: 'hint' }, t('scanUnsupported'));
    return h('div', { class: 'buttons' },
      h('button', { class: 'button secondary', type: 'button', 'data-action': 'scan' },
        this.scanner ? t('scanStop') : t('scan')));
  }

  recentList() {
    if (!this.recent.length) return null;
    return h('div', { class: 'card' }, h('ul', { class: 'recent' },
      this.recent.map((r) => h('li', {}, h('span', { class: 'mono' }, groupCode(r.code)), h('span', {}, r.result.message)))));
  }

  tokenLink(t) {
    return h('button', { class: 'link', type: 'button', 'data-action': 'change-token' }, t('tokenChange'));
  }

  answerPanel(t) {
    const answer = this.answer;
    if (!answer) return h('p', { class: 'answer', 'data-tone': 'idle', role: 'status' }, h('span', { class: 'big' }, '—'));
    if (answer.error) {
      return h('p', { class: 'answer', 'data-tone': 'no', role: 'alert' }, h('span', { class: 'big' }, answer.error));
    }
    const r = answer.result;
    const b = r.booking;
    const details = [];
    if (b && r.admitted) details.push(`${t('partyPeople', { n: b.partySize })} · ${b.name}`);
    // Outside the door's hours (2 h before the start to the end) the message says when it opens or
    // when the activity ended; an early ticket is still good, so say so.
    if (b && r.outcome === 'NOT_OPEN_YET') details.push(t('validLater'));
    if (b && r.outcome === 'OTHER_ACTIVITY') {
      details.push(`${b.activity.title} · ${formatWhen(b.activity.startsAt, b.activity.endsAt, language.lang)}`);
    }
    return h('p', { class: 'answer', 'data-tone': answer.tone, 'data-outcome': r.outcome, role: 'status' },
      h('span', { class: 'big' }, r.message),
      details.map((d) => h('span', { class: 'detail' }, d)));
  }
}

/** A setup link may carry the token in its fragment (never sent to a server): keep it, hide it. */
function takeTokenFromAddress() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return null;
  const token = decodeURIComponent(match[1]);
  save(TOKEN, token);
  history.replaceState(null, '', location.pathname + location.search);
  return token;
}

function load(key) {
  try {
    return localStorage.getItem(key);
  } catch (e) {
    return null;
  }
}

function save(key, value) {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch (e) {
    // No storage: the token lasts as long as the page.
  }
}

customElements.define('pm-checkin-page', CheckInPage);
