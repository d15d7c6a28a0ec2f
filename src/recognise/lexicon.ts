import type { Handler, Signal } from './handler.js'
import { CUES, type CueKind } from './cues.js'
import { createMatcher, type Hit, type Matcher } from './matcher.js'

/** What a matched word means: a handler's signal, a medicine name, or a cue. */
export type LexiconEntry =
  | {
      readonly source: 'handler'
      readonly category: string
      readonly role: Signal['role']
      readonly weight: number
      /** A negation before it cancels it (没有发烧). Never a medicine handler's word: 没有退烧药 is a need. */
      readonly negatable: boolean
    }
  | { readonly source: 'medicine'; readonly category: string }
  | { readonly source: 'cue'; readonly cue: CueKind }

/** A word found in a message, with what it means. */
export type LexiconHit = Hit<LexiconEntry>

/**
 * One matcher over every handler's words and every cue, so a message is scanned once. A longer word
 * hides a shorter one inside it only within its own group: 有没有人 (a cue) must not hide the
 * 有没有 a handler asks with.
 */
export function buildLexicon(
  handlers: readonly Handler[],
  /** Cue words kept elsewhere (the danger phrases' fixed words). */
  moreCueWords: readonly { readonly word: string; readonly cue: CueKind }[] = [],
): Matcher<LexiconEntry> {
  const terms: { word: string; value: LexiconEntry }[] = []
  const seen = new Set<string>()
  const add = (word: string, value: LexiconEntry) => {
    // A word listed twice in one role would count twice; keep the first (heaviest lists come first).
    const key = `${word}\u0000${JSON.stringify(value.source === 'handler' ? [value.category, value.role] : value)}`
    if (seen.has(key)) return
    seen.add(key)
    terms.push({ word: word.toLowerCase(), value })
  }
  for (const handler of handlers) {
    for (const signal of handler.signals) {
      const negatable = !handler.medicines && (signal.role === 'fever' || ((signal.role === 'topic' || signal.role === 'problem') && signal.weight >= 2))
      for (const word of signal.words) {
        add(word, { source: 'handler', category: handler.category, role: signal.role, weight: signal.weight, negatable })
      }
    }
    for (const word of handler.medicines ?? []) add(word, { source: 'medicine', category: handler.category })
  }
  for (const cue of Object.keys(CUES) as CueKind[]) {
    for (const word of CUES[cue]) add(word, { source: 'cue', cue })
  }
  for (const { word, cue } of moreCueWords) add(word, { source: 'cue', cue })
  return createMatcher(terms, (entry) => (entry.source === 'cue' ? 1 : 0))
}
