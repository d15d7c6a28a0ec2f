import type { Handler } from './handler.js'
import { EMOJI_CODE_CUES, type CueKind } from './cues.js'
import type { LexiconHit } from './lexicon.js'
import type { NormalisedText } from './normalise.js'
import { isHypothetical, isNegated, signContext } from './signs-in-force.js'

export type { LexiconHit }

/** How strongly a message points at one handler's category. */
export interface CategoryScore {
  readonly handler: Handler
  /** Sum of distinct topic words' weights. */
  topic: number
  /** Heaviest ask word seen. */
  ask: number
  /** Heaviest problem word seen. */
  problem: number
  urgent: boolean
  /** Strong (weight ≥ 3) topic words. */
  strongTopics: number
  /** Words saying someone has a fever. */
  fever: number
}

/** Everything the decisions read, computed once per message. */
export interface Features {
  readonly text: NormalisedText
  /** `plain` with Chinese numerals in digits, for number extractors. */
  readonly digits: string
  /** Hits still in force after negation and hypotheticals are taken out. */
  readonly hits: readonly LexiconHit[]
  readonly cues: ReadonlyMap<CueKind, readonly LexiconHit[]>
  readonly scores: ReadonlyMap<string, CategoryScore>
  readonly negated: readonly LexiconHit[]
  readonly hypothetical: readonly LexiconHit[]
  readonly temperatureC: number | undefined
  readonly bloodOxygen: number | undefined
}

export function readFeatures(
  text: NormalisedText,
  digits: string,
  allHits: readonly LexiconHit[],
  handlers: readonly Handler[],
  numbers: { temperatureC: number | undefined; bloodOxygen: number | undefined },
): Features {
  const codeHits: LexiconHit[] = []
  for (const code of text.marks.emojiCodes) {
    const cue = EMOJI_CODE_CUES[code.name]
    if (cue) codeHits.push({ start: code.start, end: code.end, word: `[${code.name}]`, value: { source: 'cue', cue } })
  }
  if (codeHits.length > 0) allHits = [...allHits, ...codeHits].sort((a, b) => a.start - b.start)
  const context = signContext(text, allHits)
  const hits: LexiconHit[] = []
  const negated: LexiconHit[] = []
  const hypothetical: LexiconHit[] = []
  for (const hit of allHits) {
    if (isNegated(text.plain, hit)) negated.push(hit)
    else if (isHypothetical(text.plain, hit, context)) hypothetical.push(hit)
    else hits.push(hit)
  }

  const cues = new Map<CueKind, LexiconHit[]>()
  const scores = new Map<string, CategoryScore>(
    handlers.map((handler) => [handler.category, { handler, topic: 0, ask: 0, problem: 0, urgent: false, strongTopics: 0, fever: 0 }]),
  )
  // Each topic word counts once per category; a message has a handful, so a list beats a set of built keys.
  const counted: LexiconHit[] = []
  for (const hit of hits) {
    const entry = hit.value
    if (entry.source === 'cue') {
      const list = cues.get(entry.cue) ?? []
      if (!list.some((h) => h.word === hit.word)) list.push(hit)
      cues.set(entry.cue, list)
      continue
    }
    if (entry.source !== 'handler') continue
    const score = scores.get(entry.category)!
    // A problem word is about its topic too: 停电了 hides the 停电 inside it. An urgent word (水管爆了,
    // 往外喷) is a problem of its topic at its worst.
    if ((entry.role === 'topic' || entry.role === 'problem' || entry.role === 'urgent') && !counted.some((h) => h.word === hit.word && sameCategory(h, entry.category))) {
      counted.push(hit)
      score.topic += entry.weight
      if (entry.role === 'topic' && entry.weight >= 3) score.strongTopics++
    }
    if (entry.role === 'ask') score.ask = Math.max(score.ask, entry.weight)
    else if (entry.role === 'problem') score.problem = Math.max(score.problem, entry.weight)
    else if (entry.role === 'urgent') {
      score.urgent = true
      score.problem = Math.max(score.problem, entry.weight)
    }
    else if (entry.role === 'fever') score.fever++
  }
  if (numbers.temperatureC !== undefined) {
    for (const score of scores.values()) {
      if (score.handler.meansFever) {
        score.topic += 3
        score.strongTopics++
      }
    }
  }
  return { text, digits, hits, cues, scores, negated, hypothetical, ...numbers }
}

function sameCategory(hit: LexiconHit, category: string): boolean {
  return hit.value.source === 'handler' && hit.value.category === category
}

export function cueCount(features: Features, cue: CueKind): number {
  return features.cues.get(cue)?.length ?? 0
}
