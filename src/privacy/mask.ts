/**
 * What must never reach a group or a log: phone numbers, ID numbers and room numbers. Members get
 * them by direct message only.
 */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g
/** With or without the country code (+86 138…). */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3})-?(\d{7,8})(?!\d)/g
/**
 * Room numbers and any other long digit run (1102, 302室, 1102号): a building number is one or two
 * digits, so only a run followed by a building word (栋, 号楼, 期, 区) is kept.
 */
const LONG_DIGITS = /(?<![\d.])\d{3,}(?![\d.]*(?:[栋幢期区]|号楼|号院))/g

/** Full-width digits (１３８…) as ASCII, so no number slips past the patterns by its width. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** Masks phone and ID numbers, keeping a hint of each (138****5678) so a log stays useful. */
export function maskPhones(text: string): string {
  return asciiDigits(text)
    .replace(ID_NUMBER, (id) => `${id.slice(0, 3)}***********${id.slice(-4)}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LANDLINE, (_m, a: string, b: string) => `${a}-****${b.slice(-2)}`)
}

/** For text a resident or member wrote that the bot echoes into a group: no digits that could be private. */
export function redactForGroup(text: string): string {
  return maskPhones(text).replace(/\d{3}\*+\d+/g, '***').replace(LONG_DIGITS, '***')
}
