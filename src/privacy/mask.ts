/**
 * What must never reach a group or a log: phone numbers, ID numbers and room numbers. Members get
 * them by direct message only.
 */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g
const MOBILE = /(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3})-?(\d{7,8})(?!\d)/g
/** Room numbers and any other long digit run (1102, 302室): a building number is one or two digits. */
const LONG_DIGITS = /(?<![\d.])\d{3,}(?![\d.]*[栋幢号期区])/g

/** Masks phone and ID numbers, keeping a hint of each (138****5678) so a log stays useful. */
export function maskPhones(text: string): string {
  return text
    .replace(ID_NUMBER, (id) => `${id.slice(0, 3)}***********${id.slice(-4)}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LANDLINE, (_m, a: string, b: string) => `${a}-****${b.slice(-2)}`)
}

/** For text a resident or member wrote that the bot echoes into a group: no digits that could be private. */
export function redactForGroup(text: string): string {
  return maskPhones(text).replace(/\d{3}\*+\d+/g, '***').replace(LONG_DIGITS, '***')
}
