// <pm-lang-switch>: 中文 / ᠮᠣᠩᠭᠣᠯ / EN, wired to the shared language store.

import { h, listeners } from './dom.js';
import { LANGS, LANG_NAMES, htmlLang, language } from './i18n.js';

class LangSwitch extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.setAttribute('role', 'group');
    this.setAttribute('aria-label', 'Language / 语言');
    this.replaceChildren(
      ...LANGS.map((lang) =>
        h('button', { type: 'button', 'data-lang': lang, lang: htmlLang(lang) }, LANG_NAMES[lang]),
      ),
    );
    this.on.add(this, 'click', (e) => {
      const button = e.target.closest('button[data-lang]');
      if (button) language.set(button.dataset.lang);
    });
    this.on.add(language, 'change', () => this.mark());
    this.mark();
  }

  disconnectedCallback() {
    this.on.clear();
  }

  mark() {
    for (const button of this.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === language.lang));
    }
  }
}

customElements.define('pm-lang-switch', LangSwitch);
