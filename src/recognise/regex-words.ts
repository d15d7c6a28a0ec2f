/**
 * Reading a regular expression's source as the fixed words it stands for, where it stands for a
 * few: `(?:叫|喊)不醒` is 叫不醒 and 喊不醒. The danger phrases are written as patterns for the
 * reader; their fixed alternatives are handed to the word matcher, which finds any number of
 * words in one pass, and only the alternatives with gaps stay patterns (see danger-phrases.ts).
 * Covers literal characters, non-capturing groups, small character classes and `?`; anything else
 * (gaps, lookarounds, escapes, repeats) is not a fixed word. What stays a pattern is read for the
 * characters it can start with (`firstChars`), so it is only tried where they are (alternation-scan.ts).
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

/**
 * The characters any match of a source can start with, or undefined when that is not known (a
 * negated or wide class, `.` or a letter escape up front, or a source that can match nothing at all).
 * A superset is safe: lookarounds in front are read as matching nothing.
 */
export function firstChars(source: string): ReadonlySet<string> | undefined {
  try {
    const reader = new FirstReader(source)
    const first = reader.alternation()
    return reader.at === source.length && !first.empty && first.chars !== ANY ? first.chars : undefined
  } catch {
    return undefined
  }
}

// Stands for every character: a match may start with anything.
const ANY: ReadonlySet<string> = new Set()

interface First {
  readonly chars: ReadonlySet<string>
  /** Whether the part can match nothing, so what follows it may come first. */
  readonly empty: boolean
}

// Ranges wider than this (\u4e00-\u9fa5) start too many matches to be worth knowing.
const MAX_RANGE = 64
const NOTHING: First = { chars: new Set(), empty: true }

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  return a === ANY || b === ANY ? ANY : new Set([...a, ...b])
}

class FirstReader {
  at = 0
  constructor(private readonly source: string) {}

  alternation(): First {
    let chars: ReadonlySet<string> = new Set()
    let empty = false
    for (;;) {
      const first = this.sequence()
      chars = union(chars, first.chars)
      empty ||= first.empty
      if (this.source[this.at] !== '|') return { chars, empty }
      this.at++
    }
  }

  private sequence(): First {
    let chars: ReadonlySet<string> = new Set()
    let open = true
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.quantified()
      if (open) chars = union(chars, atom.chars)
      open &&= atom.empty
    }
    return { chars, empty: open }
  }

  private quantified(): First {
    const atom = this.atom()
    const q = this.source[this.at]
    let empty = atom.empty
    if (q === '?' || q === '*') {
      this.at++
      empty = true
    } else if (q === '+') this.at++
    else if (q === '{') {
      const close = this.source.indexOf('}', this.at)
      const least = Number(this.source.slice(this.at + 1, close).split(',')[0])
      if (close < 0 || !Number.isInteger(least)) throw new Error('bad repeat')
      this.at = close + 1
      empty ||= least === 0
    }
    if (q !== undefined && '?*+{'.includes(q) && this.source[this.at] === '?') this.at++
    return { chars: atom.chars, empty }
  }

  private atom(): First {
    const c = this.source[this.at]!
    if (c === '(') {
      const look = /^\(\?<?[=!]/.exec(this.source.slice(this.at, this.at + 4))
      this.at += look ? look[0].length : this.source.startsWith('(?:', this.at) ? 3 : 1
      const inner = this.alternation()
      if (this.source[this.at] !== ')') throw new Error('unclosed group')
      this.at++
      return look ? NOTHING : inner
    }
    if (c === '[') return this.characterClass()
    this.at++
    if (c === '^' || c === '$') return NOTHING
    if (c === '.') return { chars: ANY, empty: false }
    if (c === '\\') {
      const escaped = this.source[this.at++]
      if (escaped === 'd') return { chars: new Set('0123456789'), empty: false }
      if (escaped === 'b' || escaped === 'B') return NOTHING
      return { chars: escaped === undefined || /[a-zA-Z0-9]/.test(escaped) ? ANY : new Set(escaped), empty: false }
    }
    if (META.has(c)) throw new Error(`not a character: ${c}`)
    return { chars: new Set(c), empty: false }
  }

  private characterClass(): First {
    const close = this.classEnd()
    const body = this.source.slice(this.at + 1, close)
    this.at = close + 1
    if (body.startsWith('^')) return { chars: ANY, empty: false }
    const chars = new Set<string>()
    for (let i = 0; i < body.length; i++) {
      let c = body[i]!
      if (c === '\\') {
        const escaped = body[++i]!
        if (escaped === 'd') {
          for (const d of '0123456789') chars.add(d)
          continue
        }
        if (/[a-zA-Z]/.test(escaped)) return { chars: ANY, empty: false }
        c = escaped
      }
      if (body[i + 1] === '-' && i + 2 < body.length) {
        const to = body[i + 2]!
        if (to === '\\' || to.charCodeAt(0) - c.charCodeAt(0) > MAX_RANGE) return { chars: ANY, empty: false }
        for (let code = c.charCodeAt(0); code <= to.charCodeAt(0); code++) chars.add(String.fromCharCode(code))
        i += 2
      } else chars.add(c)
    }
    return { chars, empty: false }
  }

  /** Where the class opened here closes, stepping over escaped characters. */
  private classEnd(): number {
    for (let i = this.at + 1; i < this.source.length; i++) {
      if (this.source[i] === '\\') i++
      else if (this.source[i] === ']') return i
    }
    throw new Error('unclosed class')
  }
}
