import { describe, expect, it } from 'vitest'
import { matchesOf } from '../src/recognise/regex-matches.js'

describe('matchesOf', () => {
  it('finds what matchAll finds, groups and places included', () => {
    const pattern = /(\d{2})\s*岁|(\d)个月/g
    const text = '我妈82岁 我爸 79 岁，孙子8个月'
    const got = matchesOf(pattern, text).map((m) => [m.index, m[0], m[1], m[2]])
    expect(got).toEqual([...text.matchAll(pattern)].map((m) => [m.index, m[0], m[1], m[2]]))
    expect(got.map(([index]) => index)).toEqual([2, 9, 16])
  })

  it('starts from the beginning whatever the pattern was left at, and leaves it at the beginning', () => {
    const pattern = /烧/g
    pattern.lastIndex = 5
    expect(matchesOf(pattern, '发烧 又烧起来了').map((m) => m.index)).toEqual([1, 4])
    expect(pattern.lastIndex).toBe(0)
  })

  it('steps past an empty match instead of finding it forever', () => {
    expect(matchesOf(/x*/g, 'ab').map((m) => m.index)).toEqual([0, 1, 2])
  })

  it('refuses a pattern without the global flag, as matchAll does', () => {
    expect(() => matchesOf(/烧/, '发烧')).toThrow(TypeError)
  })
})
