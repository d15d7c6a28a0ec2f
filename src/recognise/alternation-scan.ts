import { firstChars } from './regex-words.js'

/**
 * Patterns of many alternatives each (`a|b|c`), found as global regular expressions would find
 * them, in one pass over the text: each pattern is tried only where the text has a character one of
 * its alternatives can start with, and there with only those alternatives. A regular expression of a
 * hundred alternatives otherwise tries each of them at every position of every message.
 */
export interface AlternationScanner {
  /**
   * Every pattern's matches, in order of where they start (ties in the patterns' order); one
   * pattern's matches do not overlap, as `RegExp.prototype.exec` with `g` gives them.
   */
  findAll(text: string, found: (pattern: number, start: number, match: string) => void): void
  /** Whether every pattern is tried only where its alternatives can start (else it is tried everywhere). */
  readonly indexed: boolean
}

// One bit per pattern in a byte per character.
const MAX_PATTERNS = 8

export function createAlternationScanner(patterns: readonly (readonly string[])[]): AlternationScanner {
  if (patterns.length > MAX_PATTERNS) throw new Error(`at most ${MAX_PATTERNS} patterns`)
  const startsAt = new Uint8Array(0x10000)
  const byChar: Map<number, RegExp>[] = []
  let indexed = true
  patterns.forEach((alternatives, p) => {
    byChar.push(new Map())
    const firsts = alternatives.map(firstChars)
    if (firsts.some((chars) => chars === undefined)) {
      indexed = false
      return
    }
    // Per character, the alternatives that may start with it, in their order (the first that matches wins).
    const subsets = new Map<number, number[]>()
    firsts.forEach((chars, i) => {
      for (const c of chars!) {
        const code = c.charCodeAt(0)
        subsets.set(code, [...(subsets.get(code) ?? []), i])
      }
    })
    const compiled = new Map<string, RegExp>()
    for (const [code, subset] of subsets) {
      const key = subset.join(',')
      if (!compiled.has(key)) compiled.set(key, new RegExp(subset.map((i) => `(?:${alternatives[i]})`).join('|'), 'y'))
      byChar[p]!.set(code, compiled.get(key)!)
      startsAt[code]! |= 1 << p
    }
  })
  if (!indexed) return everywhere(patterns)
  // Where each pattern may match next: its matches do not overlap.
  const resume = new Int32Array(patterns.length)
  return {
    indexed,
    findAll(text, found) {
      resume.fill(0)
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i)
        const bits = startsAt[code]!
        if (bits === 0) continue
        for (let p = 0; p < patterns.length; p++) {
          if ((bits & (1 << p)) === 0 || i < resume[p]!) continue
          const regex = byChar[p]!.get(code)!
          regex.lastIndex = i
          const match = regex.exec(text)
          if (match === null) continue
          found(p, i, match[0])
          resume[p] = i + match[0].length
        }
      }
    },
  }
}

/** Some pattern may start anywhere: each is run as a plain global expression, and the matches put in order. */
function everywhere(patterns: readonly (readonly string[])[]): AlternationScanner {
  const regexes = patterns.map((alternatives) => new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'g'))
  return {
    indexed: false,
    findAll(text, found) {
      const matches: [pattern: number, start: number, match: string][] = []
      regexes.forEach((regex, p) => {
        regex.lastIndex = 0
        for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
          matches.push([p, match.index, match[0]])
          if (match[0].length === 0) regex.lastIndex++
        }
      })
      matches.sort((a, b) => a[1] - b[1] || a[0] - b[0])
      for (const [p, start, match] of matches) found(p, start, match)
    },
  }
}
