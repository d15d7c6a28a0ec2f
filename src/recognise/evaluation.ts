import type { Fields, Kind, Urgency } from './types.js'

/** A corpus line: the message and its gold answer in the contract's shape. */
export interface LabelledMessage {
  readonly id: string
  readonly text: string
  readonly kind: Kind
  readonly category: string | null
  readonly urgency: Urgency | null
  readonly fields: Fields
}

export interface Answer {
  readonly kind: Kind
  readonly category: string | null
  readonly urgency: Urgency | null
  readonly fields: Fields
}

export interface Scores {
  readonly messages: number
  readonly kindMacroF1: number
  readonly kindF1: Record<Kind, number>
  /** Over gold requests the recogniser also took as requests. */
  readonly categoryAccuracy: number
  /** Over all gold requests: a missed request counts as wrong. */
  readonly categoryAccuracyStrict: number
  readonly urgencyAccuracy: number
  readonly urgencyAccuracyStrict: number
  readonly emergencyRecall: number
  readonly emergencies: number
  readonly falseEmergencies: number
  readonly falseEmergenciesPer400: number
  /** Each field stated in the gold or the answer, on requests taken as requests. */
  readonly fieldAccuracy: number
  readonly fieldAccuracyBy: Record<keyof Fields, number>
}

const KINDS: readonly Kind[] = ['request', 'offer', 'none']
const FIELD_KEYS: readonly (keyof Fields)[] = ['temperatureC', 'age', 'location', 'medicines']

export function isSameField(key: keyof Fields, gold: Fields[keyof Fields], got: Fields[keyof Fields]): boolean {
  if (gold === undefined || got === undefined) return gold === got
  if (key === 'temperatureC') return Math.abs((gold as number) - (got as number)) < 0.05
  if (key === 'medicines') return JSON.stringify(gold) === JSON.stringify(got)
  return gold === got
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)

export function scoreAnswers(gold: readonly LabelledMessage[], answers: readonly Answer[]): Scores {
  const kindF1 = {} as Record<Kind, number>
  for (const kind of KINDS) {
    let tp = 0, fp = 0, fn = 0
    gold.forEach((g, i) => {
      const got = answers[i]!.kind
      if (g.kind === kind && got === kind) tp++
      else if (got === kind) fp++
      else if (g.kind === kind) fn++
    })
    const precision = ratio(tp, tp + fp)
    const recall = ratio(tp, tp + fn)
    kindF1[kind] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  }
  let requests = 0, taken = 0, category = 0, urgency = 0
  let emergencies = 0, caught = 0, falseEmergencies = 0
  let fieldsTotal = 0, fieldsRight = 0
  const byField = Object.fromEntries(FIELD_KEYS.map((k) => [k, { right: 0, total: 0 }])) as Record<keyof Fields, { right: number; total: number }>
  gold.forEach((g, i) => {
    const got = answers[i]!
    if (got.urgency === 'emergency' && g.urgency !== 'emergency') falseEmergencies++
    if (g.urgency === 'emergency') {
      emergencies++
      if (got.urgency === 'emergency') caught++
    }
    if (g.kind !== 'request') return
    requests++
    if (got.kind !== 'request') return
    taken++
    if (got.category === g.category) category++
    if (got.urgency === g.urgency) urgency++
    for (const key of FIELD_KEYS) {
      if (g.fields[key] === undefined && got.fields[key] === undefined) continue
      const right = isSameField(key, g.fields[key], got.fields[key])
      fieldsTotal++
      byField[key].total++
      if (right) {
        fieldsRight++
        byField[key].right++
      }
    }
  })
  return {
    messages: gold.length,
    kindMacroF1: KINDS.reduce((sum, k) => sum + kindF1[k], 0) / KINDS.length,
    kindF1,
    categoryAccuracy: ratio(category, taken),
    categoryAccuracyStrict: ratio(category, requests),
    urgencyAccuracy: ratio(urgency, taken),
    urgencyAccuracyStrict: ratio(urgency, requests),
    emergencyRecall: ratio(caught, emergencies),
    emergencies,
    falseEmergencies,
    falseEmergenciesPer400: (falseEmergencies / Math.max(1, gold.length)) * 400,
    fieldAccuracy: ratio(fieldsRight, fieldsTotal),
    fieldAccuracyBy: Object.fromEntries(FIELD_KEYS.map((k) => [k, ratio(byField[k].right, byField[k].total)])) as Record<keyof Fields, number>,
  }
}
