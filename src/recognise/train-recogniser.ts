import { categoryFeatures } from './category-features.js'
import { KINDS } from './decide-kind.js'
import { findEmergency } from './decide-urgency.js'
import type { LabelledMessage } from './evaluation.js'
import { extractInfantMonths } from './extract-age.js'
import type { Handler } from './handler.js'
import { kindFeatures } from './kind-features.js'
import { featureNames } from './linear-model.js'
import { readKindSignals } from './kind-signals.js'
import type { RecogniserModels } from './models.js'
import { createFeatureReader } from './recognise.js'
import { textFeatures } from './text-features.js'
import { trainLinearModel, TRAINING, type TrainingOptions } from './train-linear-model.js'

/**
 * Trains both scorers from labelled messages, reading each message exactly as the recogniser
 * will: the kind scorer on every message, the category scorer on the requests.
 */
export function trainRecogniser(
  handlers: readonly Handler[],
  messages: readonly LabelledMessage[],
  options: TrainingOptions = TRAINING,
): RecogniserModels {
  const read = createFeatureReader(handlers)
  const known = new Set(handlers.map((h) => h.category))
  const examples = messages.map((m) => {
    const features = read(m.text)
    const emergency = findEmergency(features, () => extractInfantMonths(features.digits)).length > 0
    const text = textFeatures(features)
    return {
      message: m,
      kind: featureNames(kindFeatures(readKindSignals(features, emergency), text)),
      category: featureNames(categoryFeatures(features, emergency, text)),
    }
  })
  const kind = trainLinearModel(KINDS, examples.map((e) => ({ features: e.kind, label: e.message.kind })), options)
  const requests = examples.filter((e) => e.message.kind === 'request' && known.has(e.message.category ?? ''))
  const categories = handlers.map((h) => h.category).filter((c) => requests.some((e) => e.message.category === c))
  const category = trainLinearModel(categories, requests.map((e) => ({ features: e.category, label: e.message.category! })), options)
  return { kind, category }
}
