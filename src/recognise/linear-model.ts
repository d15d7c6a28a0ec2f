import { readFileSync } from 'node:fs'
import type { Evidence } from './types.js'

/**
 * A multinomial logistic regression over named features, trained by `npm run train`
 * (scripts/train.ts) from the labelled corpus and committed as JSON. Names rather than hashed
 * numbers, so the weights can be read and a decision traced to the words behind it.
 */
export interface LinearModel<Label extends string = string> {
  readonly labels: readonly Label[]
  /** One weight per label, in the order of `labels`, for each feature training saw often enough. */
  readonly weights: ReadonlyMap<string, readonly number[]>
}

export interface Prediction<Label extends string> {
  readonly label: Label
  /** The winner's probability. */
  readonly confidence: number
  /** The features that pushed hardest towards the winner, for evidence. */
  reasons(): readonly Reason[]
}

export interface Reason {
  readonly feature: string
  readonly weight: number
}

/** `labels` when the model must decide among exactly these (kinds); else whatever it was trained on (categories). */
export function parseLinearModel<Label extends string>(json: string, name: string, expected?: readonly Label[]): LinearModel<Label> {
  const value: unknown = JSON.parse(json)
  if (typeof value !== 'object' || value === null) throw new Error(`${name}: not an object`)
  const o = value as Record<string, unknown>
  if (!Array.isArray(o.labels) || o.labels.length < 2 || !o.labels.every((l) => typeof l === 'string')) throw new Error(`${name}: no labels`)
  if (expected && JSON.stringify(o.labels) !== JSON.stringify(expected)) throw new Error(`${name}: labels must be ${expected.join(', ')}`)
  const labels = o.labels as Label[]
  if (typeof o.weights !== 'object' || o.weights === null) throw new Error(`${name}: no weights`)
  const weights = new Map<string, readonly number[]>()
  for (const [feature, w] of Object.entries(o.weights)) {
    if (!Array.isArray(w) || w.length !== labels.length || !w.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new Error(`${name}: bad weights for ${feature}`)
    }
    weights.set(feature, w as number[])
  }
  return { labels, weights }
}

export function loadLinearModel<Label extends string>(path: URL, expected?: readonly Label[]): LinearModel<Label> {
  return parseLinearModel(readFileSync(path, 'utf8'), path.pathname.split('/').pop()!, expected)
}

/** One feature per line, sorted, four decimals: a retrained model diffs readably. */
export function serialiseLinearModel(model: LinearModel): string {
  const sorted = [...model.weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const lines = sorted.map(([f, w]) => `    ${JSON.stringify(f)}: [${w.map((x) => +x.toFixed(4)).join(', ')}]`)
  return `{\n  "labels": ${JSON.stringify(model.labels)},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`
}

/**
 * A feature by its interned number: a name always gives the same one, so a scorer finds the weights
 * of a message's features by index instead of hashing each name per message.
 */
export type Feature = number & { readonly __brand: 'Feature' }

const IDS = new Map<string, Feature>()
const NAMES: string[] = []
// Every model's features are interned when it is loaded, so this only bounds open-ended names (a
// flood of new emoji codes or first characters), which then go unweighted instead of growing memory.
const MAX_FEATURES = 500_000
/** A name first seen after MAX_FEATURES: no model knows it. */
export const UNKNOWN_FEATURE = -1 as Feature

export function feature(name: string): Feature {
  let id = IDS.get(name)
  if (id === undefined) {
    if (NAMES.length >= MAX_FEATURES) return UNKNOWN_FEATURE
    id = NAMES.length as Feature
    IDS.set(name, id)
    NAMES.push(name)
  }
  return id
}

export function featureName(f: Feature): string {
  return NAMES[f] ?? '(unknown)'
}

/**
 * A message's features as the scorers read them: named ones (`word:退烧药`, `cue:ask:1`), and the
 * text's characters, each next two of which make a pair (`bi:有没` in the weights). Pairs are most of
 * the features, so they are looked up by character code without building a string for each.
 */
export interface FeatureBag {
  readonly features: readonly Feature[]
  /** UTF-16 code units; BREAK between stretches of text that do not touch. */
  readonly chars: readonly number[]
}

export const BREAK = -1

const PAIR = 'bi:'

/** Every feature by name, as training sees them. */
export function featureNames(bag: FeatureBag): string[] {
  const names = bag.features.map(featureName)
  for (let i = 0; i + 1 < bag.chars.length; i++) {
    const [a, b] = [bag.chars[i]!, bag.chars[i + 1]!]
    if (a !== BREAK && b !== BREAK) names.push(PAIR + String.fromCharCode(a, b))
  }
  return names
}

/** A model ready to score: its named features' weights by feature number, its pairs' by their two characters. */
export interface Scorer<Label extends string = string> {
  readonly model: LinearModel<Label>
  /** Where each named feature's weights start in `weights`, by feature id; -1 for one the model lacks. */
  readonly rows: Int32Array
  /** In whole `unit`s. */
  readonly weights: Int16Array
  readonly pairs: PairTable
  /** What one step of a stored weight is worth. */
  readonly unit: number
  readonly totals: Float64Array
}

// A model file keeps four decimals (serialiseLinearModel), so its weights are whole ten-thousandths and,
// below 3.2767, fit 16 bits exactly: the tables are half the size of 32-bit floats', and the sums are
// exact. A model with larger weights (or one fresh from training, not yet rounded) is stored in the
// coarsest steps that fit, which rounds it a little.
const FILE_UNIT = 1e-4
const LARGEST_STEP = 0x7fff

function unitFor(model: LinearModel): number {
  let largest = 0
  for (const w of model.weights.values()) for (const x of w) largest = Math.max(largest, Math.abs(x))
  return Math.max(FILE_UNIT, largest / LARGEST_STEP)
}

/** A feature's weights, in whole units, into `table` from `at`. */
function storeWeights(table: Int16Array, at: number, weights: readonly number[], unit: number): void {
  weights.forEach((x, k) => (table[at + k] = Math.round(x / unit)))
}

/**
 * Open addressing over the pairs' keys (two UTF-16 code units in one Int32), each key followed by its
 * 16-bit weights in one record: a pair costs a multiply, a probe or two and a few adds, with no
 * allocation, and a pair the model knows is read from one cache line. The tables outgrow the fastest
 * caches, so their size and the lines a lookup touches are what a score costs.
 */
class PairTable {
  /** Records of `stride` Int32 words: the key, then the weights as Int16 (read through `weights`). */
  private readonly keys: Int32Array
  readonly weights: Int16Array
  private readonly stride: number
  private readonly mask: number
  private readonly shift: number

  constructor(entries: readonly (readonly [number, readonly number[]])[], width: number, unit: number) {
    let bits = 4
    // At most seven slots in ten full: a probe past a key usually stays in the same cache line, and a
    // table is not doubled (out of the cache it fitted) for a few more pairs than three in five allows.
    while (1 << bits < entries.length / 0.7) bits++
    this.shift = 32 - bits
    this.mask = (1 << bits) - 1
    this.stride = 1 + Math.ceil(width / 2)
    const buffer = new ArrayBuffer((this.stride << bits) * 4)
    this.keys = new Int32Array(buffer)
    this.weights = new Int16Array(buffer)
    for (const [key, w] of entries) {
      // An empty slot's key is 0 and its weights are 0, so a message's pair of NUL characters lands on one
      // and adds nothing; a model's would be lost among the empty slots.
      if (key === EMPTY) throw new Error('a pair of NUL characters cannot be scored')
      let slot = this.slotOf(key)
      while (this.keys[slot * this.stride] !== EMPTY) slot = (slot + 1) & this.mask
      this.keys[slot * this.stride] = key
      storeWeights(this.weights, (slot * this.stride + 1) * 2, w, unit)
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift
  }

  /** Where the key's weights start in `weights`, or -1. */
  find(key: number): number {
    const { keys, stride, mask } = this
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      const at = slot * stride
      const found = keys[at]!
      if (found === key) return (at + 1) * 2
      if (found === EMPTY) return -1
    }
  }
}

const EMPTY = 0

function pairKey(first: number, second: number): number {
  return (first << 16) | second
}

export function createScorer<Label extends string>(model: LinearModel<Label>): Scorer<Label> {
  const named: [Feature, readonly number[]][] = []
  const pairs: [number, readonly number[]][] = []
  for (const [name, w] of model.weights) {
    if (name.startsWith(PAIR) && name.length === PAIR.length + 2) pairs.push([pairKey(name.charCodeAt(PAIR.length), name.charCodeAt(PAIR.length + 1)), w])
    else named.push([feature(name), w])
  }
  const width = model.labels.length
  const unit = unitFor(model)
  const rows = new Int32Array(named.reduce((most, [f]) => Math.max(most, f + 1), 0)).fill(-1)
  const weights = new Int16Array(named.length * width)
  named.forEach(([f, w], row) => {
    rows[f] = row * width
    storeWeights(weights, row * width, w, unit)
  })
  return { model, rows, weights, pairs: new PairTable(pairs, width, unit), unit, totals: new Float64Array(width) }
}

/** The best label for a message's features (a feature that occurs twice counts twice, as in training). */
export function predict<Label extends string>(scorer: Scorer<Label>, bag: FeatureBag): Prediction<Label> {
  const totals = sum(scorer, bag)
  return choose(scorer.model, totals, 0, totals.length, bag)
}

/**
 * Two models over the same features, their weights side by side in one table: a message's features are
 * looked up once for both. The lookups, not the adds, are what a score costs, and a second table of
 * its own would crowd the first out of the cache.
 */
export interface JointScorer<First extends string, Second extends string> {
  readonly first: LinearModel<First>
  readonly second: LinearModel<Second>
  readonly scorer: Scorer
}

export function createJointScorer<First extends string, Second extends string>(
  first: LinearModel<First>,
  second: LinearModel<Second>,
): JointScorer<First, Second> {
  const zeros = (n: number) => new Array<number>(n).fill(0)
  const weights = new Map<string, readonly number[]>()
  for (const name of new Set([...first.weights.keys(), ...second.weights.keys()])) {
    weights.set(name, [...(first.weights.get(name) ?? zeros(first.labels.length)), ...(second.weights.get(name) ?? zeros(second.labels.length))])
  }
  return { first, second, scorer: createScorer({ labels: [...first.labels, ...second.labels], weights }) }
}

/** Both models' best labels for the same features. */
export function predictBoth<First extends string, Second extends string>(
  joint: JointScorer<First, Second>,
  bag: FeatureBag,
): [Prediction<First>, Prediction<Second>] {
  const totals = sum(joint.scorer, bag)
  const split = joint.first.labels.length
  return [choose(joint.first, totals, 0, split, bag), choose(joint.second, totals, split, totals.length, bag)]
}

/** Every label's total for the features, in the scorer's one buffer (a typed array per message costs more than the arithmetic). */
function sum(scorer: Scorer, bag: FeatureBag): Float64Array {
  const totals = scorer.totals
  totals.fill(0)
  const { rows, pairs } = scorer
  for (const f of bag.features) {
    const at = f >= 0 && f < rows.length ? rows[f]! : -1
    if (at >= 0) for (let k = 0; k < totals.length; k++) totals[k]! += scorer.weights[at + k]!
  }
  const weights = pairs.weights
  const chars = bag.chars
  for (let i = 1; i < chars.length; i++) {
    const first = chars[i - 1]!
    const second = chars[i]!
    if (first === BREAK || second === BREAK) continue
    const at = pairs.find(pairKey(first, second))
    if (at >= 0) for (let k = 0; k < totals.length; k++) totals[k]! += weights[at + k]!
  }
  // Whole steps until here: the sums are exact.
  for (let k = 0; k < totals.length; k++) totals[k]! *= scorer.unit
  return totals
}

/** The softmax winner among `model`'s labels, whose totals stand at [from, to). */
function choose<Label extends string>(model: LinearModel<Label>, totals: Float64Array, from: number, to: number, bag: FeatureBag): Prediction<Label> {
  let best = from
  for (let k = from + 1; k < to; k++) if (totals[k]! > totals[best]!) best = k
  let partition = 0
  for (let k = from; k < to; k++) partition += Math.exp(totals[k]! - totals[best]!)
  return new ScoredPrediction(model.labels[best - from]!, 1 / partition, model, bag, best - from)
}

/**
 * What a scorer decided (`kind`, `category`), how sure it was, and the features that weighed most. The
 * features are named only when the text is read (--explain, a coordinator's why): a danger the emergency
 * scorer finds carries this evidence from the moment it is found, and naming them costs more than the
 * score did. `rule` replaces the decision's name where the evidence is a rule's (emergency: scorer).
 */
export function predictionEvidence(what: string, prediction: Prediction<string>, rule?: string): Evidence {
  let text: string | undefined
  return {
    rule: rule ?? `${what}:${prediction.label} (${Math.round(prediction.confidence * 100)}%)`,
    get text() {
      text ??= prediction.reasons().map((r) => `${r.feature} +${r.weight}`).join(' · ')
      return text
    },
    weight: +prediction.confidence.toFixed(2),
  }
}

/** A rule's verdict in place of the scorer's, saying so in the reasons. */
export function overruled<Label extends string>(prediction: Prediction<Label>, label: Label, rule: string): Prediction<Label> {
  return { label, confidence: 1, reasons: () => [{ feature: `rule:${rule} (scorer said ${prediction.label})`, weight: 1 }] }
}

class ScoredPrediction<Label extends string> implements Prediction<Label> {
  constructor(
    readonly label: Label,
    readonly confidence: number,
    private readonly model: LinearModel,
    private readonly bag: FeatureBag,
    private readonly best: number,
  ) {}

  /** Read only by --explain: a running bot never pays for it. */
  reasons(): Reason[] {
    return strongestReasons(this.model, [...new Set(featureNames(this.bag))], this.best)
  }
}

function strongestReasons(model: LinearModel, features: readonly string[], best: number): Reason[] {
  return features
    .flatMap((feature) => {
      const w = model.weights.get(feature)
      if (!w) return []
      const rival = Math.max(...w.filter((_, k) => k !== best))
      const weight = +(w[best]! - rival).toFixed(2)
      return feature === 'bias' || weight <= 0 ? [] : [{ feature, weight }]
    })
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 5)
}
