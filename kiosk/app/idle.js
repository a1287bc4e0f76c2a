// <pm-idle>: after the kiosk's idleSeconds without a touch, a short countdown; then the screen
// goes back to Home with default settings and the attract loop starts. A touch at any time
// cancels the countdown. Nothing a visitor did stays on screen for the next one.

import { h, listeners, replace } from '../shared/dom.js';
import { store } from './store.js';
import { say } from './text.js';

class Idle extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.last = Date.now();
    this.left = null;
    const touched = () => this.touched();
    for (const type of ['pointerdown', 'keydown', 'wheel']) this.on.add(document, type, touched, { capture: true, passive: true });
    this.timer = setInterval(() => this.check(), 250);
    this.setAttribute('hidden', '');
  }

  disconnectedCallback() {
    this.on.clear();
    clearInterval(this.timer);
  }

  touched() {
    this.last = Date.now();
    if (this.left !== null) this.cancel();
  }

  check() {
    const config = store.config;
    if (!config || store.attract) return;
    const idleMs = Date.now() - this.last;
    const countdownMs = config.countdownSeconds * 1000;
    if (idleMs < config.idleSeconds * 1000) return;
    const left = Math.ceil((config.idleSeconds * 1000 + countdownMs - idleMs) / 1000);
    if (left <= 0) return this.finish();
    if (left !== this.left) this.show(left);
    return undefined;
  }

  show(left) {
    this.left = left;
    this.removeAttribute('hidden');
    replace(
      this,
      h('div', { class: 'k-countdown', role: 'alertdialog', 'aria-live': 'assertive', 'aria-label': say('countdown', { n: left }) },
        h('p', { class: 'count' }, String(left)),
        h('p', {}, say('countdown', { n: left })),
        h('button', { type: 'button', class: 'k-button' }, say('stay'))),
    );
  }

  cancel() {
    this.left = null;
    this.setAttribute('hidden', '');
    replace(this);
  }

  finish() {
    this.cancel();
    store.reset();
    store.showAttract(true);
  }
}

customElements.define('pm-idle', Idle);
