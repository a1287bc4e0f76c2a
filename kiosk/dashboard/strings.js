// The dashboard's words in Chinese (the default) and English.

import { language } from '../shared/i18n.js';

const zh = {
  title: '文明实践数据看板',
  held: '开展活动',
  heldUnit: '场',
  served: '服务群众',
  servedUnit: '人次',
  bookings: '预约',
  bookingsUnit: '单',
  noShowRate: '爽约率',
  fillRate: '满座率',
  noRate: '—',
  byTheme: '八大主题板块',
  byMonth: '逐月开展活动',
  servedByMonth: '逐月服务人次',
  topPoints: '活动最多的实践点',
  calendar: '一月一主题',
  monthResult: '{held} 场 · {served} 人次',
  noMonthlyTheme: '未设主题',
  range: '时间',
  thisYear: '今年',
  lastTwelve: '近一年',
  lastYear: '去年',
  scope: '范围',
  network: '全网',
  csv: '下载 CSV',
  table: '数据表',
  name: '名称',
  token: '管理令牌',
  tokenHint: '管理人员输入令牌后默认查看本辖区。',
  useToken: '使用',
  signOut: '退出',
  signedIn: '{role} · {point}',
  loading: '正在加载…',
  error: '数据加载失败，请稍后重试。',
  errToken: '令牌无效或已过期。',
  rangeText: '{from} 至 {to}',
  chartHeld: '{label}：{value} 场',
  empty: '这段时间还没有活动。',
  noTheme: '未分主题',
  definitions:
    '开展活动：已结束且未取消的活动（按开始日期计，北京时间）；服务群众：签到人数加现场登记人数；预约：有效预约（已确认、已签到、爽约）；爽约率：爽约座位 ÷（签到 + 爽约座位）；满座率：预约座位 ÷ 可预约活动的座位数。',
};

const en = {
  title: 'Civilization Practice dashboard',
  held: 'Activities held',
  heldUnit: '',
  served: 'People served',
  servedUnit: 'person-times',
  bookings: 'Bookings',
  bookingsUnit: '',
  noShowRate: 'No-show rate',
  fillRate: 'Fill rate',
  noRate: '—',
  byTheme: 'The eight theme boards',
  byMonth: 'Activities held by month',
  servedByMonth: 'People served by month',
  topPoints: 'Busiest practice points',
  calendar: 'One month, one theme',
  monthResult: '{held} held · {served} served',
  noMonthlyTheme: 'No theme set',
  range: 'Period',
  thisYear: 'This year',
  lastTwelve: 'Last 12 months',
  lastYear: 'Last year',
  scope: 'Scope',
  network: 'Whole network',
  csv: 'Download CSV',
  table: 'Data table',
  name: 'Name',
  token: 'Manager token',
  tokenHint: 'With a manager token the dashboard opens on your part of the network.',
  useToken: 'Use',
  signOut: 'Sign out',
  signedIn: '{role} · {point}',
  loading: 'Loading…',
  error: 'The figures could not be loaded; please try again.',
  errToken: 'The token is not valid or has expired.',
  rangeText: '{from} to {to}',
  chartHeld: '{label}: {value} held',
  empty: 'No activities in this period yet.',
  noTheme: 'No theme board',
  definitions:
    'Activities held: finished and not cancelled, by start day (Beijing time). People served: people checked in plus attendance recorded. Bookings: CONFIRMED, CHECKED_IN and NO_SHOW. No-show rate: no-show seats ÷ (checked-in + no-show seats). Fill rate: booked seats ÷ capacity of bookable activities held.',
};

// No verified Mongolian for these words yet: Chinese stands in (names from the API do come in
// Mongolian where the data has them).
const mn = {};

const STRINGS = { zh, en, mn };

export function t(key, params = {}) {
  const text = STRINGS[language.lang]?.[key] ?? zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

const LOCALES = { zh: 'zh-CN', mn: 'zh-CN', en: 'en-GB' };

export function number(value) {
  return new Intl.NumberFormat(LOCALES[language.lang] || 'zh-CN').format(value);
}

/** 0.1234 → "12.3%"; null → "—". */
export function percent(rate) {
  if (rate === null || rate === undefined) return t('noRate');
  return `${(rate * 100).toFixed(1)}%`;
}
