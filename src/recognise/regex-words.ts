/**
 * Reading a regular expression's source as the fixed words it stands for, where it stands for a
 * few: `(?:叫|喊)不醒` is 叫不醒 and 喊不醒. The danger phrases are written as patterns for the
 * reader; their fixed alternatives are handed to the word matcher, which finds any number of
 * words in one pass, and only the alternatives with gaps stay patterns (see danger-phrases.ts).
 * Covers literal characters, non-capturing groups, small character classes and `?`; anything else
 * (gaps, lookarounds, escapes, repeats) is not a fixed word.
 */

/** The top-level alternatives of a source: `a|(?:b|c)d` → `a`, `(?:b|c)d`. */
export function splitAlternatives(source: string): string[] {
  const parts: string[] = []
  let depth = 0
  let inClass = false
  let from = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i))
      from = i + 1
    }
  }
  parts.push(source.slice(from))
  return parts
}

/** Every word an alternative matches, or undefined when it is not a few fixed words. */
export function fixedWords(source: string, limit = 64): string[] | undefined {
  try {
    const parser = new Parser(source, limit)
    const words = parser.sequence()
    return parser.at === source.length && words.every((w) => w.length > 0) ? words : undefined
  } catch {
    return undefined
  }
}

const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}'])

class Parser {
  at = 0
  constructor(
    private readonly source: string,
    private readonly limit: number,
  ) {}

  sequence(): string[] {
    let words = ['']
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      let atom = this.atom()
      if (this.source[this.at] === '?') {
        this.at++
        atom = ['', ...atom]
      }
      words = words.flatMap((w) => atom.map((a) => w + a))
      if (words.length > this.limit) throw new Error('too many words')
    }
    return words
  }

  private atom(): string[] {
    const c = this.source[this.at]!
    if (c === '[') return this.characterClass()
    if (c === '(') {
      if (!this.source.startsWith('(?:', this.at)) throw new Error('not a plain group')
      this.at += 3
      const words = this.sequence()
      while (this.source[this.at] === '|') {
        this.at++
        words.push(...this.sequence())
      }
      if (this.source[this.at] !== ')') throw new Error('unclosed group')
      this.at++
      return words
    }
    if (META.has(c)) throw new Error(`not fixed: ${c}`)
    this.at++
    return [c]
  }

  private characterClass(): string[] {
    const close = this.source.indexOf(']', this.at)
    const chars = [...this.source.slice(this.at + 1, close)]
    if (close < 0 || chars.length === 0 || chars.some((ch) => META.has(ch) || ch === '-')) throw new Error('not a small class')
    this.at = close + 1
    return chars
  }
}
