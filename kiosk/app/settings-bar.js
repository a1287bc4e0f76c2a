// <pm-settings-bar>: language (中文 / ᠮᠣᠩᠭᠣᠯ / EN / Mongolian beside Chinese), large text and high
// contrast. Each is a toggle a visitor finds at the bottom of every screen; idle resets them.

import { h, listeners, replace } from '../shared/dom.js';
import { store } from './store.js';
import { mongol, say } from './text.js';

const MODES = [
  ['zh', () => h('span', { lang: 'zh-CN' }, '中文')],
  ['mn', () => mongol('ᠮᠣᠩᠭᠣᠯ')],
  ['en', () => h('span', { lang: 'en' }, 'EN')],
  ['bi', () => h('span', { class: 'bi' }, mongol('ᠮᠣᠩᠭᠣᠯ'), h('span', { lang: 'zh-CN' }, '汉'))],
];

class SettingsBar extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.on.add(store, 'settings', () => this.render());
    this.on.add(this, 'click', (e) => this.click(e));
    this.render();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  render() {
    const pressed = (on) => String(Boolean(on));
    replace(
      this,
      h(
        'div',
        { class: 'k-langs', role: 'group', 'aria-label': '语言 Language' },
        MODES.map(([mode, text]) =>
          h('button', { type: 'button', 'data-mode': mode, 'aria-pressed': pressed(store.mode === mode), 'aria-label': { mn: 'ᠮᠣᠩᠭᠣᠯ Mongolian', bi: 'ᠮᠣᠩᠭᠣᠯ 汉 bilingual' }[mode] || null }, text()),
        ),
      ),
      h('button', { type: 'button', 'data-toggle': 'largeText', 'aria-pressed': pressed(store.largeText) }, h('span', { class: 'big-a', 'aria-hidden': 'true' }, 'A+'), say('largeText')),
      h('button', { type: 'button', 'data-toggle': 'contrast', 'aria-pressed': pressed(store.contrast) }, h('span', { class: 'half', 'aria-hidden': 'true' }, '◐'), say('contrast')),
    );
  }

  click(e) {
    const mode = e.target.closest('[data-mode]');
    if (mode) store.setSettings({ mode: mode.dataset.mode });
    const toggle = e.target.closest('[data-toggle]');
    if (toggle) store.setSettings({ [toggle.dataset.toggle]: !store[toggle.dataset.toggle] });
  }
}

customElements.define('pm-settings-bar', SettingsBar);
