// <pm-qr-scanner>: reads QR codes with the camera through the browser's BarcodeDetector, where
// it has one (Chrome on Android, Safari 17+…). Fires 'scan' with { text } once per code; the same
// code is not reported again for three seconds, so a ticket held still is one check-in.

import { h, listeners, replace } from '../shared/dom.js';
import { language } from '../shared/i18n.js';

const FRAME_MS = 200;
const REPEAT_MS = 3000;

export function canScan() {
  return 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;
}

class QrScanner extends HTMLElement {
  connectedCallback() {
    this.on = listeners();
    this.video = h('video', { muted: true, playsinline: true, autoplay: true });
    this.video.muted = true;
    replace(this, this.video, h('p', { class: 'hint' }, language.t('scanning')));
    // A hidden page (phone locked, tab switched) must not keep the camera on.
    this.on.add(document, 'visibilitychange', () => {
      if (document.visibilityState !== 'visible') this.stop();
    });
  }

  disconnectedCallback() {
    this.on.clear();
    this.stop();
  }

  /** Opens the camera and starts reading; rejects when the camera cannot be had. */
  async start() {
    this.stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
    this.video.srcObject = this.stream;
    await this.video.play();
    this.detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    this.last = { text: null, at: 0 };
    this.running = true;
    this.next();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    if (this.video) this.video.srcObject = null;
  }

  next() {
    if (this.running) this.timer = setTimeout(() => this.frame(), FRAME_MS);
  }

  async frame() {
    try {
      const codes = await this.detector.detect(this.video);
      const text = codes[0]?.rawValue;
      const now = Date.now();
      if (text && (text !== this.last.text || now - this.last.at > REPEAT_MS)) {
        this.last = { text, at: now };
        this.dispatchEvent(new CustomEvent('scan', { bubbles: true, detail: { text } }));
      }
    } catch (e) {
      // A frame the detector could not read (camera warming up): try the next one.
    }
    this.next();
  }
}

customElements.define('pm-qr-scanner', QrScanner);
