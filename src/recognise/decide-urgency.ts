import { cueCount, type Features } from './features.js'
import type { Handler } from './handler.js'
import { isFeverOver } from './signs-in-force.js'
import type { Evidence, Fields, Urgency } from './types.js'

/** The evidence rule of talk of self-harm, which changes what the bot answers (src/messages/resident.ts). */
export const SELF_HARM_RULE = 'emergency: self-harm'
/** The rules that read an emergency from a number: a blood-oxygen reading, a feverish baby's age. */
export const BLOOD_OXYGEN_RULE = 'emergency: blood oxygen'
export const YOUNG_INFANT_RULE = 'emergency: fever under 3 months'

const LOW_BLOOD_OXYGEN = 93
const HIGH_FEVER_C = 39
const ELDERLY_AGE = 70
const YOUNG_CHILD_AGE = 11
const YOUNG_INFANT_MONTHS = 3

const FEVERISH_C = 37.3
// A teenager is not the young child the contract means.
const OLDER_CHILD = /高中|初中|中学|大学|读高|上高|上初/

function hasFever(features: Features): boolean {
  if (features.temperatureC !== undefined && features.temperatureC >= FEVERISH_C) return true
  for (const score of features.scores.values()) if (score.fever > 0) return true
  return false
}

/**
 * Life-threatening signs (the contract's emergency list); empty when there are none.
 * `infantMonths` is asked only when a fever is present: most messages never need it.
 */
export function findEmergency(features: Features, infantMonths: () => number | undefined): Evidence[] {
  const found: Evidence[] = []
  for (const hit of features.cues.get('emergency') ?? []) found.push({ rule: 'emergency', text: hit.word })
  for (const hit of features.cues.get('selfHarm') ?? []) found.push({ rule: SELF_HARM_RULE, text: hit.word })
  const fever = hasFever(features)
  if (fever) for (const hit of features.cues.get('emergencyWithFever') ?? []) found.push({ rule: 'emergency: with fever', text: hit.word })
  if (cueCount(features, 'fall') > 0) {
    for (const hit of features.cues.get('cannotRise') ?? []) found.push({ rule: 'emergency: fall', text: hit.word })
  }
  // A puppy's fever or a cat's reading is no one's emergency.
  if (cueCount(features, 'pet') > 0) return found
  if (features.bloodOxygen !== undefined && features.bloodOxygen < LOW_BLOOD_OXYGEN) {
    found.push({ rule: BLOOD_OXYGEN_RULE, text: String(features.bloodOxygen) })
  }
  // 宝宝两个月打完疫苗有点低烧…现在已经退了: a baby's fever that is over is no emergency now.
  const months = fever && !isFeverOver(features.text.plain, features.hits, features.cues.get('resolved') ?? []) ? infantMonths() : undefined
  if (months !== undefined && months < YOUNG_INFANT_MONTHS) {
    found.push({ rule: YOUNG_INFANT_RULE, text: `${months} months` })
  }
  return found
}

/** Urgent (the contract's list) when not an emergency; otherwise normal. */
export function decideUrgency(
  features: Features,
  handler: Handler,
  fields: Fields,
  emergency: readonly Evidence[],
): { urgency: Urgency; evidence: Evidence[] } {
  if (emergency.length > 0) return { urgency: 'emergency', evidence: [...emergency] }
  const reasons: Evidence[] = []
  const fever = hasFever(features)
  const age = fields.age
  if (fields.temperatureC !== undefined && fields.temperatureC >= HIGH_FEVER_C) reasons.push({ rule: 'urgent: 39℃ or more' })
  // An elderly person with a fever needs fever help, whatever is asked for first (a ride, a meal).
  if ((handler.urgentForVulnerable || fever) && ((age !== undefined && age >= ELDERLY_AGE) || cueCount(features, 'elderly') > 0)) {
    reasons.push({ rule: 'urgent: elderly', text: features.cues.get('elderly')?.[0]?.word ?? `${age}` })
  }
  const youngChild =
    age !== undefined ? age <= YOUNG_CHILD_AGE : cueCount(features, 'child') + cueCount(features, 'baby') > 0 && !OLDER_CHILD.test(features.text.plain)
  if (fever && youngChild) reasons.push({ rule: 'urgent: young child with fever' })
  if (cueCount(features, 'pregnant') > 0) reasons.push({ rule: 'urgent: pregnant' })
  if (fever && cueCount(features, 'disease') > 0) reasons.push({ rule: 'urgent: underlying disease with fever' })
  for (const score of features.scores.values()) if (score.urgent) reasons.push({ rule: `urgent: ${score.handler.category} sign` })
  return { urgency: reasons.length > 0 ? 'urgent' : 'normal', evidence: reasons }
}
