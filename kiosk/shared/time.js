// Dates and times as the network lives them: Asia/Shanghai, whatever the phone's own zone.

export const ZONE = 'Asia/Shanghai';

const LOCALES = { zh: 'zh-CN', mn: 'zh-CN', en: 'en-GB' };

function parts(date, lang, options) {
  return new Intl.DateTimeFormat(LOCALES[lang] || 'zh-CN', { timeZone: ZONE, ...options }).format(date);
}

/** "1月3日 周六 14:00–16:00" / "Sat 3 Jan, 14:00–16:00"; the end's day too when it differs. */
export function formatWhen(startsAt, endsAt, lang) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = { month: lang === 'en' ? 'short' : 'long', day: 'numeric', weekday: 'short' };
  const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const startDay = parts(start, lang, day);
  const endDay = parts(end, lang, day);
  const sep = lang === 'en' ? ', ' : ' ';
  const range = `${parts(start, lang, time)}–${parts(end, lang, time)}`;
  if (startDay === endDay) return `${startDay}${sep}${range}`;
  return `${startDay}${sep}${parts(start, lang, time)} – ${endDay}${sep}${parts(end, lang, time)}`;
}

/** "10:02" in local time. */
export function formatTime(instant, lang) {
  return parts(new Date(instant), lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
