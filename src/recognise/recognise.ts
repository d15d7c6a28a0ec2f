import { withArabicNumerals } from './chinese-numerals.js'
import { categoryEvidence, createCategoryDecider, type CategoryDecision } from './decide-category.js'
import { decideKind } from './decide-kind.js'
import { DANGER_WORDS, findDangerPhrases } from './danger-phrases.js'
import { decideUrgency, findEmergency, SELF_HARM_RULE } from './decide-urgency.js'
import { extractInfantMonths } from './extract-age.js'
import { extractBloodOxygen } from './extract-blood-oxygen.js'
import { extractFields } from './extract-fields.js'
import { extractTemperature } from './extract-temperature.js'
import { readFeatures, type Features, type LexiconHit } from './features.js'
import type { Handler } from './handler.js'
import { kindFeatures } from './kind-features.js'
import { readKindSignals } from './kind-signals.js'
import { buildLexicon } from './lexicon.js'
import { createJointScorer, createScorer, predictBoth, predictionEvidence, type FeatureBag, type Prediction } from './linear-model.js'
import { loadRecogniserModels, type RecogniserModels } from './models.js'
import { normaliseText } from './normalise.js'
import { scoredEmergency } from './score-emergency.js'
import { textFeatures } from './text-features.js'
import type { Evidence, Fields, Kind, Recognition, Urgency } from './types.js'

export type Recognise = (text: string) => Recognition

const HAS_CHINESE_NUMERAL = /[零〇一二两俩三仨四五六七八九十百]/

/** Reads a message into the features every decision uses. */
export function createFeatureReader(handlers: readonly Handler[]): (input: string) => Features {
  const lexicon = buildLexicon(handlers, DANGER_WORDS)
  return (input) => {
    const text = normaliseText(typeof input === 'string' ? input : '')
    const digits = HAS_CHINESE_NUMERAL.test(text.plain) ? withArabicNumerals(text.plain) : text.plain
    const numbers = { temperatureC: extractTemperature(digits), bloodOxygen: extractBloodOxygen(digits) }
    const words = lexicon.findAll(text.plain)
    const phrases = findDangerPhrases(text.plain)
    const hits = phrases.length === 0 ? words : [...words, ...phrases].sort(byStart)
    return readFeatures(text, digits, hits, handlers, numbers)
  }
}

function byStart(a: LexiconHit, b: LexiconHit): number {
  return a.start - b.start
}

/**
 * Builds the recogniser for a set of handlers and the trained scorers (read once, here). Then pure and
 * deterministic: the same text always gives the same answer, with no I/O, so the bot, `scripts/classify.ts` and the tests share this path.
 */
export function createRecogniser(handlers: readonly Handler[], models: RecogniserModels = loadRecogniserModels()): Recognise {
  const read = createFeatureReader(handlers)
  const kindAndEmergency = createJointScorer(models.kind, models.emergency)
  const predictKind = (bag: FeatureBag) => predictBoth(kindAndEmergency, bag)[0]
  const decideCategory = createCategoryDecider(handlers, createScorer(models.category))
  return (input) => {
    const features = read(input)
    const text = textFeatures(features)
    const signals = readKindSignals(features)
    const kindBag = kindFeatures(signals, text)
    const signs = findEmergency(features, () => extractInfantMonths(features.digits))
    let emergency = signs
    let kindWithoutSign: Prediction<Kind> | undefined
    if (signs.length === 0) {
      const [kindPrediction, emergencyPrediction] = predictBoth(kindAndEmergency, kindBag)
      kindWithoutSign = kindPrediction
      emergency = scoredEmergency(emergencyPrediction, signals)
    }
    const kind = decideKind(signals, kindBag, emergency.length > 0, predictKind, kindWithoutSign)
    if (kind.label !== 'request') return answer(kind.label, null, null, {}, { features, kind })
    const category = decideCategory(features, emergency.length > 0, text)
    const fields = extractFields(features)
    const urgency = decideUrgency(features, category.handler, fields, emergency)
    return answer('request', category.handler.category, urgency.urgency, fields, { features, kind, category, urgency: urgency.evidence })
  }
}

// The constructor's arguments follow the Recognition union (a request has all three; other kinds none).
function answer(kind: 'request', category: string, urgency: Urgency, fields: Fields, basis: Basis): Recognition
function answer(kind: 'offer' | 'none', category: null, urgency: null, fields: Record<string, never>, basis: Basis): Recognition
function answer(kind: Kind, category: string | null, urgency: Urgency | null, fields: Fields, basis: Basis): Recognition {
  return new Answer(kind, category, urgency, fields, basis) as Recognition
}

/** What an answer was decided from, kept for `explain`. */
interface Basis {
  readonly features: Features
  readonly kind: Prediction<Kind>
  readonly category?: CategoryDecision
  readonly urgency?: readonly Evidence[]
}

/**
 * The answer as plain fields, with its evidence worked out only when asked for (--explain): a
 * running bot never pays for it. The basis is private, so it is in no copy or JSON of the answer.
 */
class Answer {
  readonly #basis: Basis

  constructor(
    readonly kind: Kind,
    readonly category: string | null,
    readonly urgency: Urgency | null,
    readonly fields: Fields,
    basis: Basis,
  ) {
    this.#basis = basis
  }

  /** Read from the basis, like the evidence, so the answer's JSON stays the contract's. */
  get selfHarm(): boolean {
    return this.#basis.urgency?.some((e) => e.rule === SELF_HARM_RULE) ?? false
  }

  explain(): Evidence[] {
    const { features, kind, category, urgency } = this.#basis
    return [
      ...describeHits(features),
      predictionEvidence('kind', kind),
      ...(category ? [categoryEvidence(category)] : []),
      ...(urgency ?? []),
    ]
  }
}

function describeHits(features: Features): Evidence[] {
  const evidence: Evidence[] = []
  for (const hit of features.hits) {
    const entry = hit.value
    if (entry.source === 'handler') evidence.push({ rule: `${entry.role}:${entry.category}`, text: hit.word, weight: entry.weight })
    else if (entry.source === 'cue') evidence.push({ rule: `cue:${entry.cue}`, text: hit.word })
  }
  for (const hit of features.negated) evidence.push({ rule: 'negated', text: hit.word })
  for (const hit of features.hypothetical) evidence.push({ rule: 'hypothetical', text: hit.word })
  if (features.temperatureC !== undefined) evidence.push({ rule: 'temperature', text: `${features.temperatureC}` })
  if (features.bloodOxygen !== undefined) evidence.push({ rule: 'blood oxygen', text: `${features.bloodOxygen}` })
  return evidence
}
