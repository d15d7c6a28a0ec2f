import { describe, expect, it } from 'vitest'
import { MEMBER_COMMANDS, parseCommand, type Command } from '../src/commands/parse-command.js'

describe('parseCommand: commands members and residents type', () => {
  it.each<[string, Command]>([
    ['接 1', { name: 'accept', no: 1 }],
    ['接1', { name: 'accept', no: 1 }],
    ['接 #12', { name: 'accept', no: 12 }],
    ['接#12', { name: 'accept', no: 12 }],
    ['接１２', { name: 'accept', no: 12 }],
    ['接　＃１２', { name: 'accept', no: 12 }],
    ['接单 3', { name: 'accept', no: 3 }],
    ['接', { name: 'accept', no: null }],
    ['  接 7  ', { name: 'accept', no: 7 }],
    ['/接 5', { name: 'accept', no: 5 }],
    ['完成 1 已送到', { name: 'resolve', no: 1, note: '已送到' }],
    ['完成1已送到', { name: 'resolve', no: 1, note: '已送到' }],
    ['完成 #3，已送到', { name: 'resolve', no: 3, note: '已送到' }],
    ['完成：已送到', { name: 'resolve', no: null, note: '已送到' }],
    ['完成', { name: 'resolve', no: null, note: '' }],
    ['办结 4', { name: 'resolve', no: 4, note: '' }],
    ['转 12 不在家', { name: 'handBack', no: 12, reason: '不在家' }],
    ['转12', { name: 'handBack', no: 12, reason: '' }],
    ['转 不在家', { name: 'handBack', no: null, reason: '不在家' }],
    ['转单 3 人不在', { name: 'handBack', no: 3, reason: '人不在' }],
    ['我的', { name: 'mine' }],
    ['值班', { name: 'onDuty' }],
    ['下班', { name: 'offDuty' }],
    ['帮助', { name: 'help' }],
    ['HELP', { name: 'help' }],
    ['？', { name: 'help' }],
    ['进度', { name: 'progress', no: null }],
    ['进度 3', { name: 'progress', no: 3 }],
    ['进度＃３', { name: 'progress', no: 3 }],
    ['取消 3', { name: 'cancel', no: 3 }],
    ['取消', { name: 'cancel', no: null }],
  ])('reads %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command)
  })

  it('keeps a multi-line note after the number', () => {
    expect(parseCommand('完成 2 药已送到\n老人情况稳定')).toEqual({ name: 'resolve', no: 2, note: '药已送到\n老人情况稳定' })
  })
})

describe('parseCommand: what residents write that is not a command', () => {
  it.each([
    '接到通知了',
    '转发',
    '完成了谢谢',
    '取消了吗',
    '转给谁',
    '我的药还没到',
    '值班的是谁',
    '下班了吗',
    '帮助一下老人',
    '进度怎么样了',
    '接 1 2',
    '接 1234567890',
    '',
    '   ',
  ])('does not read %j as a command', (text) => {
    expect(parseCommand(text)).toBeNull()
  })

  it('does not read a long message starting with 转 as a command', () => {
    const text = `转 ${'楼上邻居家老人需要帮忙送药，'.repeat(30)}`.slice(0, 300)
    expect(text).toHaveLength(300)
    expect(parseCommand(text)).toBeNull()
    // The same words, short, are a hand-back: the length alone decides.
    expect(parseCommand(text.slice(0, 20))).toMatchObject({ name: 'handBack', no: null })
  })
})

describe('MEMBER_COMMANDS', () => {
  it('lists the commands only members may run', () => {
    expect([...MEMBER_COMMANDS].sort()).toEqual(['accept', 'handBack', 'mine', 'offDuty', 'onDuty', 'resolve'])
    expect(MEMBER_COMMANDS.has('progress')).toBe(false)
    expect(MEMBER_COMMANDS.has('cancel')).toBe(false)
    expect(MEMBER_COMMANDS.has('help')).toBe(false)
  })
})
