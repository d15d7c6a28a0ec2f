import type { Features } from './features.js'
import type { Kind } from './types.js'

/**
 * A naive Bayes over character bigrams and the rules' own cue tags, trained on the tuning corpus
 * by `npm run train` (scripts/train-kind-model.ts). The rules decide; the model is consulted only
 * where the rules had weak evidence, to catch wordings no lexicon lists.
 */
export interface KindModel {
  readonly kinds: readonly Kind[]
  /** log P(kind) */
  readonly priors: readonly number[]
  /** token → log P(token | kind), for each kind in `kinds` order */
  readonly tokens: Readonly<Record<string, readonly number[]>>
  /** log P(unseen token | kind) */
  readonly unseen: readonly number[]
}

/** What the model reads of a message: its character bigrams and which cue kinds fired. */
export function modelTokens(features: Features): string[] {
  const text = features.text.plain.replace(/\s+/g, '')
  const tokens: string[] = []
  const limit = Math.min(text.length, 400)
  for (let i = 0; i + 1 < limit; i++) tokens.push(text.slice(i, i + 2))
  for (const cue of features.cues.keys()) tokens.push(`#${cue}`)
  for (const score of features.scores.values()) {
    if (score.topic > 0) tokens.push(`#topic`)
    if (score.problem > 0) tokens.push(`#problem`)
  }
  return tokens
}

/** P(kind | tokens) for each kind in the model's order. */
export function scoreKinds(model: KindModel, tokens: readonly string[]): number[] {
  const logs = [...model.priors]
  for (const token of tokens) {
    const row = model.tokens[token]
    if (!row) continue // a token never seen in training says nothing either way
    for (let k = 0; k < logs.length; k++) logs[k]! += row[k]!
  }
  const top = Math.max(...logs)
  const exp = logs.map((l) => Math.exp(l - top))
  const sum = exp.reduce((a, b) => a + b, 0)
  return exp.map((e) => e / sum)
}
