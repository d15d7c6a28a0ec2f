import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { handlers } from '../handlers/index.js'
import { loadCorpus } from '../src/recognise/corpus.js'
import { KINDS } from '../src/recognise/decide-kind.js'
import {
  BREAK,
  createJointScorer,
  createScorer,
  feature,
  featureNames,
  parseLinearModel,
  predict,
  predictBoth,
  serialiseLinearModel,
  type LinearModel,
} from '../src/recognise/linear-model.js'
import { MODEL_FILES, loadRecogniserModels } from '../src/recognise/models.js'
import { createFeatureReader } from '../src/recognise/recognise.js'
import { textFeatures } from '../src/recognise/text-features.js'
import { trainLinearModel } from '../src/recognise/train-linear-model.js'
import { trainRecogniser } from '../src/recognise/train-recogniser.js'
import { recognise } from './helpers/recogniser.js'

const chars = (text: string) => [...text].map((c) => c.charCodeAt(0))
const named = (...names: string[]) => names.map(feature)

describe('npm run train', () => {
  // The committed weights are what the corpus and the code make today: a lexicon word, a feature
  // or a corpus line changed without retraining fails here.
  it('rebuilds exactly the committed models from the training files', () => {
    const { tuning } = loadCorpus(fileURLToPath(new URL('./corpus', import.meta.url)))
    const models = trainRecogniser(handlers, tuning)
    expect(serialiseLinearModel(models.kind)).toBe(readFileSync(MODEL_FILES.kind, 'utf8'))
    expect(serialiseLinearModel(models.category)).toBe(readFileSync(MODEL_FILES.category, 'utf8'))
    expect(serialiseLinearModel(models.emergency)).toBe(readFileSync(MODEL_FILES.emergency, 'utf8'))
    // Training on 7,000 messages takes 4–7 s on this 2-core host, longer when other test files run beside it.
  }, 60_000)
})

describe('trainLinearModel', () => {
  const examples = [
    ...Array.from({ length: 6 }, () => ({ features: ['谁有', 'bi:退烧'], label: 'request' as const })),
    ...Array.from({ length: 6 }, () => ({ features: ['出售', 'bi:退烧'], label: 'none' as const })),
    ...Array.from({ length: 3 }, () => ({ features: ['多余', 'bi:退烧'], label: 'offer' as const })),
  ]

  it('learns which feature points where, and gives the same weights every time', () => {
    const a = trainLinearModel(KINDS, examples)
    const b = trainLinearModel(KINDS, examples)
    expect(serialiseLinearModel(a)).toBe(serialiseLinearModel(b))
    const scorer = createScorer(a)
    expect(predict(scorer, { features: named('谁有'), chars: [] }).label).toBe('request')
    expect(predict(scorer, { features: named('出售'), chars: chars('退烧') }).label).toBe('none')
    expect(predict(scorer, { features: named('多余'), chars: [] }).label).toBe('offer')
  })

  it('drops features seen fewer times than minCount', () => {
    const model = trainLinearModel(KINDS, [...examples, { features: ['一次'], label: 'request' }])
    expect(model.weights.has('一次')).toBe(false)
    expect(model.weights.has('谁有')).toBe(true)
  })
})

describe('the scorer', () => {
  const model: LinearModel = {
    labels: ['a', 'b'],
    weights: new Map([
      ['x', [1, 0]],
      ['bi:有没', [0, 2]],
    ]),
  }

  it('reads character pairs from the characters, and never across a break', () => {
    const scorer = createScorer(model)
    expect(predict(scorer, { features: named('x'), chars: chars('有') }).label).toBe('a')
    expect(predict(scorer, { features: named('x'), chars: chars('有没') }).label).toBe('b')
    expect(predict(scorer, { features: named('x'), chars: [...chars('有'), BREAK, ...chars('没')] }).label).toBe('a')
  })

  it('counts a feature that occurs twice twice, as training does', () => {
    const scorer = createScorer({ labels: ['a', 'b'], weights: new Map([['x', [1, 0]], ['y', [0, 1.5]]]) })
    expect(predict(scorer, { features: named('x', 'y'), chars: [] }).label).toBe('b')
    expect(predict(scorer, { features: named('x', 'x', 'y'), chars: [] }).label).toBe('a')
  })

  it('gives the same answer as summing the named weights, on every corpus message', () => {
    const { tuning, holdout } = loadCorpus(fileURLToPath(new URL('./corpus', import.meta.url)))
    const { kind } = loadRecogniserModels()
    const scorer = createScorer(kind)
    const read = createFeatureReader(handlers)
    for (const m of [...tuning, ...holdout].slice(0, 600)) {
      const bag = textFeatures(read(m.text))
      const totals = kind.labels.map((_, k) => featureNames(bag).reduce((sum, f) => sum + (kind.weights.get(f)?.[k] ?? 0), 0))
      const best = totals.indexOf(Math.max(...totals))
      expect(predict(scorer, bag).label).toBe(kind.labels[best])
    }
  })

  it('scores weights too large for 16-bit ten-thousandths in coarser steps, still in order', () => {
    const scorer = createScorer({ labels: ['a', 'b'], weights: new Map([['x', [10, 0]], ['y', [0, 9.999]], ['bi:有没', [0, 0.0004]]]) })
    expect(predict(scorer, { features: named('x', 'y'), chars: [] }).label).toBe('a')
    // One coarse step is 10/32767 ≈ 0.0003: the winner's probability stays within a step of the exact one.
    expect(predict(scorer, { features: named('x', 'y'), chars: [] }).confidence).toBeCloseTo(1 / (1 + Math.exp(-0.001)), 3)
    expect(predict(scorer, { features: named('x', 'y'), chars: chars('有没') }).confidence).toBeCloseTo(1 / (1 + Math.exp(-0.0006)), 3)
  })

  it('refuses a pair of NUL characters, which would read as an empty slot', () => {
    expect(() => createScorer({ labels: ['a', 'b'], weights: new Map([['bi:\0\0', [1, 0]]]) })).toThrow(/NUL/)
  })

  it('explains itself with the features that weighed most', () => {
    const reasons = predict(createScorer(model), { features: named('x'), chars: chars('有没有') }).reasons()
    expect(reasons[0]).toEqual({ feature: 'bi:有没', weight: 2 })
  })

  it('scores two models in one table as each would alone, on every corpus message', () => {
    const { tuning, holdout } = loadCorpus(fileURLToPath(new URL('./corpus', import.meta.url)))
    const { kind, emergency } = loadRecogniserModels()
    const [kindAlone, emergencyAlone, joint] = [createScorer(kind), createScorer(emergency), createJointScorer(kind, emergency)]
    const read = createFeatureReader(handlers)
    for (const m of [...tuning, ...holdout].slice(0, 600)) {
      const bag = textFeatures(read(m.text))
      const [k, e] = predictBoth(joint, bag)
      const [k1, e1] = [predict(kindAlone, bag), predict(emergencyAlone, bag)]
      expect([k.label, e.label]).toEqual([k1.label, e1.label])
      expect(k.confidence).toBeCloseTo(k1.confidence, 9)
      expect(e.confidence).toBeCloseTo(e1.confidence, 9)
    }
  })
})

describe('a model file', () => {
  it('is refused with a reason when it is damaged', () => {
    expect(() => parseLinearModel('{"labels":["a"],"weights":{}}', 'm')).toThrow(/labels/)
    expect(() => parseLinearModel('{"labels":["a","b"],"weights":{"x":[1]}}', 'm')).toThrow(/bad weights for x/)
    expect(() => parseLinearModel('{"labels":["a","b"],"weights":{"x":[1,null]}}', 'm')).toThrow(/bad weights/)
    expect(() => parseLinearModel('{"labels":["request","none"],"weights":{}}', 'm', KINDS)).toThrow(/request, offer, none/)
  })

  it('round-trips through its JSON', () => {
    const model: LinearModel = { labels: ['a', 'b'], weights: new Map([['x', [0.12345, -2]]]) }
    const back = parseLinearModel(serialiseLinearModel(model), 'm')
    expect(back.labels).toEqual(['a', 'b'])
    expect(back.weights.get('x')).toEqual([0.1235, -2])
  })
})

describe('explain()', () => {
  it('names what the scorers decided and how sure they were', () => {
    const rules = recognise('家里老人发烧38.6度，有没有退烧药？').explain().map((e) => e.rule)
    expect(rules.some((r) => /^kind:request \(\d+%\)$/.test(r))).toBe(true)
    expect(rules.some((r) => /^category:medicine \(\d+%\)$/.test(r))).toBe(true)
  })

  it('is no part of the answer itself (not in its JSON)', () => {
    const answer = recognise('2期5栋水压太小，洗不了澡')
    expect(JSON.parse(JSON.stringify(answer))).toEqual({ kind: 'request', category: 'water', urgency: 'normal', fields: { location: '2期5栋' } })
  })

  it('takes two bare words of self-harm as an emergency, however short', () => {
    expect(recognise('不想活了')).toMatchObject({ kind: 'request', urgency: 'emergency' })
    expect(recognise('活着太累了 想一了百了')).toMatchObject({ kind: 'request', urgency: 'emergency' })
  })

  it('says which emergencies are talk of self-harm, so the bot answers them as such', () => {
    expect(recognise('我妈说活着没意思 药都攒好了').selfHarm).toBe(true)
    expect(recognise('我爸胸口疼得厉害 一直冒冷汗').selfHarm).toBe(false)
    expect(recognise('我爸胸口疼 他说不想活了').selfHarm).toBe(true)
    expect(recognise('谢谢大家 药收到了').selfHarm).toBe(false)
  })
})
