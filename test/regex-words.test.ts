import { describe, expect, it } from 'vitest'
import { createAlternationScanner } from '../src/recognise/alternation-scan.js'
import { DANGER_PATTERNS_INDEXED } from '../src/recognise/danger-phrases.js'
import { firstChars, fixedWords, splitAlternatives } from '../src/recognise/regex-words.js'

describe('a pattern read as the fixed words it stands for', () => {
  it('splits only at the top level', () => {
    expect(splitAlternatives('捂着胸口|(?:叫|喊)不醒|血[^,]{0,4}?(?:流|冒)')).toEqual(['捂着胸口', '(?:叫|喊)不醒', '血[^,]{0,4}?(?:流|冒)'])
  })

  it('expands groups, small classes and optional parts', () => {
    expect(fixedWords('(?:叫|喊)不醒')).toEqual(['叫不醒', '喊不醒'])
    expect(fixedWords('[交较]不醒')).toEqual(['交不醒', '较不醒'])
    expect(fixedWords('指着?心口')).toEqual(['指心口', '指着心口'])
  })

  it('leaves gaps, lookarounds, escapes and repeats as patterns', () => {
    expect(fixedWords('血[^,]{0,4}?流')).toBeUndefined()
    expect(fixedWords('憋气(?!死)')).toBeUndefined()
    expect(fixedWords('抽了\\d分钟')).toBeUndefined()
    expect(fixedWords('啊+')).toBeUndefined()
    expect(fixedWords('(?:了)?')).toBeUndefined()
  })
})

describe('the characters a pattern can start with', () => {
  const first = (source: string) => {
    const chars = firstChars(source)
    return chars && [...chars].sort().join('')
  }

  it('reads groups, classes, optional parts and lookarounds in front', () => {
    expect(first('(?:叫|喊)不醒')).toBe('叫喊')
    expect(first('血[^,]{0,4}?流')).toBe('血')
    expect(first('(?:了)?抽')).toBe('了抽')
    expect(first('a{0,3}b')).toBe('ab')
    expect(first('(?<!得)想死(?![你她])')).toBe('想')
    expect(first('[左右]边|\\d号')).toBe('0123456789右左')
  })

  it('says it does not know when a match may start with anything', () => {
    expect(first('[^,]{0,4}?流')).toBeUndefined()
    expect(first('.血')).toBeUndefined()
    expect(first('[\\u4e00-\\u9fa5]{1,8}?小区')).toBeUndefined()
    expect(first('(?:了)?')).toBeUndefined()
    expect(first('\\s血')).toBeUndefined()
  })
})

describe('the alternation scanner', () => {
  // What a global regular expression of the same alternatives finds, pattern by pattern, in order of start.
  function byRegex(patterns: string[][], text: string): [number, number, string][] {
    const found: [number, number, string][] = []
    patterns.forEach((alternatives, p) => {
      for (const m of text.matchAll(new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'g'))) found.push([p, m.index, m[0]])
    })
    return found.sort((a, b) => a[1] - b[1] || a[0] - b[0])
  }
  const scanned = (patterns: string[][], text: string) => {
    const found: [number, number, string][] = []
    createAlternationScanner(patterns).findAll(text, (p, start, match) => found.push([p, start, match]))
    return found
  }

  it('finds what the regular expressions find: leftmost, first alternative first, no overlaps within a pattern', () => {
    const patterns = [
      ['喘[^,]{0,4}?不上', '(?:喘|呼吸)困难', '(?<!不)气短'],
      ['血[^,]{0,6}?止不住', '(?:吐|咳)了?血'],
      ['喘不上气', '上气不接'],
      ['呼吸', '呼吸困难'],
    ]
    const texts = ['我妈喘得上不来 喘不上气 呼吸困难', '不气短 气短了', '咳血 血流了好多止不住 又吐了血', '喘不上气喘不上', '上气不接下气,喘,不上', '']
    for (const text of texts) expect(scanned(patterns, text)).toEqual(byRegex(patterns, text))
  })

  it('tries a pattern everywhere when one of its alternatives may start with anything, and finds the same', () => {
    const patterns = [['[^,]{0,2}?不醒', '叫不应'], ['血流']]
    expect(createAlternationScanner(patterns).indexed).toBe(false)
    for (const text of ['叫他不醒 叫不应,血流', '血流不醒']) expect(scanned(patterns, text)).toEqual(byRegex(patterns, text))
  })

  it('indexes every danger phrase, so none is tried at every position of every message', () => {
    expect(DANGER_PATTERNS_INDEXED).toBe(true)
  })
})
