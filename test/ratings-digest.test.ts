import { describe, expect, it } from 'vitest'
import { after, eventOf, simulate } from './helpers/scenario.js'

/** Ratings and the digest, through scripts/simulate.ts on the community clock. */
const START = '2026-11-22T21:50:00+08:00'
const setup = (speed: number) => ({
  start: START,
  speed,
  rooms: [
    { id: 'r-g3', topic: '幸福里3网格群', grid: '3' },
    { id: 'r-coord', topic: '爱心专班协调群', coordinators: true },
  ],
  members: [
    { id: 'c-li', name: '李志愿者', role: 'member', skills: ['delivery'], shift: '全天', grids: ['*'] },
    { id: 'c-qian', name: '钱志愿者', role: 'member', skills: ['delivery'], shift: '全天', grids: ['*'] },
    { id: 'c-zhao', name: '赵书记', role: 'coordinator' },
  ],
  residents: [
    { id: 'c-r1', name: '张阿姨' },
    { id: 'c-r2', name: '刘大爷' },
  ],
})
const MEDICINE = '家里老人发烧38.6度，有没有退烧药？3栋2单元'

describe('ratings', { timeout: 60_000 }, () => {
  it('asks for a rating at resolution, records it, takes thanks as no rating, and a low one goes to the coordinators and 重办', async () => {
    const run = await simulate(setup(600), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: MEDICINE },
      { at: 60, from: 'c-li', text: '接 1' },
      { at: 600, from: 'c-li', text: '完成 1 已送到' },
      { at: 620, room: 'r-g3', from: 'c-r1', text: '谢谢，辛苦了' },
      { at: 660, room: 'r-g3', from: 'c-r1', text: '五星' },
      { at: 700, room: 'r-g3', from: 'c-r2', text: '家里没有退烧药了，谁能帮忙买一盒布洛芬，3栋' },
      { at: 760, from: 'c-qian', text: '接 2' },
      { at: 900, from: 'c-qian', text: '完成 2' },
      { at: 960, room: 'r-g3', from: 'c-r2', text: '不满意，太慢了' },
      { at: 1020, room: 'r-coord', from: 'c-zhao', text: '重办 2' },
      { at: 1100, room: 'r-coord', from: 'c-zhao', text: '日报' },
      { at: 1500, end: true },
    ])
    // Resolution asks, in the group, @-mentioning the resident.
    const asked = run.saidIn('r-g3').find((m) => m.text.includes('#1已办结'))!
    expect(asked.text).toMatch(/回复1-5/)
    expect(asked.mentions).toEqual(['c-r1'])
    // 谢谢 is no rating and gets no answer; 五星 is 5.
    const one = run.ticket(1)
    expect(one).toMatchObject({ state: 'rated' })
    expect((run.tickets[0] as unknown as { rating: number }).rating).toBe(5)
    expect(eventOf(one, 'rated')).toMatchObject({ by: 'c-r1', note: '5' })
    expect(run.saidIn('r-g3').filter((m) => m.at > after(START, 620) && m.at < after(START, 660))).toEqual([])

    // 不满意 is a 2: the resident is answered, the coordinators get the story and 重办.
    const two = run.ticket(2)
    expect(eventOf(two, 'rated').note).toBe('2')
    const told = run.saidIn('r-coord').find((m) => m.text.includes('#2') && m.text.includes('2分'))!
    expect(told.text).toContain('重办 2')
    expect(told.text).toMatch(/钱志愿者已接单/)
    // 重办 reopens it and sends it back to a member, who is told.
    const reopened = eventOf(two, 'reopened')
    expect(reopened.by).toBe('c-zhao')
    const again = two.events.find((e) => e.type === 'assigned' && e.at >= reopened.at)!
    expect(again).toBeDefined()
    expect(run.dmsTo(again.to!).some((m) => m.at >= reopened.at && m.text.includes('工单#2【'))).toBe(true)
    expect(run.saidIn('r-g3').some((m) => m.text.includes('#2已重新办理'))).toBe(true)

    // 日报 answers in the coordinators' group with the three rates, then the chart.
    const digest = run.saidIn('r-coord').find((m) => m.text.includes('日报'))!
    expect(digest.text).toMatch(/响应率 \d+%/)
    expect(digest.text).toMatch(/解决率 \d+%/)
    expect(digest.text).toMatch(/满意率 50%（1\/2）/)
    const chart = run.saidIn('r-coord').find((m) => (m as { file?: string }).file)!
    expect((chart as { file?: string }).file).toBe('日报-2026-11-22.png')
  })

  it('reminds a silent resident once, sends the 08:00 digest, and answers a late rating politely without counting it', async () => {
    // At 20,000x a few real milliseconds of work are minutes of community time: steps are spaced out.
    const run = await simulate(setup(20_000), [
      { at: 5, room: 'r-g3', from: 'c-r1', text: MEDICINE },
      { at: 1200, from: 'c-li', text: '接 1' },
      { at: 1800, from: 'c-li', text: '完成 1 已送到' },
      // 25 hours later: past the 24-hour window.
      { at: 600 + 25 * 3600, room: 'r-g3', from: 'c-r1', text: '5' },
      { at: 27 * 3600, end: true },
    ])
    const ticket = run.ticket(1)
    const resolved = eventOf(ticket, 'resolved')
    // Resolved at 22:00: 2 hours later is midnight, so the one reminder waits for 08:00.
    const reminders = ticket.events.filter((e) => e.type === 'reminded' && e.note === 'rating')
    expect(reminders).toHaveLength(1)
    const eight = Date.parse('2026-11-23T08:00:00+08:00')
    expect(reminders[0]!.at).toBeGreaterThanOrEqual(eight)
    expect(reminders[0]!.at - eight).toBeLessThan(10 * 60_000)
    expect(resolved.at).toBeLessThan(eight)
    expect(run.saidIn('r-g3').filter((m) => m.text.includes('还没有评价'))).toHaveLength(1)
    // The 08:00 digest of the 22nd, to the coordinators' group, with its chart.
    const daily = run.saidIn('r-coord').filter((m) => m.text.includes('2026-11-22 日报'))
    expect(daily).toHaveLength(1)
    expect(daily[0]!.at).toBeGreaterThanOrEqual(eight)
    expect(daily[0]!.text).toMatch(/响应率 \d+%（\d\/1）[\s\S]*解决率 100%（1\/1）[\s\S]*满意率 无数据/)
    expect(run.saidIn('r-coord').some((m) => (m as { file?: string }).file === '日报-2026-11-22.png')).toBe(true)
    // The late 5 is thanked and not counted.
    expect(ticket.state).toBe('resolved')
    expect(ticket.events.some((e) => e.type === 'rated')).toBe(false)
    expect(run.saidIn('r-g3').some((m) => m.text.includes('评价时间已过'))).toBe(true)
  })
})
