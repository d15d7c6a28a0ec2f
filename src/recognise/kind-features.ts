import type { CueKind } from './cues.js'
import type { KindSignals } from './kind-signals.js'
import { feature, type Feature, type FeatureBag } from './linear-model.js'
import { bucketIndex, bucketNames, wordFeature } from './text-features.js'

const TOPIC_EDGES = [1, 3, 5, 8]
const OFFER_EDGES = [1, 2, 3, 5]
const TOPIC = bucketNames('topic:', TOPIC_EDGES).map(feature)
const OFFER = bucketNames('offerScore:', OFFER_EDGES).map(feature)
const WEIGHTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
const HANDLER_ASK = WEIGHTS.map((w) => feature(`handlerAsk:${w}`))
const HANDLER_PROBLEM = WEIGHTS.map((w) => feature(`handlerProblem:${w}`))
const BIAS = feature('bias')
const EMERGENCY = feature('emergency')
const QUESTION = feature('question')
const ASKS_OTHERS = feature('asksOthersToHelp')
const CLAIM = feature('claim')
const FEVER = feature('fever')
const STRONG_FEVER = feature('strongFever')
const OFFER_SELF = feature('offerSelf')
const FORWARD = feature('forwardScore')
const NOTICE = feature('noticeScore')
const COMPLAINS = feature('complains')
const AT_RISK = feature('atRisk')
const FAULT = feature('fault')
const INJURY = feature('injury')
const QUOTED = feature('quoted')

const COUNTED_CUES: readonly CueKind[] = [
  'ask', 'plea', 'problem', 'complaint', 'offer', 'offerStrong', 'offerSelf', 'resolved', 'thanks', 'notice', 'advert',
  'forward', 'chatter', 'greeting', 'sharing', 'laugh', 'hypothetical', 'elderly', 'child', 'baby', 'pregnant',
  'disease', 'need', 'fall',
]
const CUE_NAMES = COUNTED_CUES.map((cue) => [cue, ...cueFeatures(cue)] as const)

function cueFeatures(cue: CueKind): [once: Feature, more: Feature] {
  return [feature(`cue:${cue}:1`), feature(`cue:${cue}:2+`)]
}

/**
 * What the kind scorer weighs for one message: the signals the cue lists and patterns read
 * (bucketed), and the text's own features (textFeatures: its words and character pairs). The
 * emergency scorer weighs the same, before it is known whether there is a danger sign (withEmergency).
 */
export function kindFeatures(s: KindSignals, text: FeatureBag): FeatureBag {
  const out: Feature[] = [BIAS]
  if (s.question) out.push(QUESTION)
  if (s.asksOthersToHelp) out.push(ASKS_OTHERS)
  if (s.claim) out.push(CLAIM)
  if (s.fever) out.push(FEVER)
  if (s.strongFever) out.push(STRONG_FEVER)
  out.push(TOPIC[bucketIndex(s.topic, TOPIC_EDGES)]!, HANDLER_ASK[s.handlerAsk] ?? HANDLER_ASK[9]!, HANDLER_PROBLEM[s.handlerProblem] ?? HANDLER_PROBLEM[9]!)
  for (const [cue, once, more] of CUE_NAMES) {
    const n = s.features.cues.get(cue)?.length ?? 0
    if (n > 0) out.push(n >= 2 ? more : once)
  }
  out.push(OFFER[bucketIndex(s.offer, OFFER_EDGES)]!)
  if (s.offerSelf > 0) out.push(OFFER_SELF)
  if (s.forward > 0) out.push(FORWARD)
  if (s.notice > 0) out.push(NOTICE)
  if (s.complaint > 0) out.push(COMPLAINS)
  if (s.atRisk > 0) out.push(AT_RISK)
  if (s.fault) out.push(FAULT)
  if (s.injury) out.push(INJURY)
  if (s.features.text.marks.quoted) out.push(QUOTED)
  for (const f of text.features) out.push(f)
  return { features: out, chars: text.chars }
}

/** The kind features of a message in which a danger sign was found. */
export function withEmergency(bag: FeatureBag): FeatureBag {
  return { features: [EMERGENCY, ...bag.features], chars: bag.chars }
}

/** A message's kind features less the given cues and the words they fired on. */
export function withoutCues(bag: FeatureBag, s: KindSignals, cues: readonly CueKind[]): FeatureBag {
  const dropped = new Set<Feature>()
  for (const cue of cues) {
    for (const name of cueFeatures(cue)) dropped.add(name)
    for (const hit of s.features.cues.get(cue) ?? []) dropped.add(wordFeature(hit.word))
  }
  return { features: bag.features.filter((f) => !dropped.has(f)), chars: bag.chars }
}
