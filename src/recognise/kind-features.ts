import type { CueKind } from './cues.js'
import type { KindSignals } from './kind-signals.js'
import type { FeatureBag } from './linear-model.js'
import { bucketIndex, bucketNames, wordFeature } from './text-features.js'

const TOPIC_EDGES = [1, 3, 5, 8]
const OFFER_EDGES = [1, 2, 3, 5]
const TOPIC = bucketNames('topic:', TOPIC_EDGES)
const OFFER = bucketNames('offerScore:', OFFER_EDGES)
const WEIGHTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
const HANDLER_ASK = WEIGHTS.map((w) => `handlerAsk:${w}`)
const HANDLER_PROBLEM = WEIGHTS.map((w) => `handlerProblem:${w}`)

const COUNTED_CUES: readonly CueKind[] = [
  'ask', 'plea', 'problem', 'complaint', 'offer', 'offerStrong', 'offerSelf', 'resolved', 'thanks', 'notice', 'advert',
  'forward', 'chatter', 'greeting', 'sharing', 'laugh', 'hypothetical', 'elderly', 'child', 'baby', 'pregnant',
  'disease', 'need', 'fall',
]
const CUE_NAMES = COUNTED_CUES.map((cue) => [cue, ...cueFeatures(cue)] as const)

function cueFeatures(cue: CueKind): [once: string, more: string] {
  return [`cue:${cue}:1`, `cue:${cue}:2+`]
}

/**
 * What the kind scorer weighs for one message: the signals the cue lists and patterns read
 * (bucketed), and the text's own features (textFeatures: its words and character pairs).
 */
export function kindFeatures(s: KindSignals, text: FeatureBag): FeatureBag {
  const out: string[] = ['bias']
  if (s.emergency) out.push('emergency')
  if (s.question) out.push('question')
  if (s.asksOthersToHelp) out.push('asksOthersToHelp')
  if (s.fever) out.push('fever')
  if (s.strongFever) out.push('strongFever')
  out.push(TOPIC[bucketIndex(s.topic, TOPIC_EDGES)]!, HANDLER_ASK[s.handlerAsk] ?? 'handlerAsk:9', HANDLER_PROBLEM[s.handlerProblem] ?? 'handlerProblem:9')
  for (const [cue, once, more] of CUE_NAMES) {
    const n = s.features.cues.get(cue)?.length ?? 0
    if (n > 0) out.push(n >= 2 ? more : once)
  }
  out.push(OFFER[bucketIndex(s.offer, OFFER_EDGES)]!)
  if (s.offerSelf > 0) out.push('offerSelf')
  if (s.forward > 0) out.push('forwardScore')
  if (s.notice > 0) out.push('noticeScore')
  if (s.complaint > 0) out.push('complains')
  if (s.atRisk > 0) out.push('atRisk')
  for (const f of text.names) out.push(f)
  return { names: out, chars: text.chars }
}

/** A message's kind features less the given cues and the words they fired on. */
export function withoutCues(bag: FeatureBag, s: KindSignals, cues: readonly CueKind[]): FeatureBag {
  const dropped = new Set<string>()
  for (const cue of cues) {
    for (const name of cueFeatures(cue)) dropped.add(name)
    for (const hit of s.features.cues.get(cue) ?? []) dropped.add(wordFeature(hit.word))
  }
  return { names: bag.names.filter((n) => !dropped.has(n)), chars: bag.chars }
}
