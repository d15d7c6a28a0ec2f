import { describe, expect, it } from 'vitest'
import { after, eventOf, minutes, simulate } from './helpers/scenario.js'

/** Shifts and restarts, through scripts/simulate.ts on the community clock at 600x. */
const ROOMS = [
  { id: 'r-g3', topic: '幸福里3网格群', grid: '3' },
  { id: 'r-coord', topic: '爱心专班协调群', coordinators: true },
]
const MEMBERS = [
  { id: 'c-chen', name: '陈医生', role: 'member', skills: ['doctor'], shift: '白班', grids: ['*'] },
  { id: 'c-wang', name: '王医生', role: 'member', skills: ['doctor'], shift: '晚班', grids: ['3'] },
  { id: 'c-li', name: '李志愿者', role: 'member', skills: ['delivery'], shift: '全天', grids: ['*'] },
  { id: 'c-sun', name: '孙师傅', role: 'member', skills: ['water'], shift: '白班', grids: ['*'] },
  { id: 'c-zhao', name: '赵书记', role: 'coordinator' },
]
const RESIDENTS = [
  { id: 'c-r1', name: '张阿姨' },
  { id: 'c-r2', name: '刘大爷' },
]
const setup = (start: string) => ({ start, speed: 600, rooms: ROOMS, members: MEMBERS, residents: RESIDENTS })
const ASK_DOCTOR = '家里老人咳嗽好几天了，请医生看看怎么办'
const REMINDER = /⏰/
/**
 * How late a timer may act, in community time: 2 minutes is 200 ms of real time at 600x, room for a
 * busy 2-core machine running test files side by side. Never early: that is asserted exactly.
 */
const LATE = minutes(2)

describe('shifts', { timeout: 60_000 }, () => {
  it('at 20:00 hands the day shift’s open tickets to the night shift, one message each', async () => {
    const start = '2026-11-22T19:40:00+08:00'
    const run = await simulate(setup(start), [
      { at: 2 * 60, room: 'r-g3', from: 'c-r1', text: ASK_DOCTOR },
      { at: 3 * 60, from: 'c-chen', text: '接 1' },
      { at: 16 * 60, room: 'r-g3', from: 'c-r2', text: '我家老伴发烧38度5，请医生看看' },
      { at: 30 * 60, end: true },
    ])
    const eight = after(start, 20 * 60)
    for (const no of [1, 2]) {
      const ticket = run.ticket(no)
      expect(eventOf(ticket, 'assigned').to).toBe('c-chen')
      const handover = eventOf(ticket, 'reassigned')
      expect(handover).toMatchObject({ to: 'c-wang', note: 'shift handover' })
      expect(handover.at - eight).toBeGreaterThanOrEqual(0)
      expect(handover.at - eight).toBeLessThan(LATE)
      expect(ticket.assignee).toBe('c-wang')
    }
    // 王医生 hears once, of both; 陈医生 hears once where they went, and is not chased any more.
    const toWang = run.dmsTo('c-wang')
    expect(toWang[0]!.text).toMatch(/交接班[\s\S]*#1[\s\S]*#2/)
    expect(toWang.filter((m) => m.at < eight + minutes(5))).toHaveLength(1)
    const toChen = run.dmsTo('c-chen').filter((m) => m.at >= eight)
    expect(toChen).toHaveLength(1)
    expect(toChen[0]!.text).toMatch(/#1→王医生[\s\S]*#2→王医生/)
    // The night shift’s own chase starts at the handover: 王医生 is reminded 5 minutes later.
    const reminder = toWang.find((m) => REMINDER.test(m.text))!
    expect(reminder.at - eight).toBeGreaterThanOrEqual(minutes(5))
    expect(reminder.at - eight).toBeLessThan(minutes(5) + LATE)
  })

  it('tells the coordinators at once when nobody on duty fits, tells the resident honestly, and 值班 hands it out', async () => {
    const start = '2026-11-22T21:50:00+08:00'
    const run = await simulate(setup(start), [
      { at: 10, room: 'r-g3', from: 'c-r1', text: '3栋停水了一天了，什么时候来水' },
      { at: 10 * 60, from: 'c-sun', text: '值班' },
      { at: 15 * 60, end: true },
    ])
    const ticket = run.ticket(1)
    const unassigned = eventOf(ticket, 'unassigned')
    expect(unassigned.at - after(start, 10)).toBeLessThan(LATE)
    const alert = run.saidIn('r-coord')[0]!
    expect(alert.text).toContain('#1')
    expect(alert.at - after(start, 10)).toBeLessThan(LATE)
    // Honest about when: 孙师傅's 白班 starts at 08:00.
    expect(run.saidIn('r-g3')[0]!.text).toMatch(/现在没有在班的.*协调员.*最晚08:00交班后/)
    // 孙师傅 comes on duty: the waiting ticket is his, without a coordinator having to step in.
    expect(eventOf(ticket, 'assigned').to).toBe('c-sun')
    expect(run.dmsTo('c-sun').some((m) => m.text.includes('工单#1【'))).toBe(true)
  })
})

describe('waiting tickets', { timeout: 60_000 }, () => {
  it('hands a waiting emergency and a waiting ticket with a photo to the incoming shift, even at 5,000x (a boot of a second is hours of community time)', async () => {
    const start = '2026-11-22T19:30:00+08:00'
    const members = MEMBERS.filter((m) => m.id !== 'c-chen') // no doctor on the day shift
    const run = await simulate({ ...setup(start), members, speed: 5_000 }, [
      { at: 60, room: 'r-g3', from: 'c-r1', text: '孩子发烧39度5，抽搐了，3栋2单元' },
      { at: 120, room: 'r-g3', from: 'c-r2', text: ASK_DOCTOR },
      { at: 180, room: 'r-g3', from: 'c-r2', type: 'image' },
      { at: 45 * 60, end: true },
    ])
    const eight = after(start, 30 * 60)
    for (const no of [1, 2]) {
      const ticket = run.ticket(no)
      expect(eventOf(ticket, 'unassigned').at).toBeLessThan(eight)
      const assigned = eventOf(ticket, 'assigned')
      expect(assigned.to).toBe('c-wang')
      expect(assigned.at).toBeGreaterThanOrEqual(eight)
      // 10 community minutes is 120 ms of real time at 5,000x.
      expect(assigned.at - eight).toBeLessThan(minutes(10))
    }
  })
})

describe('routing by building', { timeout: 60_000 }, () => {
  it('sends a direct message’s request to the grid its building belongs to in the roster', async () => {
    const rooms = [{ ...ROOMS[0]!, buildings: ['5号楼', '6栋'] }, { id: 'r-g4', topic: '幸福里4网格群', grid: '4' }, ROOMS[1]!]
    const members = [{ id: 'c-zhou', name: '周医生', role: 'member', skills: ['doctor'], shift: '全天', grids: ['4'] }, ...MEMBERS]
    const run = await simulate({ ...setup('2026-11-22T21:50:00+08:00'), rooms, members }, [
      { at: 5, from: 'c-r1', text: '我住五栋，家里老人咳嗽好几天了，想请医生看看要不要吃药' },
      { at: 120, end: true },
    ])
    // 5栋 is grid 3's (the roster lists it as 5号楼): 王医生 of grid 3, not 周医生 of grid 4, first in the roster.
    expect(eventOf(run.ticket(1), 'assigned').to).toBe('c-wang')
  })
})

describe('restarts', { timeout: 90_000 }, () => {
  it('keeps every pending timer through SIGKILL, and rebuilds them from the record when Redis lost them', async () => {
    const start = '2026-11-22T21:50:00+08:00'
    const run = await simulate(setup(start), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: ASK_DOCTOR },
      { at: 30, room: 'r-g3', from: 'c-r2', text: '家里没有退烧药了，谁能帮忙买一盒布洛芬，3栋' },
      { at: 60, from: 'c-li', text: '接 2' },
      // Killed with SIGKILL while both timers wait in Redis…
      { at: 2 * 60, restart: true },
      // …and again after Redis lost everything: only the SQLite record knows what is pending.
      { at: 3 * 60 + 30, restart: true, flushRedis: true },
      { at: 65 * 60, end: true },
    ])
    // #1: the accept chase carries on, each step once, on time.
    const one = run.ticket(1)
    const assigned = eventOf(one, 'assigned')
    const reminders = one.events.filter((e) => e.type === 'reminded')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.at - assigned.at).toBeGreaterThanOrEqual(minutes(5))
    expect(reminders[0]!.at - assigned.at).toBeLessThan(minutes(5) + LATE)
    expect(one.events.filter((e) => e.type === 'escalated')).toHaveLength(1)
    expect(run.dmsTo('c-wang').filter((m) => REMINDER.test(m.text))).toHaveLength(1)
    // #2: the medicine run’s resolve reminder, an hour after acceptance, once.
    const two = run.ticket(2)
    const accepted = eventOf(two, 'accepted')
    const nudges = run.dmsTo('c-li').filter((m) => REMINDER.test(m.text))
    expect(nudges).toHaveLength(1)
    expect(nudges[0]!.at - accepted.at).toBeGreaterThanOrEqual(minutes(60))
    expect(nudges[0]!.at - accepted.at).toBeLessThan(minutes(60) + LATE)
    // Nothing said twice across the crashes.
    const texts = run.sent.map((m) => `${JSON.stringify(m.to)} ${m.text}`)
    expect(new Set(texts).size).toBe(texts.length)
  })
})
