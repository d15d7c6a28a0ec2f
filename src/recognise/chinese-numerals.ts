const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const NUMERAL_RUN = /[零〇一二两俩三仨四五六七八九十百千廿卅]+/g
// 廿 and 卅, still written in Wu and old-style Chinese (卅九度), are twenty and thirty.
const TENS_IN_ONE: Record<string, string> = { 廿: '二十', 卅: '三十' }

/**
 * Parses one run of Chinese numerals: 三十八 → 38, 十五 → 15, 一百零二 → 102, and a run of bare
 * digits read out one by one (一二零 → 120, 九五 → 95).
 */
export function parseChineseNumeral(written: string): number | null {
  if (written.length === 0) return null
  const run = written.includes('廿') || written.includes('卅') ? written.replace(/[廿卅]/g, (tens) => TENS_IN_ONE[tens]!) : written
  let positional = false
  for (const char of run) if (char in MULTIPLIERS) positional = true
  if (!positional) {
    let value = 0
    for (const char of run) {
      const digit = DIGITS[char]
      if (digit === undefined) return null
      value = value * 10 + digit
    }
    return value
  }
  let total = 0
  let pending = 0
  let sawDigit = false
  for (const char of run) {
    const digit = DIGITS[char]
    if (digit !== undefined) {
      pending = digit
      sawDigit = true
      continue
    }
    const multiplier = MULTIPLIERS[char]!
    total += (sawDigit ? pending : 1) * multiplier
    pending = 0
    sawDigit = false
  }
  return total + pending
}

/**
 * The text with every run of Chinese numerals written in digits (三十八度五 → 38度5,
 * 八十多岁 → 80多岁). Only number extractors read this form: words such as 一起 or 两道杠 keep
 * their characters for keyword matching.
 */
export function withArabicNumerals(text: string): string {
  // Most runs are a lone 一 or 两 that stays a word: the text is copied only from the first run that changes.
  let written = ''
  let copied = 0
  NUMERAL_RUN.lastIndex = 0
  for (let match = NUMERAL_RUN.exec(text); match !== null; match = NUMERAL_RUN.exec(text)) {
    const run = match[0]
    const digits = runInDigits(text, run, match.index)
    if (digits === run) continue
    written += text.slice(copied, match.index) + digits
    copied = match.index + run.length
  }
  return copied === 0 ? text : written + text.slice(copied)
}

/** One run of numerals as the digits it stands for where it stands, or the run itself where it is a word. */
function runInDigits(text: string, whole: string, offset: number): string {
  // 九十一九十二: two readings said in a row are two numbers, not one.
  const run = whole.indexOf('十') !== whole.lastIndexOf('十') ? whole.replace(READINGS_IN_A_ROW, '$1 ') : whole
  if (run !== whole) return run.split(' ').map((part) => String(parseChineseNumeral(part) ?? part)).join(' ')
  const before = text[offset - 1] ?? ''
  const after = text[offset + run.length] ?? ''
  // A lone 一 or 两 is a number only before a unit (一个月, 两岁): 一直, 一下, 两口子 stay words.
  if (run.length === 1 && !UNIT_AFTER.test(after) && !DECIMAL_BEFORE.test(before)) return run
  // After 度 or 点 one digit is the tenth: 三十九度五一直 is 39度5 then 一直, not 39度51直.
  if (DECIMAL_BEFORE.test(before) && run.length > 1 && !/[十百千]/.test(run)) {
    return String(parseChineseNumeral(run[0]!)) + run.slice(1)
  }
  const digits = String(parseChineseNumeral(run) ?? run)
  // 37.8两天 must not read as 37.82天.
  return (/[0-9.]/.test(before) ? ' ' : '') + digits + (/[0-9]/.test(after) ? ' ' : '')
}

const READINGS_IN_A_ROW = /([一二三四五六七八九]十[一二三四五六七八九]?)(?=[一二三四五六七八九]十)/g
const UNIT_AFTER = /[岁个月天度号栋幢楼层单元期室点周次片粒盒瓶支包旬%℃°多几来]/
const DECIMAL_BEFORE = /[度点.]/
