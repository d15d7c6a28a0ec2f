import { describe, expect, it } from 'vitest'
import { normaliseText, writtenSpan } from '../src/recognise/normalise.js'
import { withArabicNumerals, parseChineseNumeral } from '../src/recognise/chinese-numerals.js'

describe('normaliseText', () => {
  it('keeps every position aligned with the original', () => {
    for (const text of ['家裡老人發燒了３棟２單元', '@王医生 孩子发烧了[流泪][流泪]', '看 https://x.cn/a?b=1 这个', '😭😭🙏']) {
      expect(normaliseText(text).plain).toHaveLength(text.length)
    }
  })

  it('turns traditional characters and full-width forms into simplified and half width', () => {
    expect(normaliseText('家裡老人發燒了，有沒有退燒藥？３棟').plain).toBe('家里老人发烧了,有没有退烧药?3栋')
  })

  it('leaves characters that are already simplified alone (么 is not 幺)', () => {
    expect(normaliseText('怎么办 为什么 什么时候').plain).toBe('怎么办 为什么 什么时候')
  })

  it('blanks emoji codes, mentions and links but remembers them', () => {
    const text = normaliseText('@所有人 明天停水[抱拳] https://a.cn/x')
    expect(text.plain.trim()).toBe('明天停水')
    expect(text.marks.mentionsAll).toBe(true)
    expect(text.marks.links).toBe(1)
    expect(text.marks.emojiCodes.map((c) => c.name)).toEqual(['抱拳'])
  })

  it('reads a message typed word by word as one run, and slices what was written', () => {
    const text = normaliseText('奶奶 摔 地上 起 不 来 住 3栋 2单元')
    expect(text.plain).toBe('奶奶摔地上起不来住3栋2单元')
    const at = text.plain.indexOf('3栋')
    expect(writtenSpan(text, at, at + '3栋2单元'.length)).toBe('3栋 2单元')
  })

  it('keeps the spaces between longer runs, where the writer paused', () => {
    for (const written of ['家里老人发烧了 有没有退烧药 3栋', '宝宝才50天 摸着很烫 量了38度 怎么办', '好的 谢谢']) {
      expect(normaliseText(written).plain).toBe(written)
    }
  })

  it('blanks a quoted message, whose words are someone else’s, and remembers it', () => {
    const text = normaliseText('「王阿姨：家里没水了」\n- - - - - - - - - - - - - - -\n已经修好了')
    expect(text.plain.trim()).toBe('已经修好了')
    expect(text.marks.quoted).toBe(true)
    expect(normaliseText('回复 张阿姨：“降压药吃完了 谁家有”\n—— 已送到门口').plain.trim()).toBe('已送到门口')
    expect(normaliseText('我说「谢谢」').marks.quoted).toBe(false)
  })

  it('cuts a voice-typed mention with no space after the title', () => {
    expect(normaliseText('@王医生孩子发烧了').plain.trim()).toBe('孩子发烧了')
  })
})

describe('Chinese numerals', () => {
  it.each([
    ['三十八', 38], ['十八', 18], ['一百零二', 102], ['一二零', 120], ['九十', 90], ['两', 2], ['卅九', 39], ['廿五', 25],
  ])('%s is %i', (run, value) => expect(parseChineseNumeral(run)).toBe(value))

  it('writes numbers in digits but keeps words such as 一直 and 两道杠', () => {
    expect(withArabicNumerals('三十八度五')).toBe('38度5')
    expect(withArabicNumerals('三十九度五一直烧')).toBe('39度5一直烧')
    expect(withArabicNumerals('两道杠 一起吃')).toBe('两道杠 一起吃')
    expect(withArabicNumerals('37.8两天了')).toBe('37.8 2天了')
  })

  it('reads readings said in a row as separate numbers', () => {
    expect(withArabicNumerals('血氧九十一九十二')).toBe('血氧91 92')
    expect(withArabicNumerals('一百二十一')).toBe('121')
  })
})
