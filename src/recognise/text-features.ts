import type { Features } from './features.js'
import { BREAK, feature, UNKNOWN_FEATURE, type Feature, type FeatureBag } from './linear-model.js'

// Pairs are read from the head and tail of a long text only, so a 50,000-character paste costs what a post does.
const SPAN = 400
const LENGTHS = [6, 15, 40, 80, 160]
const DIGIT_ZERO = 0x30
const DIGIT_NINE = 0x39

/**
 * Every lexicon word that fired (and was negated or hypothetical), emoji codes, and the text's
 * character pairs, spaces skipped and every digit read as 0 (any number). A feature that occurs
 * twice counts twice, in training as here.
 */
export function textFeatures(features: Features): FeatureBag {
  const names: Feature[] = []
  // Each word once: twenty question marks ask no more than one does.
  for (const hit of features.hits) {
    const word = wordFeature(hit.word)
    if (!names.includes(word)) names.push(word)
  }
  for (const hit of features.negated) names.push(named(NEGATED, hit.word))
  for (const hit of features.hypothetical) names.push(named(HYPOTHETICAL, hit.word))
  for (const code of features.text.marks.emojiCodes) names.push(named(EMOJI, code.name))
  if (features.text.marks.links > 0) names.push(LINK)
  if (features.text.marks.mentionsAll) names.push(MENTIONS_ALL)
  const t = features.temperatureC
  if (t !== undefined) names.push(t >= 39 ? HIGH_TEMPERATURE : t >= 37.3 ? FEVER_TEMPERATURE : NORMAL_TEMPERATURE)

  const plain = features.text.plain
  const read: CharsRead = { chars: [], length: 0, first: -1, last: -1 }
  if (plain.length > 2 * SPAN) {
    readChars(plain, 0, SPAN, read)
    read.chars.push(BREAK)
    readChars(plain, plain.length - SPAN, plain.length, read)
  } else readChars(plain, 0, plain.length, read)
  names.push(LENGTH_NAMES[bucketIndex(read.length, LENGTHS)]!)
  if (read.first >= 0) names.push(named(FIRST, read.first), named(LAST, read.last))
  return { features: names, chars: read.chars }
}

interface CharsRead {
  readonly chars: number[]
  /** Characters read, spaces skipped. */
  length: number
  first: number
  last: number
}

function readChars(plain: string, from: number, to: number, read: CharsRead): void {
  for (let i = from; i < to; i++) {
    let c = plain.charCodeAt(i)
    if (c <= 0x20 || c === 0x3000) continue
    if (c >= DIGIT_ZERO && c <= DIGIT_NINE) c = DIGIT_ZERO
    // A run of one character (!!!!, 666666, a phone number's digits) reads as one.
    if (c === read.last && read.chars.length > 0 && read.chars[read.chars.length - 1] === c) continue
    read.chars.push(c)
    if (read.first < 0) read.first = c
    read.last = c
    read.length++
  }
}

/** The feature a lexicon word that fired is weighed by. */
export function wordFeature(word: string): Feature {
  return named(WORD, word)
}

const LINK = feature('link')
const MENTIONS_ALL = feature('mentionsAll')
const HIGH_TEMPERATURE = feature('temperature:high')
const FEVER_TEMPERATURE = feature('temperature:fever')
const NORMAL_TEMPERATURE = feature('temperature:normal')

// Features are found by their word (or a character's code) once and reused: a name built per message
// would be hashed per message.
interface Named<Key> {
  readonly prefix: string
  readonly spell: (key: Key) => string
  readonly byKey: Map<Key, Feature>
}
const namedBy = (prefix: string): Named<string> => ({ prefix, spell: (word) => word, byKey: new Map() })
const namedByChar = (prefix: string): Named<number> => ({ prefix, spell: (code) => String.fromCharCode(code), byKey: new Map() })
const WORD = namedBy('word:')
const NEGATED = namedBy('negated:')
const HYPOTHETICAL = namedBy('hypothetical:')
const EMOJI = namedBy('emoji:')
const FIRST = namedByChar('^')
const LAST = namedByChar('$')

function named<Key>({ prefix, spell, byKey }: Named<Key>, key: Key): Feature {
  let found = byKey.get(key)
  if (found === undefined) {
    found = feature(prefix + spell(key))
    // Emoji codes and first characters are open-ended: only interned ones are kept (see `feature`).
    if (found !== UNKNOWN_FEATURE) byKey.set(key, found)
  }
  return found
}

/** Which of the ranges `edges` cut out a count falls in: 0 below the first edge. */
export function bucketIndex(n: number, edges: readonly number[]): number {
  let i = 0
  while (i < edges.length && n >= edges[i]!) i++
  return i
}

/** The ranges' names, `prefix:<1`, `prefix:1-2`, …, `prefix:8+`, each with its own weight. */
export function bucketNames(prefix: string, edges: readonly number[]): string[] {
  return [...edges, Infinity].map((edge, i) =>
    i === 0 ? `${prefix}<${edge}` : edge === Infinity ? `${prefix}${edges[i - 1]}+` : `${prefix}${edges[i - 1]}-${edge - 1}`,
  )
}

const LENGTH_NAMES = bucketNames('length:', LENGTHS).map(feature)
