import { describe, expect, it } from 'vitest'
import { formatInstant, parseInstant } from '../src/clock.js'
import { parseCommand, type Command } from '../src/commands/parse-command.js'
import { describeEvent, formatDuration } from '../src/messages/labels.js'
import { ACCEPT_52022, type Deadlines } from '../src/recognise/handler.js'
import { lastShiftChange, nextShiftChange } from '../src/roster/on-duty.js'
import { isOverdue } from '../src/tickets/overdue.js'
import type { Ticket, TicketEvent, TicketState } from '../src/tickets/types.js'
import { acceptChase, planTimer, resolveChase, type TimerStep } from '../src/timers/plan-timer.js'

/** Pure parts of the chase, the shifts and the commands: no Redis, no SQLite, no clock. */

const MINUTE = 60_000

/** An instant in community time (Asia/Shanghai): at('2026-11-22T21:50'). */
function at(local: string): number {
  const ms = parseInstant(`${local}+08:00`)
  if (ms === null) throw new Error(`bad instant ${local}`)
  return ms
}

const T0 = at('2026-11-22T21:50:00')

/** The fever handler's deadlines: 52022's accept chase, 20 minutes to resolve, 10 to follow up. */
const DEADLINES: Deadlines = {
  ...ACCEPT_52022,
  resolveMinutes: 20,
  resolveMeans: 'solved',
  resolveReminders: 1,
  followUpMinutes: 10,
}
const deadlines = (extra: Partial<Deadlines> = {}): Deadlines => ({ ...DEADLINES, ...extra })

/** Ticket #7, assigned to 王医生 at T0 and not accepted yet: the accept chase counting from T0. */
function ticket(extra: Partial<Ticket> = {}): Ticket {
  return {
    no: 7,
    sourceKey: 'wx-msg-7',
    roomId: 'g3@chatroom',
    requesterId: 'c-r1',
    requesterName: '张阿姨',
    text: '家里老人咳嗽好几天了，请医生看看怎么办',
    category: 'fever',
    urgency: 'normal',
    fields: {},
    selfHarm: false,
    state: 'assigned',
    assigneeId: 'c-wang',
    dispatchAttempt: 1,
    dispatchWanted: 1,
    createdAt: T0,
    assignedAt: T0,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    timerSince: T0,
    timerSteps: 0,
    timerKey: null,
    timerDue: null,
    ...extra,
  }
}

/** Ticket #7 accepted at `acceptedAt`: the resolve chase counting from then. */
function accepted(acceptedAt = T0 + 2 * MINUTE, extra: Partial<Ticket> = {}): Ticket {
  return ticket({ state: 'accepted', acceptedAt, timerSince: acceptedAt, timerSteps: 0, ...extra })
}

/**
 * Follows the chase as the timer worker does, each step firing exactly when due and restarting the
 * count from then; returns every step with how long after the start of the chase it fired.
 */
function runChase(start: Ticket, d: Deadlines): { step: TimerStep; minutes: number }[] {
  const steps: { step: TimerStep; minutes: number }[] = []
  let current = start
  for (let plan = planTimer(current, d); plan; plan = planTimer(current, d)) {
    steps.push({ step: plan.step, minutes: (plan.dueAt - start.timerSince!) / MINUTE })
    if (steps.length > 20) throw new Error('the chase never ends')
    current = { ...current, timerSince: plan.dueAt, timerSteps: current.timerSteps + 1 }
  }
  return steps
}

describe('planTimer: the accept chase', () => {
  it('reminds the assignee 5 minutes after the assignment', () => {
    expect(planTimer(ticket(), DEADLINES)).toMatchObject({ step: 'remind-accept', dueAt: T0 + 5 * MINUTE })
  })

  it('moves the ticket to the next member 5 minutes after the reminder', () => {
    const reminded = T0 + 5 * MINUTE + 1234
    expect(planTimer(ticket({ timerSince: reminded, timerSteps: 1 }), DEADLINES)).toMatchObject({
      step: 'reassign',
      dueAt: reminded + 5 * MINUTE,
    })
  })

  it('calls the coordinators 5 minutes after the reassignment', () => {
    const reassigned = T0 + 10 * MINUTE
    expect(planTimer(ticket({ timerSince: reassigned, timerSteps: 2 }), DEADLINES)).toMatchObject({
      step: 'escalate',
      dueAt: reassigned + 5 * MINUTE,
    })
  })

  it('plans nothing once the coordinators were called', () => {
    expect(planTimer(ticket({ timerSteps: 3 }), DEADLINES)).toBeNull()
  })

  it('runs remind, reassign, escalate at 5, 10 and 15 minutes', () => {
    expect(runChase(ticket(), DEADLINES)).toEqual([
      { step: 'remind-accept', minutes: 5 },
      { step: 'reassign', minutes: 10 },
      { step: 'escalate', minutes: 15 },
    ])
  })

  it('waits acceptMinutes at every step', () => {
    expect(runChase(ticket(), deadlines({ acceptMinutes: 3 })).map((s) => s.minutes)).toEqual([3, 6, 9])
  })

  it('counts from timerSince, not from the assignment', () => {
    // A coordinator's 派 or a handover starts a new chase; the timer counts from that.
    const since = T0 + 42 * MINUTE
    expect(planTimer(ticket({ timerSince: since }), DEADLINES)!.dueAt).toBe(since + 5 * MINUTE)
  })
})

describe('planTimer: the resolve chase', () => {
  it('reminds the member resolveMinutes after the acceptance', () => {
    const acceptedAt = T0 + 2 * MINUTE
    expect(planTimer(accepted(acceptedAt), DEADLINES)).toMatchObject({ step: 'remind-resolve', dueAt: acceptedAt + 20 * MINUTE })
  })

  it('tells the coordinators followUpMinutes after the reminder', () => {
    const reminded = T0 + 22 * MINUTE
    expect(planTimer(accepted(T0, { timerSince: reminded, timerSteps: 1 }), DEADLINES)).toMatchObject({
      step: 'overdue',
      dueAt: reminded + 10 * MINUTE,
    })
  })

  it('plans nothing after the coordinators were told', () => {
    expect(planTimer(accepted(T0, { timerSteps: 2 }), DEADLINES)).toBeNull()
  })

  it('follows a water plan over days: 2 days, then 12 hours', () => {
    const water = deadlines({ resolveMinutes: 2 * 24 * 60, resolveMeans: 'plan', followUpMinutes: 12 * 60 })
    expect(runChase(accepted(), water)).toEqual([
      { step: 'remind-resolve', minutes: 2 * 24 * 60 },
      { step: 'overdue', minutes: 2 * 24 * 60 + 12 * 60 },
    ])
  })
})

describe('planTimer: no timer', () => {
  it.each<TicketState>(['new', 'escalated', 'rated', 'cancelled', 'merged'])('plans nothing for a %s ticket, whatever its timer fields say', (state) => {
    expect(planTimer(ticket({ state, timerSince: T0, timerSteps: 0 }), DEADLINES)).toBeNull()
  })

  it.each<TicketState>(['assigned', 'accepted'])('plans nothing for an %s ticket whose chase has not started', (state) => {
    expect(planTimer(ticket({ state, timerSince: null }), DEADLINES)).toBeNull()
  })
})

describe('planTimer: how hard it chases', () => {
  it('sends as many accept reminders as acceptReminders says', () => {
    expect(runChase(ticket(), deadlines({ acceptReminders: 3, reassignments: 1 })).map((s) => s.step)).toEqual([
      'remind-accept',
      'remind-accept',
      'remind-accept',
      'reassign',
      'escalate',
    ])
  })

  it('moves the ticket as many times as reassignments says', () => {
    expect(runChase(ticket(), deadlines({ acceptReminders: 1, reassignments: 2 })).map((s) => s.step)).toEqual([
      'remind-accept',
      'reassign',
      'reassign',
      'escalate',
    ])
  })

  it('reassigns at the accept deadline when acceptReminders is 0', () => {
    expect(runChase(ticket(), deadlines({ acceptReminders: 0 }))).toEqual([
      { step: 'reassign', minutes: 5 },
      { step: 'escalate', minutes: 10 },
    ])
  })

  it('escalates at the accept deadline when there are no reminders and no reassignments', () => {
    expect(runChase(ticket(), deadlines({ acceptReminders: 0, reassignments: 0 }))).toEqual([{ step: 'escalate', minutes: 5 }])
  })

  it('tells the coordinators at the resolve deadline itself when resolveReminders is 0', () => {
    expect(runChase(accepted(), deadlines({ resolveReminders: 0 }))).toEqual([{ step: 'overdue', minutes: 20 }])
  })

  it('sends each further resolve reminder followUpMinutes after the last', () => {
    expect(runChase(accepted(), deadlines({ resolveReminders: 2 }))).toEqual([
      { step: 'remind-resolve', minutes: 20 },
      { step: 'remind-resolve', minutes: 30 },
      { step: 'overdue', minutes: 40 },
    ])
  })
})

describe('planTimer: timer keys', () => {
  it('gives the same key for the same ticket, state, chase start and step', () => {
    const first = planTimer(ticket(), DEADLINES)!
    const again = planTimer(ticket({ timerKey: first.key, timerDue: first.dueAt }), DEADLINES)!
    expect(again).toEqual(first)
  })

  it('gives every step of one chase its own key', () => {
    const keys = [0, 1, 2].map((timerSteps) => planTimer(ticket({ timerSteps }), DEADLINES)!.key)
    expect(new Set(keys).size).toBe(3)
  })

  it('gives a new chase a new key, even at the same step', () => {
    const before = planTimer(ticket(), DEADLINES)!.key
    const reassignedByCoordinator = planTimer(ticket({ timerSince: T0 + 7 * MINUTE, assignedAt: T0 + 7 * MINUTE }), DEADLINES)!.key
    expect(reassignedByCoordinator).not.toBe(before)
  })

  it('tells the accept chase from the resolve chase started at the same instant', () => {
    const waiting = planTimer(ticket({ timerSince: T0 }), DEADLINES)!.key
    const working = planTimer(accepted(T0), DEADLINES)!.key
    expect(working).not.toBe(waiting)
  })

  it('tells two tickets apart', () => {
    expect(planTimer(ticket({ no: 8 }), DEADLINES)!.key).not.toBe(planTimer(ticket({ no: 7 }), DEADLINES)!.key)
  })

  it('does not depend on the deadlines, so a changed .env does not orphan a planned timer', () => {
    expect(planTimer(ticket(), deadlines({ acceptMinutes: 9 }))!.key).toBe(planTimer(ticket(), DEADLINES)!.key)
  })
})

describe('acceptChase and resolveChase', () => {
  it('is remind, reassign, escalate under 52022', () => {
    expect(acceptChase(DEADLINES)).toEqual(['remind-accept', 'reassign', 'escalate'])
  })

  it('always ends the accept chase with the coordinators', () => {
    expect(acceptChase(deadlines({ acceptReminders: 0, reassignments: 0 }))).toEqual(['escalate'])
    expect(acceptChase(deadlines({ acceptReminders: 2, reassignments: 3 }))).toEqual([
      'remind-accept',
      'remind-accept',
      'reassign',
      'reassign',
      'reassign',
      'escalate',
    ])
  })

  it('is reminders, then overdue, after an acceptance', () => {
    expect(resolveChase(DEADLINES)).toEqual(['remind-resolve', 'overdue'])
    expect(resolveChase(deadlines({ resolveReminders: 0 }))).toEqual(['overdue'])
    expect(resolveChase(deadlines({ resolveReminders: 3 }))).toEqual(['remind-resolve', 'remind-resolve', 'remind-resolve', 'overdue'])
  })
})

describe('isOverdue', () => {
  it('holds an escalated ticket overdue from the start', () => {
    expect(isOverdue(ticket({ state: 'escalated' }), DEADLINES, T0)).toBe(true)
  })

  it('is not overdue exactly at the accept deadline, and is a millisecond later', () => {
    expect(isOverdue(ticket(), DEADLINES, T0 + 5 * MINUTE)).toBe(false)
    expect(isOverdue(ticket(), DEADLINES, T0 + 5 * MINUTE + 1)).toBe(true)
  })

  it('counts the accept deadline from the latest assignment, not the creation', () => {
    const assignedAt = T0 + 60 * MINUTE
    expect(isOverdue(ticket({ assignedAt }), DEADLINES, assignedAt + 4 * MINUTE)).toBe(false)
  })

  it('counts a ticket nobody has from its creation', () => {
    const waiting = ticket({ state: 'new', assigneeId: null, assignedAt: null, timerSince: null })
    expect(isOverdue(waiting, DEADLINES, T0 + 5 * MINUTE)).toBe(false)
    expect(isOverdue(waiting, DEADLINES, T0 + 6 * MINUTE)).toBe(true)
  })

  it('is not overdue exactly at the resolve deadline, and is a millisecond later', () => {
    const acceptedAt = T0 + 3 * MINUTE
    expect(isOverdue(accepted(acceptedAt), DEADLINES, acceptedAt + 20 * MINUTE)).toBe(false)
    expect(isOverdue(accepted(acceptedAt), DEADLINES, acceptedAt + 20 * MINUTE + 1)).toBe(true)
  })

  it('gives an accepted ticket the resolve deadline, not the accept deadline', () => {
    const acceptedAt = T0 + 4 * MINUTE
    expect(isOverdue(accepted(acceptedAt), DEADLINES, acceptedAt + 10 * MINUTE)).toBe(false)
  })

  it.each<TicketState>(['resolved', 'rated', 'cancelled', 'merged'])('never holds a %s ticket overdue', (state) => {
    expect(isOverdue(ticket({ state }), DEADLINES, T0 + 30 * 24 * 60 * MINUTE)).toBe(false)
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0分钟'],
    [59 * MINUTE + 59_999, '59分钟'],
    [60 * MINUTE, '1小时'],
    [125 * MINUTE, '2小时5分'],
    [24 * 60 * MINUTE, '1天'],
    [(3 * 24 + 2) * 60 * MINUTE + 30 * MINUTE, '3天2小时'],
    [-5 * MINUTE, '0分钟'],
  ])('says %i ms as %s', (ms, said) => {
    expect(formatDuration(ms)).toBe(said)
  })
})

describe('describeEvent', () => {
  const names: Record<string, string> = { 'c-wang': '王医生', 'c-liu': '刘医生', 'c-zhao': '赵书记' }
  const nameOf = (id: string) => names[id] ?? id
  const event = (extra: Partial<TicketEvent>): TicketEvent => ({ ticketNo: 7, at: T0, type: 'created', by: null, to: null, note: null, ...extra })

  it.each<[Partial<TicketEvent>, string | null]>([
    [{ type: 'created', by: 'c-r1' }, '受理'],
    [{ type: 'assigned', to: 'c-wang' }, '派给王医生'],
    [{ type: 'assigned', by: 'c-zhao', to: 'c-liu', note: 'by coordinator' }, '派给刘医生'],
    [{ type: 'reassigned', to: 'c-liu' }, '转派给刘医生'],
    [{ type: 'reminded', to: 'c-wang', note: 'accept' }, '提醒王医生接单'],
    [{ type: 'reminded', to: 'c-wang', note: 'resolve' }, '提醒王医生尽快办结'],
    [{ type: 'accepted', by: 'c-wang' }, '王医生已接单'],
    [{ type: 'escalated', note: 'not accepted' }, '已上报协调员'],
    [{ type: 'escalated', to: 'c-wang', note: 'overdue' }, '超时，已报告协调员'],
    [{ type: 'cancelled', by: 'c-zhao' }, '已取消'],
    [{ type: 'attachment', by: 'c-r1', note: 'image' }, null],
  ])('tells %j as %j', (extra, said) => {
    expect(describeEvent(event(extra), nameOf)).toBe(said)
  })
})

describe('shift changes at 08:00 and 20:00 in Asia/Shanghai', () => {
  it.each([
    ['2026-11-22T19:59:59', '2026-11-22T08:00:00+08:00', '2026-11-22T20:00:00+08:00'],
    ['2026-11-22T20:00:00', '2026-11-22T20:00:00+08:00', '2026-11-23T08:00:00+08:00'],
    ['2026-11-22T20:00:30', '2026-11-22T20:00:00+08:00', '2026-11-23T08:00:00+08:00'],
    ['2026-11-22T23:59:59', '2026-11-22T20:00:00+08:00', '2026-11-23T08:00:00+08:00'],
    ['2026-11-23T00:30:00', '2026-11-22T20:00:00+08:00', '2026-11-23T08:00:00+08:00'],
    ['2026-11-23T07:59:00', '2026-11-22T20:00:00+08:00', '2026-11-23T08:00:00+08:00'],
    ['2026-11-23T08:00:00', '2026-11-23T08:00:00+08:00', '2026-11-23T20:00:00+08:00'],
    ['2026-11-23T12:00:00', '2026-11-23T08:00:00+08:00', '2026-11-23T20:00:00+08:00'],
  ])('at %s the last change was %s and the next is %s', (now, last, next) => {
    expect(formatInstant(lastShiftChange(at(now)))).toBe(last)
    expect(formatInstant(nextShiftChange(at(now)))).toBe(next)
  })

  it('counts a change that happens exactly now as the last one, never as the next', () => {
    const eight = at('2026-11-23T08:00:00')
    expect(lastShiftChange(eight)).toBe(eight)
    expect(nextShiftChange(eight)).toBeGreaterThan(eight)
  })

  it('lands on the exact minute when now has seconds and milliseconds', () => {
    const now = at('2026-11-22T19:59:59') + 999
    expect(nextShiftChange(now)).toBe(at('2026-11-22T20:00:00'))
    expect(lastShiftChange(now)).toBe(at('2026-11-22T08:00:00'))
  })

  it('reads the hour in Shanghai, not in UTC: 08:00 UTC is 16:00 there, in the day shift', () => {
    const now = Date.parse('2026-11-22T08:00:00Z')
    expect(formatInstant(lastShiftChange(now))).toBe('2026-11-22T08:00:00+08:00')
    expect(formatInstant(nextShiftChange(now))).toBe('2026-11-22T20:00:00+08:00')
  })
})

describe('parseCommand: coordinators’ commands', () => {
  it.each<[string, Command]>([
    ['待办', { name: 'pending' }],
    ['待办工单', { name: 'pending' }],
    ['派 12 张三', { name: 'assign', no: 12, target: '张三' }],
    ['派12给张三', { name: 'assign', no: 12, target: '张三' }],
    ['派 12 给 张三', { name: 'assign', no: 12, target: '张三' }],
    ['派 #12，张三', { name: 'assign', no: 12, target: '张三' }],
    ['指派 #12 c-li', { name: 'assign', no: 12, target: 'c-li' }],
    ['派单 ３ 李志愿者', { name: 'assign', no: 3, target: '李志愿者' }],
    ['派 12', { name: 'assign', no: 12, target: '' }],
    ['排班', { name: 'roster' }],
    ['值班表', { name: 'roster' }],
    ['关闭 12 原因', { name: 'close', no: 12, reason: '原因' }],
    ['关闭12重复求助', { name: 'close', no: 12, reason: '重复求助' }],
    ['关单 #5', { name: 'close', no: 5, reason: '' }],
    ['关闭', { name: 'close', no: null, reason: '' }],
    ['关闭：居民已自行解决', { name: 'close', no: null, reason: '居民已自行解决' }],
  ])('reads %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command)
  })

  it.each(['关闭了水阀', '关闭了吗', '派出所在哪', '派个人来看看吧', '待办事项很多', '排班表发一下', '指派谁去', '派 1234567890 张三'])(
    'does not read %j as a command',
    (text) => {
      expect(parseCommand(text)).toBeNull()
    },
  )
})

describe('planTimer: the rating reminder', () => {
  it('reminds a resident who has not rated once, 2 hours after resolution', () => {
    const resolvedAt = at('2026-11-22T10:00:00')
    const plan = planTimer(ticket({ state: 'resolved', timerSince: resolvedAt, timerSteps: 0, resolvedAt }), DEADLINES)
    expect(plan).toMatchObject({ step: 'remind-rating', dueAt: at('2026-11-22T12:00:00') })
    expect(planTimer(ticket({ state: 'resolved', timerSince: resolvedAt, timerSteps: 1, resolvedAt }), DEADLINES)).toBeNull()
  })

  it('never reminds at night: a reminder due between 22:00 and 08:00 waits until 08:00', () => {
    const late = at('2026-11-22T21:30:00')
    expect(planTimer(ticket({ state: 'resolved', timerSince: late, timerSteps: 0, resolvedAt: late }), DEADLINES)?.dueAt).toBe(at('2026-11-23T08:00:00'))
    const early = at('2026-11-23T05:10:00')
    expect(planTimer(ticket({ state: 'resolved', timerSince: early, timerSteps: 0, resolvedAt: early }), DEADLINES)?.dueAt).toBe(at('2026-11-23T08:00:00'))
  })

  it('plans nothing once the ticket is rated', () => {
    expect(planTimer(ticket({ state: 'rated', timerSince: T0, timerSteps: 0, rating: 4 }), DEADLINES)).toBeNull()
  })
})
