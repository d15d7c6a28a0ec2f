import { describe, expect, it } from 'vitest'
import { fixedWords, splitAlternatives } from '../src/recognise/regex-words.js'

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
