import { matchesOf } from './regex-matches.js'

/** Body temperature in °C, one decimal; the highest stated. Reads the digits-only form of the text. */
// 血氧89 华氏102: a number before 华氏 is its reading only when no number follows it.
const FAHRENHEIT = /(\d{2,3}(?:[.点]\d{1,2})?)\s*(?:华氏度|华氏(?!\s*\d)|°f|℉|f(?![a-z]))|华氏\s*(\d{2,3}(?:[.点]\d{1,2})?)/g
// 38.6度 · 38度5 · 39度半 · 39c · 39° · 37.9摄氏度. A digit right after 度 is the tenth (38度5), unless a building
// word follows it (38度5栋 is a number next to an address, not 38.5).
// 38,2度: a comma for the point, as many keyboards write it, only right before the unit.
const CELSIUS = /(\d{2}(?:[.点]\d{1,2}|,\d(?=\s*(?:摄氏度|度|°c|℃|°)))?)\s*(?:摄氏度|度|°c|℃|°|c(?![a-z]))(?:(\d)(?![\d栋号楼单元层室期岁])|(半))?/g
// 体温38.6 · 烧到39了 · 量了一下38.2: a bare number after a fever word.
const BARE = /(?:体温|烧到|烧了|烧的|发烧|发骚|发稍|发热|高烧|低烧|烧|量了|测了|量出|测出|量|测|温度|热度)[^\d]{0,5}(\d{2}(?:[.点]\d{1,2})?)(?![\d%岁栋号楼单元层室期天个次])/g
// 38.7 头晕: a lone number with one decimal in the fever range is a temperature.
const DECIMAL = /(?<![\d.\-])(3[5-9]|4[0-2])\.(\d)(?![\d%元块斤米]|\s*(?:公斤|kg|元|块))/g
// 水温40度, 室温20度, 零下5度, 屋里三十八度: temperatures of things and rooms, not people; 外面三十八度,
// 夏天呼市也三十五度了: the weather's.
// 38.5以上再吃: a threshold in advice, not anyone's temperature.
const THRESHOLD_AFTER = /^\s*(?:度|℃)?\s*(?:以上|以下|之上|之下|左右再|再吃|才吃|才需要)/
const NOT_BODY = /(?:水温|室温|气温|天气|温度计显示室|零下|洗澡水|热水|屋里|屋头|房间里|室内|(?:外面|外头|室外|户外|夏天|冬天|最高温|地表)[^\d]{0,3})\s*$/

// Every form above has a digit: most messages have none and skip four scans. The unit forms need
// their unit too.
const HAS_DIGIT = /\d/
const MAY_BE_FAHRENHEIT = /华|f|℉/
// 温度计是华氏的 显示102.2 · 华氏温度计 量了101 · 量出来103度 是华氏: once a message says its thermometer reads
// Fahrenheit, a reading taken with it is one, whether or not the unit stands beside it.
const SAYS_FAHRENHEIT = /华氏/
const READ_IN_FAHRENHEIT = /(?:显示|量了|量出来|量出|测了|测出来|测出|体温|读数|烧到)[^\d]{0,4}?(9[5-9]|10\d|110)((?:[.点]\d{1,2})?)(?![\d%])/g
const MAY_BE_CELSIUS = /度|°|c|℃/

export function extractTemperature(digits: string): number | undefined {
  if (!HAS_DIGIT.test(digits)) return undefined
  let best: number | undefined
  if (MAY_BE_FAHRENHEIT.test(digits)) for (const match of matchesOf(FAHRENHEIT, digits)) {
    const fahrenheit = toNumber(match[1] ?? match[2]!)
    if (fahrenheit >= 93 && fahrenheit <= 110) best = higher(best, fromFahrenheit(fahrenheit), digits)
  }
  if (SAYS_FAHRENHEIT.test(digits)) for (const match of matchesOf(READ_IN_FAHRENHEIT, digits)) {
    best = higher(best, fromFahrenheit(toNumber(match[1]! + match[2]!)), digits)
  }
  if (MAY_BE_CELSIUS.test(digits)) for (const match of matchesOf(CELSIUS, digits)) {
    if (NOT_BODY.test(digits.slice(Math.max(0, match.index - 6), match.index))) continue
    const whole = toNumber(match[1]!)
    const decimal = /[.点,]/.test(match[1]!)
    const tenth = decimal ? 0 : match[2] !== undefined ? Number(match[2]) / 10 : match[3] !== undefined ? 0.5 : 0
    best = higher(best, round1(whole + tenth), digits, match.index + match[0].length)
  }
  for (const match of matchesOf(BARE, digits)) best = higher(best, round1(toNumber(match[1]!)), digits, match.index + match[0].length)
  for (const match of matchesOf(DECIMAL, digits)) best = higher(best, Number(`${match[1]}.${match[2]}`), digits, match.index + match[0].length)
  return best
}

/** The higher of the best so far and a body temperature read ending at `end` (not a threshold in advice). */
function higher(best: number | undefined, celsius: number, digits: string, end?: number): number | undefined {
  if (end !== undefined && THRESHOLD_AFTER.test(digits.slice(end, end + 6))) return best
  return celsius >= 34 && celsius <= 43.5 && (best === undefined || celsius > best) ? celsius : best
}

function toNumber(text: string): number {
  return Number(text.replace(/[点,]/, '.'))
}

function fromFahrenheit(fahrenheit: number): number {
  return round1(((fahrenheit - 32) * 5) / 9)
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}
