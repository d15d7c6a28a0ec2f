import { categoryFeatures } from './category-features.js'
import { KINDS } from './decide-kind.js'
import { BLOOD_OXYGEN_RULE, findEmergency, YOUNG_INFANT_RULE } from './decide-urgency.js'
import type { LabelledMessage } from './evaluation.js'
import { extractInfantMonths } from './extract-age.js'
import type { Handler } from './handler.js'
import { kindFeatures, withEmergency } from './kind-features.js'
import { createScorer, featureNames, predict } from './linear-model.js'
import { readKindSignals } from './kind-signals.js'
import type { RecogniserModels } from './models.js'
import { createFeatureReader } from './recognise.js'
import { EMERGENCY_LABELS, scoredEmergency } from './score-emergency.js'
import { textFeatures } from './text-features.js'
import { trainLinearModel, TRAINING, type TrainingOptions } from './train-linear-model.js'

/**
 * Trains the three scorers from labelled messages, reading each message exactly as the recogniser
 * will: the emergency scorer on every message first (whether a danger sign is found is one of the
 * others' features, and the scorer finds some), then the kind scorer on every message and the
 * category scorer on the requests.
 */
export function trainRecogniser(
  handlers: readonly Handler[],
  messages: readonly LabelledMessage[],
  options: TrainingOptions = TRAINING,
): RecogniserModels {
  const read = createFeatureReader(handlers)
  const known = new Set(handlers.map((h) => h.category))
  const readings = messages.map((m) => {
    const features = read(m.text)
    const text = textFeatures(features)
    const signals = readKindSignals(features)
    const found = findEmergency(features, () => extractInfantMonths(features.digits))
    const byNumber = found.length > 0 && found.every((e) => e.rule === BLOOD_OXYGEN_RULE || e.rule === YOUNG_INFANT_RULE)
    return { message: m, features, text, signals, kindBag: kindFeatures(signals, text), signs: found.length > 0, byNumber }
  })
  // An emergency read from a number alone (血氧88, a baby of 50 days with a fever) teaches the emergency
  // scorer nothing it can use: it reads every digit as 0, and would learn that 宝宝3天没拉 is danger.
  const emergencyModel = trainLinearModel(
    EMERGENCY_LABELS,
    readings
      .filter((r) => !r.byNumber)
      .map((r) => ({ features: featureNames(r.kindBag), label: r.message.urgency === 'emergency' ? 'emergency' : 'other' })),
    options,
  )
  const emergencyScorer = createScorer(emergencyModel)
  const examples = readings.map((r) => {
    const emergency = r.signs || scoredEmergency(predict(emergencyScorer, r.kindBag), r.signals).length > 0
    return {
      message: r.message,
      kind: featureNames(emergency ? withEmergency(r.kindBag) : r.kindBag),
      category: featureNames(categoryFeatures(r.features, emergency, r.text)),
    }
  })
  const kind = trainLinearModel(KINDS, examples.map((e) => ({ features: e.kind, label: e.message.kind })), options)
  const requests = examples.filter((e) => e.message.kind === 'request' && known.has(e.message.category ?? ''))
  const categories = handlers.map((h) => h.category).filter((c) => requests.some((e) => e.message.category === c))
  const category = trainLinearModel(categories, requests.map((e) => ({ features: e.category, label: e.message.category! })), options)
  return { kind, category, emergency: emergencyModel }
}
