import { withArabicNumerals } from './chinese-numerals.js'
import { decideCategory } from './decide-category.js'
import { decideKind } from './decide-kind.js'
import { decideUrgency, findEmergency } from './decide-urgency.js'
import { extractInfantMonths } from './extract-age.js'
import { extractBloodOxygen } from './extract-blood-oxygen.js'
import { extractFields } from './extract-fields.js'
import { extractTemperature } from './extract-temperature.js'
import { readFeatures, type Features } from './features.js'
import type { Handler } from './handler.js'
import { buildLexicon } from './lexicon.js'
import { normaliseText } from './normalise.js'
import type { Evidence, Recognition } from './types.js'

export type Recognise = (text: string) => Recognition

const HAS_CHINESE_NUMERAL = /[零〇一二两三四五六七八九十百]/

/** Reads a message into the features every decision uses. */
function createFeatureReader(handlers: readonly Handler[]): (input: string) => Features {
  const lexicon = buildLexicon(handlers)
  return (input) => {
    const text = normaliseText(typeof input === 'string' ? input : '')
    const digits = HAS_CHINESE_NUMERAL.test(text.plain) ? withArabicNumerals(text.plain) : text.plain
    const numbers = { temperatureC: extractTemperature(digits), bloodOxygen: extractBloodOxygen(digits) }
    return readFeatures(text, digits, lexicon.findAll(text.plain), handlers, numbers)
  }
}

/**
 * Builds the recogniser for a set of handlers. Pure and deterministic: the same text always gives the same
 * answer, with no I/O, so the bot, `scripts/classify.ts` and the tests share this path.
 */
export function createRecogniser(handlers: readonly Handler[]): Recognise {
  const read = createFeatureReader(handlers)
  return (input) => {
    const features = read(input)
    const emergency = findEmergency(features, () => extractInfantMonths(features.digits))
    const kind = decideKind(features, emergency.length > 0)
    const evidence = [...describeHits(features), ...kind.evidence]
    if (kind.kind !== 'request') {
      return { kind: kind.kind, category: null, urgency: null, fields: {}, evidence }
    }
    const category = decideCategory(features, handlers, emergency.length > 0)
    const fields = extractFields(features)
    const urgency = decideUrgency(features, category.handler, fields, emergency)
    return {
      kind: 'request',
      category: category.handler.category,
      urgency: urgency.urgency,
      fields,
      evidence: [...evidence, category.evidence, ...urgency.evidence],
    }
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
