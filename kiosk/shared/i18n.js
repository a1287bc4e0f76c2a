// The pages' words in Chinese (the default), Mongolian and English, and the chosen language.
//
// Mongolian: short labels are given in the traditional script with the Chinese beside them, the
// way bilingual signs in Inner Mongolia pair them; longer sentences fall back to Chinese. The
// Mongolian words need a native speaker's review before the pages go public.

export const LANGS = ['zh', 'mn', 'en'];
export const LANG_NAMES = { zh: '中文', mn: 'ᠮᠣᠩᠭᠣᠯ', en: 'EN' };

const zh = {
  appName: '新时代文明实践地图',
  loading: '正在加载…',
  when: '时间',
  where: '地点',
  seatsLeft: '剩余 {n} 个座位',
  seatsFullWaitlist: '已满，可以排队候补',
  seatsFull: '已满',
  openEvent: '这是开放活动，无需预约，直接前来即可。',
  activityCancelled: '本活动已取消。',
  activityEnded: '本活动已结束。',
  activityNotFound: '找不到这个活动，请重新扫描二维码。',
  ticketNotFound: '找不到这张票，请检查链接。',
  formTitle: '预约座位',
  name: '姓名',
  namePlaceholder: '您的姓名',
  phone: '手机号',
  phonePlaceholder: '138 0000 0000',
  party: '人数',
  partyN: '{n} 人',
  submit: '预约',
  submitWaitlist: '排队候补',
  submitting: '正在预约…',
  privacy: '姓名和手机号只用于本次预约和入场核对，不会公开。',
  errName: '请填写姓名（最多 40 个字）。',
  errPhone: '请填写 11 位中国大陆手机号，以 1 开头。',
  errParty: '每次最多预约 4 人。',
  errFull: '座位已约满。',
  errNotEnough: '只剩 {n} 个座位，请减少人数。',
  errTooLarge: '这场活动一共只有 {n} 个座位，请减少人数。',
  errAlreadyBooked: '这个手机号已经预约过本活动。如需重新预约，请先取消原来的预约。',
  errRateLimited: '尝试次数太多，请 {n} 分钟后再试。',
  errNetwork: '网络不稳定，请再点一次（不会重复预约）。',
  errGeneric: '出了点问题，请稍后再试。',
  confirmed: '预约成功',
  waitlisted: '已排队候补 · 第 {n} 位',
  waitlistedNote: '有人取消时，系统会按顺序自动为您确认座位，请稍后回来查看。',
  cancelled: '预约已取消',
  checkedIn: '已签到，欢迎！',
  noShow: '活动已结束，未签到',
  ticketCode: '票码',
  showAtDoor: '入场时请出示此二维码或票码。建议截图保存本页。',
  partyOf: '{n} 人',
  addToCalendar: '加入日历',
  cancel: '取消预约',
  cancelAsk: '确定要取消吗？座位会让给排队的人。',
  cancelYes: '确定取消',
  cancelNo: '不取消',
  cancelling: '正在取消…',
  bookAgain: '重新预约',
  qrAlt: '票码二维码',
  // Staff check-in
  staffTitle: '入场签到',
  token: '工作人员令牌',
  tokenSave: '保存',
  tokenChange: '更换令牌',
  activity: '活动',
  activityId: '活动编号或预约链接',
  activitySet: '确定',
  activityChange: '换一场活动',
  codeLabel: '票码',
  codePlaceholder: '输入 10 位票码',
  checkIn: '签到',
  scan: '扫码',
  scanStop: '停止扫码',
  scanUnsupported: '这个浏览器不能扫码，请手动输入票码。',
  scanDenied: '无法打开摄像头，请手动输入票码。',
  scanning: '请把票码二维码对准摄像头',
  partyPeople: '{n} 人',
  validLater: '票有效：请在签到开始后再来',
  errToken: '令牌无效或已过期，请更换令牌。',
  errForbidden: '这个令牌不能为这场活动签到。',
  errActivity: '找不到这场活动，请检查编号。',
};

const en = {
  appName: 'Practice Map',
  loading: 'Loading…',
  when: 'When',
  where: 'Where',
  seatsLeft: '{n} seats left',
  seatsFullWaitlist: 'Full: you can join the waiting list',
  seatsFull: 'Fully booked',
  openEvent: 'This is an open event: no booking needed, just come.',
  activityCancelled: 'This activity was cancelled.',
  activityEnded: 'This activity is over.',
  activityNotFound: 'This activity was not found; please scan the QR code again.',
  ticketNotFound: 'This ticket was not found; please check the link.',
  formTitle: 'Book a seat',
  name: 'Name',
  namePlaceholder: 'Your name',
  phone: 'Mobile number',
  phonePlaceholder: '138 0000 0000',
  party: 'People',
  partyN: '{n}',
  submit: 'Book',
  submitWaitlist: 'Join the waiting list',
  submitting: 'Booking…',
  privacy: 'Your name and number are used only for this booking and the check at the door.',
  errName: 'Please give your name (at most 40 characters).',
  errPhone: 'Please give an 11-digit mainland China mobile number starting with 1.',
  errParty: 'At most 4 people per booking.',
  errFull: 'All seats are taken.',
  errNotEnough: 'Only {n} seats are left: please book for fewer people.',
  errTooLarge: 'This activity has only {n} seats in all: please book for fewer people.',
  errAlreadyBooked: 'This number already has a booking for this activity. Cancel it first to book again.',
  errRateLimited: 'Too many attempts: please try again in {n} minutes.',
  errNetwork: 'The network is unsteady: please tap again (you will not be booked twice).',
  errGeneric: 'Something went wrong; please try again later.',
  confirmed: 'You are booked',
  waitlisted: 'On the waiting list · number {n}',
  waitlistedNote: 'When someone cancels, seats go to the waiting list in order. Check back here later.',
  cancelled: 'Booking cancelled',
  checkedIn: 'Checked in. Welcome!',
  noShow: 'The activity is over; not checked in',
  ticketCode: 'Ticket code',
  showAtDoor: 'Show this QR code or the code at the door. A screenshot of this page will do.',
  partyOf: '{n} people',
  addToCalendar: 'Add to calendar',
  cancel: 'Cancel booking',
  cancelAsk: 'Cancel this booking? Your seats go to the waiting list.',
  cancelYes: 'Yes, cancel',
  cancelNo: 'Keep it',
  cancelling: 'Cancelling…',
  bookAgain: 'Book again',
  qrAlt: 'Ticket QR code',
  staffTitle: 'Check-in',
  token: 'Staff token',
  tokenSave: 'Save',
  tokenChange: 'Change token',
  activity: 'Activity',
  activityId: 'Activity ID or booking link',
  activitySet: 'OK',
  activityChange: 'Another activity',
  codeLabel: 'Ticket code',
  codePlaceholder: 'Type the 10-character code',
  checkIn: 'Check in',
  scan: 'Scan',
  scanStop: 'Stop scanning',
  scanUnsupported: 'This browser cannot scan: please type the code.',
  scanDenied: 'The camera could not be opened: please type the code.',
  scanning: 'Hold the ticket QR code in front of the camera',
  partyPeople: '{n} people',
  validLater: 'The ticket is valid: ask them to come back then',
  errToken: 'The token is unknown or expired: please change it.',
  errForbidden: 'This token cannot check in for this activity.',
  errActivity: 'This activity was not found; check the ID.',
};

// Traditional Mongolian labels, paired with the Chinese; sentences fall back to Chinese.
const mnWords = {
  appName: 'ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠤᠨ ᠰᠣᠶᠣᠯ ᠤᠨ ᠬᠡᠷᠡᠭᠵᠢᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ',
  when: 'ᠴᠠᠭ',
  where: 'ᠭᠠᠵᠠᠷ',
  name: 'ᠨᠡᠷ᠎ᠡ',
  phone: 'ᠭᠠᠷ ᠤᠲᠠᠰᠤ',
  party: 'ᠬᠦᠮᠦᠨ ᠦ ᠲᠣᠭ᠎ᠠ',
  formTitle: 'ᠰᠠᠭᠤᠳᠠᠯ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ',
  submit: 'ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ',
  confirmed: 'ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠮᠵᠢᠯᠲᠠ ᠲᠠᠢ',
  ticketCode: 'ᠲᠠᠰᠤᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠨᠣᠮᠧᠷ',
  cancel: 'ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠨ ᠪᠣᠯᠢᠬᠤ',
  checkIn: 'ᠪᠦᠷᠢᠳᠭᠡᠬᠦ',
  activity: 'ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ',
};
const mn = Object.fromEntries(
  Object.entries(zh).map(([key, text]) => [key, mnWords[key] ? `${mnWords[key]} · ${text}` : text]),
);
// The header has room for one name: the brand stays Chinese, as on the network's signs.
mn.appName = zh.appName;

const STRINGS = { zh, mn, en };

/** The language store: one place that knows the language; pages listen for 'change'. */
class Language extends EventTarget {
  constructor() {
    super();
    this.lang = initialLang();
  }

  set(lang) {
    if (!LANGS.includes(lang) || lang === this.lang) return;
    this.lang = lang;
    try {
      localStorage.setItem('pm.lang', lang);
    } catch (e) {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = htmlLang(lang);
    this.dispatchEvent(new Event('change'));
  }

  /** The text of `key`, with {name} placeholders filled from `params`. */
  t(key, params = {}) {
    const text = STRINGS[this.lang][key] ?? STRINGS.zh[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
  }

  /** The API's Lang enum value. */
  get apiLang() {
    return this.lang.toUpperCase();
  }
}

function initialLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(asked)) return asked;
  try {
    const saved = localStorage.getItem('pm.lang');
    if (LANGS.includes(saved)) return saved;
  } catch (e) {
    // No storage: use the default.
  }
  return 'zh';
}

export function htmlLang(lang) {
  return { zh: 'zh-CN', mn: 'mn-Mong', en: 'en' }[lang];
}

export const language = new Language();
document.documentElement.lang = htmlLang(language.lang);
