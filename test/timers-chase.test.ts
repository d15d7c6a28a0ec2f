import { describe, expect, it } from 'vitest'
import { after, eventOf, minutes, simulate } from './helpers/scenario.js'

/**
 * The chase, through scripts/simulate.ts (the mock puppet, a real redis-server and SQLite file) on the
 * community clock at 600x: five community minutes pass in half a real second, and every time below is
 * read from the transcript's community timestamps, never from a sleep.
 */
const START = '2026-11-22T21:50:00+08:00' // a night: 晚班 is on, 白班 is off
const ROOMS = [
  { id: 'r-g3', topic: '幸福里3网格群', grid: '3' },
  { id: 'r-coord', topic: '爱心专班协调群', coordinators: true },
]
const doctor = (id: string, name: string, shift: string, grids: string[]) => ({ id, name, role: 'member', skills: ['doctor'], shift, grids })
const MEMBERS = [
  doctor('c-chen', '陈医生', '白班', ['*']),
  doctor('c-wang', '王医生', '晚班', ['3']),
  doctor('c-liu', '刘医生', '全天', ['3']),
  { id: 'c-li', name: '李志愿者', role: 'member', skills: ['delivery'], shift: '全天', grids: ['*'] },
  { id: 'c-sun', name: '孙师傅', role: 'member', skills: ['water'], shift: '白班', grids: ['*'] },
  { id: 'c-zhao', name: '赵书记', role: 'coordinator' },
]
const RESIDENTS = [{ id: 'c-r1', name: '张阿姨' }]
const setup = (members = MEMBERS, speed = 600) => ({ start: START, speed, rooms: ROOMS, members, residents: RESIDENTS })
const ASK_DOCTOR = '家里老人咳嗽好几天了，请医生看看怎么办'
const REMINDER = /⏰/
/**
 * How late a timer may act, in community time: 2 minutes is 200 ms of real time at 600x, room for a
 * busy 2-core machine running test files side by side. Never early: that is asserted exactly.
 */
const LATE = minutes(2)

describe('nobody waits in silence: the accept chase', { timeout: 60_000 }, () => {
  it('routes a night request to 晚班, reminds at 5 minutes and not before, reassigns, escalates, and a coordinator’s 派 starts it again', async () => {
    const run = await simulate(setup(), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: ASK_DOCTOR },
      { at: 17 * 60, room: 'r-coord', from: 'c-zhao', text: '派 1 王医生' },
      { at: 18 * 60, from: 'c-wang', text: '接 1' },
      { at: 55 * 60, end: true },
    ])
    const ticket = run.ticket(1)
    const assigned = eventOf(ticket, 'assigned')
    // 晚班 covers grid 3 at night; 陈医生 (白班) covers every grid but is off duty.
    expect(assigned.to).toBe('c-wang')
    expect(run.dmsTo('c-chen')).toEqual([])

    // The reminder: at 5 community minutes after the assignment, and nothing before it.
    const toWang = run.dmsTo('c-wang')
    const reminder = toWang.find((m) => REMINDER.test(m.text) && m.text.includes('接 1'))!
    expect(reminder, JSON.stringify(toWang)).toBeDefined()
    expect(toWang.filter((m) => m.at < assigned.at + minutes(5)).every((m) => !REMINDER.test(m.text))).toBe(true)
    expect(reminder.at - assigned.at).toBeGreaterThanOrEqual(minutes(5))
    expect(reminder.at - assigned.at).toBeLessThan(minutes(5) + LATE)
    const reminded = eventOf(ticket, 'reminded')
    expect(reminded).toMatchObject({ to: 'c-wang', note: 'accept' })

    // Still not accepted 5 minutes after the reminder: the next fitting member on duty gets it.
    const reassigned = eventOf(ticket, 'reassigned')
    expect(reassigned.to).toBe('c-liu')
    expect(reassigned.at - reminded.at).toBeGreaterThanOrEqual(minutes(5))
    expect(reassigned.at - reminded.at).toBeLessThan(minutes(5) + LATE)
    expect(run.dmsTo('c-liu')[0]!.text).toContain('#1')
    expect(toWang.some((m) => m.at >= reassigned.at && m.text.includes('转派给刘医生'))).toBe(true)

    // Still not: the coordinators' group, with an @-mention of the coordinators and the summary.
    const escalated = eventOf(ticket, 'escalated')
    expect(escalated.note).toBe('not accepted')
    expect(escalated.at - reassigned.at).toBeGreaterThanOrEqual(minutes(5))
    expect(escalated.at - reassigned.at).toBeLessThan(minutes(5) + LATE)
    const alert = run.saidIn('r-coord').find((m) => m.at >= escalated.at && m.text.includes('#1'))!
    expect(alert.mentions).toEqual(['c-zhao'])
    expect(alert.text).toMatch(/王医生→刘医生/)
    // The resident hears the truth, in the group, with an @-mention.
    expect(run.saidIn('r-g3').some((m) => m.at >= escalated.at && m.text.includes('已上报社区协调员') && m.mentions?.includes('c-r1'))).toBe(true)

    // 派 1 王医生: assigned again by the coordinator, then accepted.
    const byCoordinator = ticket.events.find((e) => e.type === 'assigned' && e.by === 'c-zhao')!
    expect(byCoordinator.to).toBe('c-wang')
    expect(eventOf(ticket, 'accepted').by).toBe('c-wang')
    expect(run.saidIn('r-coord').some((m) => m.text.includes('已把工单#1派给王医生'))).toBe(true)
  })

  it('reminds the member at the resolve deadline, then tells the coordinators, and the steps show in 进度', async () => {
    const run = await simulate(setup(), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: ASK_DOCTOR },
      { at: 60, from: 'c-wang', text: '接 1' },
      { at: 40 * 60, room: 'r-g3', from: 'c-r1', text: '进度' },
      { at: 45 * 60, end: true },
    ])
    const ticket = run.ticket(1)
    const accepted = eventOf(ticket, 'accepted')
    // No accept reminder: the timer that was due at 5 minutes belonged to a ticket that moved on.
    expect(ticket.events.filter((e) => e.type === 'reminded').map((e) => e.note)).toEqual(['resolve'])
    const reminded = eventOf(ticket, 'reminded')
    // Fever advice: 20 minutes after acceptance.
    expect(reminded.at - accepted.at).toBeGreaterThanOrEqual(minutes(20))
    expect(reminded.at - accepted.at).toBeLessThan(minutes(20) + LATE)
    const nudge = run.dmsTo('c-wang').find((m) => REMINDER.test(m.text))!
    expect(nudge.text).toContain('完成 1')
    expect(nudge.at).toBeGreaterThanOrEqual(accepted.at + minutes(20))
    // Then the coordinators, 10 minutes later (the fever handler's follow-up), the member keeping it.
    const overdue = ticket.events.find((e) => e.type === 'escalated')!
    expect(overdue).toMatchObject({ note: 'overdue', to: 'c-wang' })
    expect(overdue.at - reminded.at).toBeGreaterThanOrEqual(minutes(10))
    expect(overdue.at - reminded.at).toBeLessThan(minutes(10) + LATE)
    expect(ticket).toMatchObject({ state: 'accepted', assignee: 'c-wang' })
    expect(run.saidIn('r-coord').find((m) => m.text.includes('#1'))?.mentions).toEqual(['c-zhao'])
    // 进度 tells the resident every step so far.
    const progress = run.saidIn('r-g3').find((m) => m.text.includes('受理') && m.text.includes('提醒'))!
    expect(progress.text).toMatch(/派给王医生[\s\S]*王医生已接单[\s\S]*提醒王医生尽快办结[\s\S]*超时，已报告协调员/)
  })

  it('pages every member on duty and the coordinators within a community minute of an emergency; one owner still accepts', async () => {
    // At 60x, so "within a community minute" is a real second, whatever else the machine is doing.
    const run = await simulate(setup(MEMBERS, 60), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: '孩子发烧39度5，抽搐了，3栋2单元' },
      { at: 120, from: 'c-liu', text: '接 1' },
      { at: 150, end: true },
    ])
    const message = after(START, 5)
    const ack = run.saidIn('r-g3')[0]!
    expect(ack.text.split('\n')[0]).toContain('120')
    expect(ack.at - message).toBeLessThan(minutes(1))
    const ticket = run.ticket(1)
    expect(ticket.urgency).toBe('emergency')
    expect(eventOf(ticket, 'assigned').to).toBe('c-wang')
    // Everyone on duty tonight, whatever their skill; not the day shift.
    for (const id of ['c-wang', 'c-liu', 'c-li']) {
      const first = run.dmsTo(id)[0]
      expect(first, id).toBeDefined()
      expect(first!.text).toContain('#1')
      expect(first!.at - message, id).toBeLessThan(minutes(1))
    }
    expect(run.dmsTo('c-chen')).toEqual([])
    expect(run.dmsTo('c-sun')).toEqual([])
    const page = run.saidIn('r-coord')[0]!
    expect(page.mentions).toEqual(['c-zhao'])
    expect(page.at - message).toBeLessThan(minutes(1))
    expect(eventOf(ticket, 'paged')).toBeDefined()
    // One owner: 刘医生 was nearer and took it; 王医生 is told not to go.
    expect(ticket).toMatchObject({ state: 'accepted', assignee: 'c-liu' })
    expect(run.dmsTo('c-wang').some((m) => m.text.includes('刘医生接单'))).toBe(true)
  })

  it('never gives a ticket back to someone who handed it back, even when the chase moves it on', async () => {
    const members = [...MEMBERS, doctor('c-qian', '钱医生', '全天', ['*'])]
    const run = await simulate(setup(members), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: ASK_DOCTOR },
      { at: 60, from: 'c-wang', text: '转 1 我在外地，电话13812345678' },
      { at: 25 * 60, end: true },
    ])
    const ticket = run.ticket(1)
    const handedBack = eventOf(ticket, 'handed-back')
    expect(handedBack.by).toBe('c-wang')
    // At once to the next fitting member; when they stay silent, the chase moves it on, never to 王医生.
    const moves = ticket.events.filter((e) => (e.type === 'assigned' || e.type === 'reassigned') && e.at > handedBack.at)
    expect(moves.map((e) => e.to)).toEqual(['c-liu', 'c-qian'])
    expect(moves[0]!.at - handedBack.at).toBeLessThan(minutes(1))
    expect(run.dmsTo('c-wang').filter((m) => m.text.includes('工单#1【'))).toHaveLength(1)
    expect(run.dmsTo('c-wang').some((m) => m.at > handedBack.at && /工单#1【/.test(m.text))).toBe(false)
    // The reason reaches nobody's group with the phone number in it.
    for (const m of run.sent.filter((s) => s.to.room)) expect(m.text).not.toContain('13812345678')
  })

  it('after two hand-backs a coordinator decides, and is told why', async () => {
    const run = await simulate(setup(), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: ASK_DOCTOR },
      { at: 60, from: 'c-wang', text: '转 1 在外地' },
      { at: 120, from: 'c-liu', text: '转 1 手上有急诊' },
      { at: 10 * 60, end: true },
    ])
    const ticket = run.ticket(1)
    expect(ticket.state).toBe('escalated')
    expect(ticket.events.filter((e) => e.type === 'handed-back').map((e) => e.by)).toEqual(['c-wang', 'c-liu'])
    const told = run.saidIn('r-coord').find((m) => m.text.includes('#1'))!
    expect(told.text).toContain('在外地')
    expect(told.text).toContain('手上有急诊')
  })

  it('tells the coordinators by direct message when the roster has no coordinators’ group', async () => {
    const run = await simulate({ ...setup(), rooms: [ROOMS[0]!] }, [
      { at: 5, room: 'r-g3', from: 'c-r1', text: ASK_DOCTOR },
      { at: 20 * 60, end: true },
    ])
    expect(run.ticket(1).state).toBe('escalated')
    const told = run.dmsTo('c-zhao')
    expect(told.some((m) => m.text.includes('#1') && m.text.includes('仍无人接单'))).toBe(true)
  })
})
