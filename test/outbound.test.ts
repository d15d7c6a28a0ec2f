import { afterEach, describe, expect, it } from 'vitest'
import { createClock } from '../src/clock.js'
import type { OutboxItem } from '../src/outbound/outbox.js'
import { takeBatch } from '../src/outbound/send-pending.js'
import { useRedis } from './helpers/redis.js'
import { inRoom, ROOM, startTestBot, toContact, type TestBot } from './helpers/test-bot.js'

const redis = useRedis()
let bot: TestBot | undefined
afterEach(async () => {
  await bot?.stop()
  bot = undefined
})

const item = (id: number, text: string, extra: Partial<OutboxItem> = {}): OutboxItem => ({
  id, key: `k${id}`, chatId: 'c', to: { contact: 'c' }, text, createdAt: 0, ...extra,
})

describe('merging what queued up for one chat', () => {
  it('merges texts in order up to the length limit and keeps forwards on their own', () => {
    expect(takeBatch([item(1, 'a'), item(2, 'b'), item(3, 'c')], 600).map((m) => m.id)).toEqual([1, 2, 3])
    expect(takeBatch([item(1, 'x'.repeat(400)), item(2, 'y'.repeat(300))], 600).map((m) => m.id)).toEqual([1])
    expect(takeBatch([item(1, 'a'), item(2, 'photo', { forwardMessageId: 'm' }), item(3, 'c')], 600).map((m) => m.id)).toEqual([1])
    expect(takeBatch([item(2, 'photo', { forwardMessageId: 'm' }), item(3, 'c')], 600).map((m) => m.id)).toEqual([2])
    expect(takeBatch([], 600)).toEqual([])
  })
})

describe('the paced sender', () => {
  it('never sends faster than one message per interval of community time', async () => {
    // 600x: a community minute between sends is 100 real ms.
    bot = await startTestBot(redis.current, { clock: createClock({ communityMs: Date.now(), realMs: Date.now(), speed: 600 }), outboundIntervalMs: 60_000 })
    bot.say({ from: 'c-r1', roomId: ROOM, text: '家里老人发烧38.6度，有没有退烧药？3栋' })
    bot.say({ from: 'c-r2', roomId: ROOM, text: '5栋水压太小，洗不了澡' })
    await bot.next(toContact('c-li', '新工单#1'))
    await bot.next(inRoom(ROOM, '#2'))
    await expect.poll(() => bot!.app.core.outbox.pending().length === 0 && bot!.sent.length, { timeout: 5000 }).toBeGreaterThanOrEqual(3)
    const times = bot.sent.map((s) => s.at)
    expect(times.length).toBeGreaterThanOrEqual(3)
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(60_000)
  })

  it('retries a send the puppet failed, keeps that chat’s order, and loses nothing', async () => {
    bot = await startTestBot(redis.current)
    const puppet = bot.community.puppet
    const original = puppet.messageSendText.bind(puppet)
    let failures = 0
    puppet.messageSendText = async (conversationId: string, text: string) => {
      if (conversationId === 'c-li' && failures < 2) {
        failures++
        throw new Error('发送消息过于频繁')
      }
      return original(conversationId, text)
    }
    bot.say({ from: 'c-r1', roomId: ROOM, text: '家里老人发烧38.6度，有没有退烧药？3栋' })
    await bot.next(inRoom(ROOM, '#1'))
    const assignment = await bot.next(toContact('c-li', '新工单#1'), 'the assignment after two failed sends')
    bot.say({ from: 'c-li', roomId: null, text: '接 1' })
    await bot.next(toContact('c-li', '已接单#1'))
    expect(failures).toBe(2)
    const toLi = bot.heard.filter((h) => h.contactId === 'c-li').map((h) => h.text)
    expect(toLi.indexOf(assignment.text)).toBeLessThan(toLi.findIndex((t) => t.includes('已接单#1')))
    expect(toLi.filter((t) => t.includes('新工单#1'))).toHaveLength(1)
    await expect.poll(() => bot!.app.core.outbox.pending()).toEqual([])
  })
})
