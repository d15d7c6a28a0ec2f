import type { Handler } from './handler.js'
import type { CategoryScore, Features } from './features.js'
import type { Evidence } from './types.js'

export interface CategoryDecision {
  readonly handler: Handler
  readonly evidence: Evidence
}

/**
 * A category is claimed when its topic and one of its asks or problems both fired (有没有 + 退烧药).
 * Among claimed categories the strongest ask wins (a question about taking a medicine, 5, beats
 * asking for one, 4, which beats 怎么办, 3); on a tie the heavier topic (下水道 返水 淹了 is drains, not
 * water supply), then the higher priority: medicine, being the physical need, beats fever advice.
 * An unclaimed emergency goes to the fever handler when a fever or infection is described, else to
 * the fallback. Otherwise the heaviest topic wins; with no topic, the fallback handler.
 */
export function decideCategory(features: Features, handlers: readonly Handler[], emergency: boolean): CategoryDecision {
  const scores = [...features.scores.values()]
  const claimed = scores.filter((s) => s.topic > 0 && (s.ask > 0 || s.problem > 0))
  if (claimed.length > 0) {
    const best = claimed.sort((a, b) => strength(b) - strength(a) || b.topic - a.topic || byPriority(a, b))[0]!
    return { handler: best.handler, evidence: describe('claimed', best) }
  }
  const fallback = handlers.find((h) => h.fallback) ?? handlers[handlers.length - 1]!
  if (emergency) {
    // Unclaimed, an emergency goes to the doctor when there is a fever or infection, else to anyone on duty.
    const medical = scores.find((s) => s.handler.meansFever && s.strongTopics > 0)
    if (medical) return { handler: medical.handler, evidence: describe('emergency with fever', medical) }
    return { handler: fallback, evidence: { rule: `category:${fallback.category} (emergency without fever)` } }
  }
  const topical = scores.filter((s) => s.topic > 0)
  if (topical.length > 0) {
    const best = topical.sort((a, b) => b.topic - a.topic || byPriority(a, b))[0]!
    return { handler: best.handler, evidence: describe('heaviest topic', best) }
  }
  return { handler: fallback, evidence: { rule: `category:${fallback.category} (fallback)` } }
}

function strength(score: CategoryScore): number {
  return Math.max(score.ask, score.problem)
}

function byPriority(a: CategoryScore, b: CategoryScore): number {
  return b.handler.priority - a.handler.priority
}

function describe(how: string, score: CategoryScore): Evidence {
  return {
    rule: `category:${score.handler.category} (${how}: topic ${score.topic}, ask ${score.ask}, problem ${score.problem})`,
    weight: score.topic + score.ask + score.problem,
  }
}
