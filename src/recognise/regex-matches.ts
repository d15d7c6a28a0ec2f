/**
 * Every match of a global pattern, as `String.prototype.matchAll` gives them, without the copy of
 * the pattern that matchAll makes on each call: on a message of thirty characters the copy costs
 * several times the scan, and the extractors run a dozen patterns per message.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${pattern}`)
  const found: RegExpExecArray[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match)
    // An empty match would be found again at the same place.
    if (match[0].length === 0) pattern.lastIndex++
  }
  return found
}
