import type { LinearModel } from './linear-model.js'

export interface TrainingExample<Label extends string> {
  readonly features: readonly string[]
  readonly label: Label
}

export interface TrainingOptions {
  /** A feature must occur in this many examples to get a weight: rarer ones are noise. */
  readonly minCount: number
  /** L2 penalty per weight. */
  readonly l2: number
  readonly iterations: number
  readonly learningRate: number
}

export const TRAINING: TrainingOptions = { minCount: 3, l2: 0.001, iterations: 400, learningRate: 0.3 }

/**
 * Full-batch gradient descent (AdaGrad steps) on the class-balanced log loss with an L2 penalty.
 * Deterministic: no shuffling, no randomness, a sorted vocabulary, so the same corpus always gives
 * the same weights. Each label weighs the same in total, so a rare one (offers) is not drowned out.
 */
export function trainLinearModel<Label extends string>(
  labels: readonly Label[],
  examples: readonly TrainingExample<Label>[],
  options: TrainingOptions = TRAINING,
): LinearModel<Label> {
  const counts = new Map<string, number>()
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1)
  const vocabulary = [...counts.entries()].filter(([, n]) => n >= options.minCount).map(([f]) => f).sort()
  const index = new Map(vocabulary.map((f, i) => [f, i]))
  const C = labels.length
  const rows = examples.map((e) => e.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])))
  const targets = examples.map((e) => labels.indexOf(e.label))
  const perLabel = labels.map((_, k) => targets.filter((t) => t === k).length)
  const exampleWeight = targets.map((t) => examples.length / (C * Math.max(1, perLabel[t]!)))

  const w = new Float64Array(vocabulary.length * C)
  const squares = new Float64Array(vocabulary.length * C)
  const grad = new Float64Array(vocabulary.length * C)
  const scores = new Float64Array(C)
  for (let it = 0; it < options.iterations; it++) {
    grad.fill(0)
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      scores.fill(0)
      for (const f of row) for (let k = 0; k < C; k++) scores[k]! += w[f * C + k]!
      let top = -Infinity
      for (let k = 0; k < C; k++) top = Math.max(top, scores[k]!)
      let sum = 0
      for (let k = 0; k < C; k++) sum += scores[k] = Math.exp(scores[k]! - top)
      for (let k = 0; k < C; k++) {
        const d = (exampleWeight[i]! * (scores[k]! / sum - (targets[i] === k ? 1 : 0))) / rows.length
        for (const f of row) grad[f * C + k]! += d
      }
    }
    for (let j = 0; j < w.length; j++) {
      const g = grad[j]! + options.l2 * w[j]!
      squares[j]! += g * g
      if (squares[j]! > 0) w[j]! -= (options.learningRate * g) / Math.sqrt(squares[j]!)
    }
  }
  const weights = new Map<string, number[]>()
  vocabulary.forEach((f, i) => {
    const row = Array.from(w.subarray(i * C, i * C + C))
    if (row.some((x) => Math.abs(x) >= 5e-5)) weights.set(f, row)
  })
  return { labels, weights }
}
