import { describe, expect, it } from 'vitest'
import { createMatcher } from '../src/recognise/matcher.js'

const words = (...list: string[]) => createMatcher(list.map((word) => ({ word, value: word })))

describe('createMatcher', () => {
  it('finds every word, overlapping ones included', () => {
    const hits = words('发烧', '烧到', '39度').findAll('孩子发烧到39度')
    expect(hits.map((h) => [h.word, h.start, h.end])).toEqual([['发烧', 2, 4], ['烧到', 3, 5], ['39度', 5, 8]])
  })

  it('drops a hit inside a longer one', () => {
    expect(words('布洛芬', '布洛芬混悬液').findAll('美林布洛芬混悬液').map((h) => h.word)).toEqual(['布洛芬混悬液'])
  })

  it('keeps hits of the same span from different lists', () => {
    const matcher = createMatcher([{ word: '退烧药', value: 'topic' }, { word: '退烧药', value: 'medicine' }])
    expect(matcher.findAll('退烧药').map((h) => h.value).sort()).toEqual(['medicine', 'topic'])
  })

  it('finds words after a failed partial match', () => {
    expect(words('有没有', '没水').findAll('有没水').map((h) => h.word)).toEqual(['没水'])
  })
})
