/** The part of an address that may be said in a group: up to the building, never the unit or room. */
/** A building number is one or two digits (or Chinese numerals); a bare 号 after digits is a room (1102号). */
const UP_TO_BUILDING = /^(.*?(?<!\d)(?:\d{1,2}|[一二三四五六七八九十两]+)\s*(?:号楼|栋|幢|座|号院))/
const AREA_ONLY = /^([^\d]*?(?:[\d一二三四五六七八九十]+\s*期|[东南西北中]区))/

export function buildingOf(location: string | undefined): string | undefined {
  if (!location) return undefined
  const building = UP_TO_BUILDING.exec(location)?.[1] ?? AREA_ONLY.exec(location)?.[1]
  if (building) return building.trim()
  // No building named: say nothing rather than risk a room or phone number.
  return /\d/.test(location) ? undefined : location.trim()
}
