import type { CueKind } from './cues.js'
import type { Features } from './features.js'
import { feature, type Feature, type FeatureBag } from './linear-model.js'
import { bucketIndex, bucketNames } from './text-features.js'

const COUNTED_CUES: readonly CueKind[] = ['ask', 'plea', 'problem', 'complaint', 'need', 'elderly', 'child', 'baby', 'pregnant', 'disease', 'fall']
const CUE_NAMES = COUNTED_CUES.map((cue) => [cue, feature(`cue:${cue}`)] as const)
const BIAS = feature('bias')
const EMERGENCY = feature('emergency')
const TOPIC_EDGES = [1, 3, 5, 8]

// Built once per category: names made per message would be hashed per message.
const NAMES = new Map<string, ReturnType<typeof buildNames>>()
function buildNames(category: string) {
  const weights = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
  return {
    topic: bucketNames(`${category}:topic:`, TOPIC_EDGES).map(feature),
    ask: weights.map((w) => feature(`${category}:ask:${w}`)),
    problem: weights.map((w) => feature(`${category}:problem:${w}`)),
    fever: feature(`${category}:fever`),
    urgent: feature(`${category}:urgent`),
  }
}
function namesOf(category: string) {
  let names = NAMES.get(category)
  if (!names) NAMES.set(category, (names = buildNames(category)))
  return names
}

/**
 * What the category scorer weighs for a request: how strongly each handler's words point at it
 * (topic, ask, problem), the medicines named, the cues, and the text itself.
 */
export function categoryFeatures(features: Features, emergency: boolean, text: FeatureBag): FeatureBag {
  const out: Feature[] = [BIAS]
  for (const [category, s] of features.scores) {
    const names = namesOf(category)
    out.push(names.topic[bucketIndex(s.topic, TOPIC_EDGES)]!)
    if (s.ask > 0) out.push(names.ask[s.ask] ?? feature(`${category}:ask:${s.ask}`))
    if (s.problem > 0) out.push(names.problem[s.problem] ?? feature(`${category}:problem:${s.problem}`))
    if (s.fever > 0) out.push(names.fever)
    if (s.urgent) out.push(names.urgent)
  }
  for (const [cue, name] of CUE_NAMES) if (features.cues.has(cue)) out.push(name)
  if (emergency) out.push(EMERGENCY)
  for (const f of text.features) out.push(f)
  return { features: out, chars: text.chars }
}
