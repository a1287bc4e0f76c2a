// Mainland China mobile numbers, checked the way the server checks them.

const MOBILE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

/** The 11 digits, or null when the text is not a mainland mobile number. */
export function normalizePhone(text) {
  const match = MOBILE.exec(String(text || '').replace(/[\s\-()（）]/g, ''));
  return match ? match[1] : null;
}

/** A ticket code grouped for reading aloud: "K7M2Q X9PHT". */
export function groupCode(code) {
  return code.length === 10 ? `${code.slice(0, 5)} ${code.slice(5)}` : code;
}
