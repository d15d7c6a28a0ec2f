import { categoryFeatures } from './category-features.js'
import type { CategoryScore, Features } from './features.js'
import type { Handler } from './handler.js'
import { predict, predictionEvidence, type FeatureBag, type Prediction, type Scorer } from './linear-model.js'
import type { Evidence } from './types.js'

/** The handler, and either the scorer's prediction or, for a handler it was not trained on, the words' verdict. */
export type CategoryDecision =
  | { readonly handler: Handler; readonly prediction: Prediction<string> }
  | { readonly handler: Handler; readonly byWords: Evidence }

export function categoryEvidence(decision: CategoryDecision): Evidence {
  return 'prediction' in decision ? predictionEvidence('category', decision.prediction) : decision.byWords
}

/**
 * The scorer trained on the corpus picks among the categories it was trained on. A handler added
 * since (one file and one line in handlers/index.ts) is recognised by its own words until labelled
 * examples are added and `npm run train` is run: when its words claim the message, it wins.
 */
export type DecideCategory = (features: Features, emergency: boolean, text: FeatureBag) => CategoryDecision

export function createCategoryDecider(handlers: readonly Handler[], scorer: Scorer): DecideCategory {
  // Only a handler the scorer was not trained on needs the words' own verdict.
  const untrained = handlers.some((h) => !scorer.model.labels.includes(h.category))
  return (features, emergency, text) => {
    if (untrained) {
      const byWords = claimByWords(features, handlers, emergency)
      if (!scorer.model.labels.includes(byWords.handler.category)) return byWords
    }
    const prediction = predict(scorer, categoryFeatures(features, emergency, text))
    const handler = handlers.find((h) => h.category === prediction.label)
    return handler ? { handler, prediction } : claimByWords(features, handlers, emergency)
  }
}

/**
 * By the handlers' words alone: a category is claimed when its topic and one of its asks or
 * problems both fired (有没有 + 退烧药); the strongest ask or problem wins, then the heavier topic,
 * then priority. An unclaimed emergency goes to the fever handler when a fever is described, else to
 * the fallback; otherwise the heaviest topic; with no topic, the fallback handler.
 */
function claimByWords(features: Features, handlers: readonly Handler[], emergency: boolean): CategoryDecision {
  const scores = [...features.scores.values()]
  const claimed = scores.filter((s) => s.topic > 0 && (s.ask > 0 || s.problem > 0))
  if (claimed.length > 0) {
    const best = claimed.sort((a, b) => strength(b) - strength(a) || b.topic - a.topic || byPriority(a, b))[0]!
    return { handler: best.handler, byWords: describe('claimed', best) }
  }
  const fallback = handlers.find((h) => h.fallback) ?? handlers[handlers.length - 1]!
  if (emergency) {
    const medical = scores.find((s) => s.handler.meansFever && s.strongTopics > 0)
    if (medical) return { handler: medical.handler, byWords: describe('emergency with fever', medical) }
    return { handler: fallback, byWords: { rule: `category:${fallback.category} (by words: emergency without fever)` } }
  }
  const topical = scores.filter((s) => s.topic > 0)
  if (topical.length > 0) {
    const best = topical.sort((a, b) => b.topic - a.topic || byPriority(a, b))[0]!
    return { handler: best.handler, byWords: describe('heaviest topic', best) }
  }
  return { handler: fallback, byWords: { rule: `category:${fallback.category} (by words: fallback)` } }
}

function strength(score: CategoryScore): number {
  return Math.max(score.ask, score.problem)
}

function byPriority(a: CategoryScore, b: CategoryScore): number {
  return b.handler.priority - a.handler.priority
}

function describe(how: string, score: CategoryScore): Evidence {
  return {
    rule: `category:${score.handler.category} (by words, ${how}: topic ${score.topic}, ask ${score.ask}, problem ${score.problem})`,
    weight: score.topic + score.ask + score.problem,
  }
}
