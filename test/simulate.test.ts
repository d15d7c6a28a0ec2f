import { describe, expect, it } from 'vitest'
import { runScript } from './helpers/run-script.js'

const SETUP = {
  setup: {
    start: '2026-11-22T21:50:00+08:00',
    speed: 600,
    rooms: [
      { id: 'r-g3', topic: '幸福里3网格群', grid: '3' },
      { id: 'r-coord', topic: '爱心专班协调群', coordinators: true },
    ],
    members: [
      { id: 'c-wang', name: '王医生', role: 'member', skills: ['doctor'], shift: '晚班', grids: ['3'] },
      { id: 'c-li', name: '李志愿者', role: 'member', skills: ['delivery'], shift: '全天', grids: ['*'] },
      { id: 'c-zhao', name: '赵书记', role: 'coordinator' },
    ],
    residents: [{ id: 'c-r1', name: '张阿姨' }],
  },
}
const scenario = (...events: object[]) => [SETUP, ...events].map((e) => JSON.stringify(e)).join('\n') + '\n'
const simulate = (input: string) => runScript('scripts/simulate.ts', input, [], { REDIS_URL: '' })
const ISO = /^2026-11-2\dT\d\d:\d\d:\d\d\+08:00$/

describe('scripts/simulate.ts', { timeout: 30_000 }, () => {
  it('runs the contract’s example and prints what the bot sent, then the summary', async () => {
    const { lines, code, stderr } = await simulate(
      scenario(
        { at: 5, room: 'r-g3', from: 'c-r1', text: '家里老人发烧38.6度，有没有退烧药？3栋2单元' },
        { at: 70, from: 'c-li', text: '接 1' },
        { at: 900, from: 'c-li', text: '完成 1 已送到' },
        { at: 960, from: 'c-r1', text: '5' },
        { at: 1200, end: true },
      ),
    )
    expect(code, stderr).toBe(0)
    const sent = lines.slice(0, -1).map((l) => JSON.parse(l))
    const { summary } = JSON.parse(lines.at(-1)!)
    for (const message of sent) {
      expect(message.at).toMatch(ISO)
      expect(Object.keys(message.to)).toHaveLength(1)
    }
    const ack = sent.find((m) => m.to.room === 'r-g3')
    expect(ack.text).toContain('#1')
    expect(ack.mentions).toEqual(['c-r1'])
    // Answered within a community minute of 21:50:05.
    expect(Date.parse(ack.at) - Date.parse('2026-11-22T21:50:05+08:00')).toBeLessThan(60_000)
    expect(sent.some((m) => m.to.contact === 'c-li' && m.text.includes('接 1'))).toBe(true)
    expect(summary.tickets).toHaveLength(1)
    expect(summary.tickets[0]).toMatchObject({
      no: 1, state: 'rated', kind: 'request', category: 'medicine', urgency: 'urgent',
      room: 'r-g3', requester: 'c-r1', assignee: 'c-li', rating: 5,
    })
    expect(summary.tickets[0].events.map((e: { type: string }) => e.type)).toEqual(['created', 'assigned', 'accepted', 'resolved', 'rated'])
    for (const e of summary.tickets[0].events) expect(e.at).toMatch(ISO)
  })

  it('keeps one ticket for a message delivered twice, and carries on across a crash', async () => {
    const text = '家里老人发烧38.6度，有没有退烧药？3栋2单元'
    const { lines, code, stderr } = await simulate(
      scenario(
        { at: 5, room: 'r-g3', from: 'c-r1', text, id: 'wx-1' },
        { at: 6, room: 'r-g3', from: 'c-r1', text, id: 'wx-1' },
        { at: 30, restart: true },
        { at: 90, from: 'c-li', text: '接 1' },
        { at: 600, end: true },
      ),
    )
    expect(code, stderr).toBe(0)
    const { summary } = JSON.parse(lines.at(-1)!)
    expect(summary.tickets).toHaveLength(1)
    expect(summary.tickets[0].state).toBe('accepted')
    expect(lines.filter((l) => l.includes('"room":"r-g3"') && l.includes('已收到'))).toHaveLength(1)
  })

  it('rejects a malformed scenario with the line and what is wrong', async () => {
    const bad = await simulate(scenario({ at: 5, room: 'r-nowhere', from: 'c-r1', text: 'hi' }))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('line 2')
    expect(bad.stderr).toContain('r-nowhere')
    const notJson = await simulate(JSON.stringify(SETUP) + '\n{oops\n')
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).toContain('line 2: not valid JSON')
    const noSetup = await simulate('{"at":1,"from":"c-r1","text":"hi"}\n')
    expect(noSetup.code).toBe(2)
    expect(noSetup.stderr).toContain('line 1')
    expect(noSetup.lines).toEqual([])
  })
})

describe('scripts/simulate.ts across crashes', { timeout: 30_000 }, () => {
  it('handles a message said at the very moment of a crash, once', async () => {
    const { lines, code, stderr } = await simulate(
      scenario(
        { at: 5, room: 'r-g3', from: 'c-r1', text: '家里老人发烧38.6度，有没有退烧药？3栋2单元' },
        { at: 5, restart: true },
        { at: 300, end: true },
      ),
    )
    expect(code, stderr).toBe(0)
    const { summary } = JSON.parse(lines.at(-1)!)
    expect(summary.tickets).toHaveLength(1)
    expect(summary.tickets[0].state).toBe('assigned')
    expect(lines.filter((l) => l.includes('新工单#1'))).toHaveLength(1)
  })

  it('names the setup entry when a member is malformed', async () => {
    const bad = { setup: { ...SETUP.setup, members: [...SETUP.setup.members, { id: 'c-x', name: 'X', shift: '早班' }] } }
    const { code, stderr } = await simulate(JSON.stringify(bad) + '\n')
    expect(code).toBe(2)
    expect(stderr).toContain('line 1: setup.members[3]')
  })
})
