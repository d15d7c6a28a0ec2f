import type { Features } from './features.js'
import { kindFeatures } from './kind-features.js'
import { readKindSignals } from './kind-signals.js'
import { predict, type FeatureBag, type Prediction, type Scorer } from './linear-model.js'
import type { Evidence, Kind } from './types.js'

export const KINDS: readonly Kind[] = ['request', 'offer', 'none']

/**
 * request, offer or none, as the scorer trained on the corpus weighs the message's signals, words
 * and characters. Hand-written first-match rules were tried first: they fitted the messages they
 * were written from (98% macro-F1) and missed unseen ones (91%); the scorer weighs the same signals
 * and does better on text it never saw (see the README).
 */
export function decideKind(features: Features, emergency: boolean, text: FeatureBag, scorer: Scorer<Kind>): Prediction<Kind> {
  return predict(scorer, kindFeatures(readKindSignals(features, emergency), text))
}

/** What the scorer decided, how sure it was, and the features that weighed most. */
export function scorerEvidence(what: string, prediction: Prediction<string>): Evidence {
  const reasons = prediction.reasons().map((r) => `${r.feature} +${r.weight}`).join(' · ')
  return { rule: `${what}:${prediction.label} (${Math.round(prediction.confidence * 100)}%)`, text: reasons, weight: +prediction.confidence.toFixed(2) }
}
