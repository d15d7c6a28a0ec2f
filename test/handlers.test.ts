import { describe, expect, it } from 'vitest'
import { handlers } from '../handlers/index.js'
import { ACCEPT_52022, type Handler } from '../src/recognise/handler.js'
import { createRecogniser } from '../src/recognise/recognise.js'

const byCategory = new Map(handlers.map((h) => [h.category, h]))
const answerOf = (category: string, age?: number) =>
  byCategory.get(category)!.answer({ urgency: 'normal', fields: age === undefined ? {} : { age } })

describe('handlers', () => {
  it('cover the contract’s categories, each with the skill that takes it', () => {
    expect(Object.fromEntries(handlers.map((h) => [h.category, h.skill]))).toEqual({
      medicine: 'delivery', fever: 'doctor', water: 'water', other: 'general',
    })
  })

  it('default to the 52022 deadlines', () => {
    for (const h of handlers) expect(h.deadlines.acceptMinutes).toBe(5)
    expect(byCategory.get('fever')!.deadlines).toMatchObject({ resolveMinutes: 20, resolveMeans: 'solved' })
    expect(byCategory.get('other')!.deadlines).toMatchObject({ resolveMinutes: 20, resolveMeans: 'solved' })
    expect(byCategory.get('medicine')!.deadlines).toMatchObject({ resolveMinutes: 60, resolveMeans: 'solved' })
    expect(byCategory.get('water')!.deadlines).toMatchObject({ resolveMinutes: 2 * 24 * 60, resolveMeans: 'plan' })
  })

  it('have exactly one fallback', () => {
    expect(handlers.filter((h) => h.fallback).map((h) => h.category)).toEqual(['other'])
  })

  it('put the red flags in the fever and medicine answers', () => {
    for (const category of ['fever', 'medicine']) {
      const text = answerOf(category)
      expect(text).toMatch(/对乙酰氨基酚/)
      expect(text).toMatch(/布洛芬/)
      expect(text).toMatch(/不要叠加/)
      expect(text).toMatch(/120/)
    }
    expect(answerOf('fever')).toMatch(/3个月以下婴儿/)
    expect(answerOf('fever', 4)).toMatch(/儿童/)
    expect(answerOf('fever', 40)).not.toMatch(/儿童请用/)
  })

  it('tell a water reporter what happens and how long it takes', () => {
    expect(answerOf('water')).toMatch(/20分钟/)
    expect(answerOf('water')).toMatch(/两天/)
    expect(answerOf('water')).toMatch(/总阀/)
  })

  it('never ask for a room or phone number in the group', () => {
    for (const h of handlers) expect(answerOf(h.category)).not.toMatch(/请(留下|发)(电话|门牌|房号)/)
  })
})

describe('adding a category', () => {
  it('is one more handler: the recogniser takes it as it is', () => {
    const power: Handler = {
      category: 'power', label: '用电问题', skill: 'power', priority: 2,
      deadlines: { ...ACCEPT_52022, resolveMinutes: 20, resolveMeans: 'solved', resolveReminders: 1, followUpMinutes: 10 },
      signals: [{ role: 'topic', weight: 4, words: ['停电', '跳闸'] }, { role: 'problem', weight: 4, words: ['停电了', '跳闸了'] }],
      answer: () => '已通知电工。',
    }
    const withPower = createRecogniser([...handlers, power])
    expect(withPower('5栋停电了 什么时候来电')).toMatchObject({ kind: 'request', category: 'power' })
    expect(createRecogniser(handlers)('5栋停电了 什么时候来电')).toMatchObject({ kind: 'request', category: 'other' })
  })
})
