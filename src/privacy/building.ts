/** The part of an address that may be said in a group: up to the building, never the unit or room. */
/** A building number is one or two digits (or Chinese numerals); a bare 号 after digits is a room (1102号). */
const UP_TO_BUILDING = /^(.*?(?<!\d)(?:\d{1,2}|[一二三四五六七八九十两]+)\s*(?:号楼|栋|幢|座|号院))/
const AREA_ONLY = /^([^\d]*?(?:[\d一二三四五六七八九十]+\s*期|[东南西北中]区))/

export function buildingOf(location: string | undefined): string | undefined {
  if (!location) return undefined
  const building = UP_TO_BUILDING.exec(location)?.[1] ?? AREA_ONLY.exec(location)?.[1]
  if (building) return building.trim()
  // No building named: say nothing rather than risk a room or phone number, in any numerals.
  return /[\d零〇一二三四五六七八九十两百单元室层户号]/.test(location) ? undefined : location.trim()
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 十二 → 12, 二十 → 20: building and phase numbers are small. */
function smallNumber(text: string): string {
  if (/^\d+$/.test(text)) return String(Number(text))
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text]
  const value = (text.includes('十') ? (NUMERALS[tens!] ?? 1) * 10 : 0) + (NUMERALS[ones!] ?? 0)
  return value ? String(value) : text
}

/**
 * One spelling per building, for matching a request's building against the roster's: 5号楼, 5栋, 五栋
 * and 5 幢 are one building; 2期5栋 stays apart from 5栋.
 */
export function buildingKey(building: string): string {
  return building
    .replace(/\s+/g, '')
    .replace(/(\d{1,2}|[一二三四五六七八九十两]+)(?=期|号楼|栋|幢|座|号院|区)/g, (n) => smallNumber(n))
    .replace(/号楼|幢|座/g, '栋')
}
