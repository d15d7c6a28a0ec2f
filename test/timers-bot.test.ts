import { Queue, QueueEvents } from 'bullmq'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClock } from '../src/clock.js'
import { QUEUE, type TimerJob } from '../src/queue/queues.js'
import { useRedis } from './helpers/redis.js'
import { ROOM, startTestBot, toContact, type TestBot } from './helpers/test-bot.js'

/**
 * Timers that come late or twice, on the real queue: the bot at 600x (five community minutes in half a
 * real second), with timer jobs added beside the bot's own as a crash or a lost removal would leave them.
 */
const redis = useRedis()
let bot: TestBot
let timers: Queue<TimerJob>
let events: QueueEvents
beforeEach(async () => {
  bot = await startTestBot(redis.current, { clock: createClock({ communityMs: Date.parse('2026-11-22T21:50:00+08:00'), realMs: Date.now(), speed: 600 }) })
  const { connection, prefix } = bot.queue
  timers = new Queue<TimerJob>(QUEUE.timers, { connection, prefix })
  events = new QueueEvents(QUEUE.timers, { connection, prefix })
  await events.waitUntilReady()
})
afterEach(async () => {
  await events.close()
  await timers.close()
  await bot.stop()
})

const MEDICINE = '家里没有退烧药了，谁能帮忙买一盒布洛芬，3栋'

async function assignedTicket() {
  bot.say({ from: 'c-r1', roomId: ROOM, text: MEDICINE })
  await bot.next(toContact('c-li', '新工单#1'), 'the assignment')
  const ticket = bot.app.core.tickets.get(1)!
  expect(ticket.timerKey).toMatch(/^timer-1-assigned-/)
  return ticket
}

describe('a timer', () => {
  it('that fires after the ticket was accepted does nothing, and its job was removed when the ticket moved on', async () => {
    const before = await assignedTicket()
    bot.say({ from: 'c-li', roomId: null, text: '接 1' })
    await bot.next(toContact('c-li', '已接单#1'), 'the accept reply')
    const accepted = bot.app.core.tickets.get(1)!
    expect(accepted.timerKey).not.toBe(before.timerKey)
    expect(await timers.getJob(before.timerKey!)).toBeUndefined()

    // The accept reminder arrives anyway, late, as if its removal had been lost.
    const late = await timers.add('ticket', { kind: 'ticket', ticketNo: 1, key: before.timerKey!, dueAt: before.timerDue! }, { jobId: 'late-copy' })
    expect(await late.waitUntilFinished(events, 5000)).toBe('stale')
    expect(bot.app.core.tickets.events(1).map((e) => e.type)).toEqual(['created', 'assigned', 'accepted'])
    expect(bot.app.core.outbox.pending()).toEqual([])
    expect(bot.heard.some((h) => h.text.includes('⏰'))).toBe(false)
  })

  it('that fires twice reminds once', async () => {
    const ticket = await assignedTicket()
    const original = (await timers.getJob(ticket.timerKey!))!
    // The copy comes a moment after the original. Due at the same instant, either may run first, and
    // a copy that wins cancels the original before it fires: then nothing fired twice to test.
    const copy = await timers.add(
      'ticket',
      { kind: 'ticket', ticketNo: 1, key: ticket.timerKey!, dueAt: ticket.timerDue! },
      { jobId: 'duplicate-copy', delay: bot.app.core.clock.toRealMs(ticket.timerDue! - bot.app.core.clock.now()) + 150 },
    )
    await bot.next(toContact('c-li', '⏰'), 'the reminder')
    const outcomes = await Promise.all([original.waitUntilFinished(events, 5000), copy.waitUntilFinished(events, 5000)])
    expect(outcomes.sort()).toEqual(['done', 'stale'])
    expect(bot.app.core.tickets.events(1).filter((e) => e.type === 'reminded')).toHaveLength(1)
    expect(bot.heard.filter((h) => h.text.includes('⏰'))).toHaveLength(1)
    expect(bot.app.core.outbox.pending()).toEqual([])
  })

  it('that comes early waits for its community time rather than acting', async () => {
    const ticket = await assignedTicket()
    // Due in real time now, but not in community time: what a restart's paused clock produces.
    const early = await timers.add('ticket', { kind: 'ticket', ticketNo: 1, key: ticket.timerKey!, dueAt: ticket.timerDue! }, { jobId: 'early-copy' })
    await bot.next(toContact('c-li', '⏰'), 'the reminder')
    const reminded = bot.app.core.tickets.events(1).find((e) => e.type === 'reminded')!
    expect(reminded.at).toBeGreaterThanOrEqual(ticket.timerDue!)
    expect(await (await timers.getJob(early.id!))!.getState()).toBe('completed')
    expect(bot.app.core.tickets.events(1).filter((e) => e.type === 'reminded')).toHaveLength(1)
  })
})
