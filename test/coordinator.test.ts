import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClock, parseInstant } from '../src/clock.js'
import type { Heard } from '../src/chat/mock-community.js'
import type { MemberEntry } from '../src/roster/types.js'
import { useRedis } from './helpers/redis.js'
import { COORD_ROOM, inRoom, MEMBERS, OTHER_ROOM, ROOM, ROOMS, startTestBot, toContact, type TestBot } from './helpers/test-bot.js'

/**
 * The coordinators' commands (待办, 派, 排班, 关闭) through the whole bot: Wechaty on the mock puppet,
 * a real redis-server and a real SQLite file. 赵书记 (c-zhao) is the coordinator; 爱心专班协调群
 * (COORD_ROOM) is the coordinators' group. Every test waits for what the bot says, never sleeps.
 */

const redis = useRedis()
let bot: TestBot | undefined
afterEach(async () => {
  await bot?.stop()
  bot = undefined
})
/** The bot under test, started by the describe's beforeEach. */
const b = (): TestBot => bot!

const REFUSAL = '抱歉，这条指令只有协调员可以用。'
const FEVER_MEDICINE = '家里老人发烧38.6度，有没有退烧药？3栋2单元1102，电话13812345678'
const NO_WATER_IN_GRID_9 = '9号楼停水了，什么时候来水'

/** 张阿姨 asks for medicine in grid 3: ticket #1, given to 李志愿者, and the group told. */
async function medicineTicket(): Promise<void> {
  b().say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
  await Promise.all([
    b().next(toContact('c-li', '新工单#1'), 'the assignment to 李志愿者'),
    b().next(inRoom(ROOM, '工单#1'), 'the group’s acknowledgement'),
  ])
}

/** 刘大爷 reports no water in grid 9, where nobody fits: the next ticket, waiting with no owner. */
async function waterTicketNobodyFits(no: number): Promise<void> {
  b().say({ from: 'c-r2', roomId: OTHER_ROOM, text: NO_WATER_IN_GRID_9 })
  await b().next(inRoom(COORD_ROOM, `#${no}`), 'the coordinators’ nobody-fits alert')
}

/** The coordinator types a command in the coordinators' group and gets the answer there. */
async function coordinatorSays(text: string, answerIncludes = ''): Promise<string> {
  const [answer] = await coordinatorSaysAndAlso(text, answerIncludes)
  return answer!
}

/**
 * The answer, and the other messages the same step sent (to the members, to the resident's group).
 * Each chat has its own queue, so they come in any order: all are awaited at once.
 */
async function coordinatorSaysAndAlso(text: string, answerIncludes: string, ...also: ((h: Heard) => boolean)[]): Promise<string[]> {
  b().say({ from: 'c-zhao', roomId: COORD_ROOM, text })
  const heard = await Promise.all([inRoom(COORD_ROOM, answerIncludes), ...also].map((match) => b().next(match, `what ${text} brings`)))
  return heard.map((h) => h.text)
}

const ticket = (no: number) => b().app.core.tickets.get(no)!
const events = (no: number) => b().app.core.tickets.events(no)

describe('only coordinators may use them', () => {
  beforeEach(async () => {
    bot = await startTestBot(redis.current)
    await medicineTicket()
  })

  it.each(['待办', '排班', '派 1 钱志愿者', '关闭 1 重复求助'])('refuses a resident’s %s by DM and changes nothing', async (text) => {
    b().say({ from: 'c-r2', roomId: null, text })
    expect((await b().next(toContact('c-r2'), 'the refusal')).text).toBe(REFUSAL)
    expect(ticket(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-li' })
    expect(events(1).map((e) => e.type)).toEqual(['created', 'assigned'])
  })

  it.each(['待办', '排班', '派 1 钱志愿者', '关闭 1 重复求助'])('refuses a duty member’s %s and changes nothing', async (text) => {
    b().say({ from: 'c-li', roomId: null, text })
    expect((await b().next(toContact('c-li'), 'the refusal')).text).toBe(REFUSAL)
    expect(ticket(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-li' })
    expect(events(1).map((e) => e.type)).toEqual(['created', 'assigned'])
  })

  it('refuses a resident who types 关闭 on their own ticket in the group, there, with an @-mention', async () => {
    b().say({ from: 'c-r1', roomId: ROOM, text: '关闭 1' })
    const refusal = await b().next(inRoom(ROOM, REFUSAL), 'the refusal in the group')
    expect(refusal.text).toBe(`@张阿姨 ${REFUSAL}`)
    expect(ticket(1).state).toBe('assigned')
  })
})

describe('待办', () => {
  beforeEach(async () => {
    bot = await startTestBot(redis.current)
  })

  it('says so when no ticket is open', async () => {
    expect(await coordinatorSays('待办')).toBe('@赵书记 现在没有未办结的工单。')
  })

  it('lists each open ticket with its group, state and owner', async () => {
    await medicineTicket()
    const answer = await coordinatorSays('待办', '未办结工单')
    expect(answer).toContain('未办结工单1个，其中超时0个：')
    expect(answer).toMatch(/·#1 买药送药·加急 幸福里3网格群 已派单，等待接单 李志愿者 已\d+分钟/)
  })

  it('says 无人负责 for a ticket nobody could take', async () => {
    await medicineTicket()
    await waterTicketNobodyFits(2)
    const answer = await coordinatorSays('待办', '未办结工单')
    expect(answer).toContain('未办结工单2个')
    expect(answer).toMatch(/#2 用水问题·\S+ 幸福里9网格群 待派单 无人负责/)
    expect(answer).toContain('#1 买药送药')
  })

  it('leaves closed tickets out', async () => {
    await medicineTicket()
    await waterTicketNobodyFits(2)
    await coordinatorSays('关闭 2 已来水', '已关闭工单#2')
    const answer = await coordinatorSays('待办', '未办结工单')
    expect(answer).toContain('未办结工单1个')
    expect(answer).not.toContain('#2')
  })

  it('answers a coordinator who asks in a residents’ group by DM, and the group hears nothing', async () => {
    await medicineTicket()
    b().say({ from: 'c-zhao', roomId: ROOM, text: '待办' })
    const dm = await b().next(toContact('c-zhao', '未办结工单'), 'the answer by DM')
    expect(dm.text).toContain('#1 买药送药')
    // The group's next message is the resident's 进度: nothing about 待办 came before it.
    b().say({ from: 'c-r1', roomId: ROOM, text: '进度' })
    await b().next(inRoom(ROOM, '工单#1（'), 'the resident’s progress')
    expect(b().heard.filter((h) => h.roomId === ROOM && (h.text.includes('未办结工单') || h.text.includes('赵书记')))).toEqual([])
  })

  it('answers a coordinator’s DM by DM', async () => {
    await medicineTicket()
    b().say({ from: 'c-zhao', roomId: null, text: '待办' })
    expect((await b().next(toContact('c-zhao'), 'the answer by DM')).text).toContain('未办结工单1个')
  })
})

describe('待办 on the community clock', () => {
  const clock = createClock({ communityMs: parseInstant('2026-11-22T21:50:00+08:00')!, realMs: Date.now(), speed: 1 })
  beforeEach(async () => {
    bot = await startTestBot(redis.current, { clock })
  })

  it('marks a ticket past its accept deadline with ⚠️ and counts it as overdue', async () => {
    await medicineTicket()
    clock.reanchor(ticket(1).assignedAt! + 6 * 60_000)
    const answer = await coordinatorSays('待办', '未办结工单')
    expect(answer).toContain('未办结工单1个，其中超时1个：')
    expect(answer).toContain('⚠️#1 买药送药')
    expect(answer).toContain('已6分钟')
  })
})

describe('派', () => {
  beforeEach(async () => {
    bot = await startTestBot(redis.current)
    await medicineTicket()
  })

  it('gives the ticket to the named member, who gets it by DM with its number', async () => {
    const [answer, dm] = await coordinatorSaysAndAlso('派 1 钱志愿者', '', toContact('c-qian', '工单#1'))
    expect(answer).toBe('@赵书记 已把工单#1派给钱志愿者。')
    expect(dm).toContain('转派工单#1【买药送药')
    expect(dm).toContain('接 1')
    expect(ticket(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-qian' })
  })

  it('tells the member who had it that they need not go', async () => {
    const [, told] = await coordinatorSaysAndAlso('派 1 钱志愿者', '', toContact('c-li', '#1'))
    expect(told).toBe('工单#1协调员已改派给钱志愿者，您不用再处理。')
  })

  it('records the assignment as the coordinator’s', async () => {
    await coordinatorSays('派 1 钱志愿者')
    expect(events(1).at(-1)).toMatchObject({ type: 'assigned', by: 'c-zhao', to: 'c-qian', note: 'by coordinator' })
  })

  it('takes a contact id as well as a name', async () => {
    expect(await coordinatorSays('指派 #1 c-qian')).toContain('已把工单#1派给钱志愿者')
    expect(ticket(1).assigneeId).toBe('c-qian')
  })

  it('moves an accepted ticket and waits for the new member to accept it', async () => {
    b().say({ from: 'c-li', roomId: null, text: '接 1' })
    await b().next(toContact('c-li', '已接单#1'))
    await coordinatorSays('派 1 钱志愿者', '已把工单#1')
    expect(ticket(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-qian', acceptedAt: null })
  })

  it('gives a ticket nobody could take to the member the coordinator names', async () => {
    await waterTicketNobodyFits(2)
    expect(ticket(2)).toMatchObject({ state: 'new', assigneeId: null })
    const [answer] = await coordinatorSaysAndAlso('派 2 李志愿者', '#2', toContact('c-li', '转派工单#2【用水问题'))
    expect(answer).toContain('已把工单#2派给李志愿者')
    expect(ticket(2)).toMatchObject({ state: 'assigned', assigneeId: 'c-li' })
  })

  it('says so when the member is off duty, and still assigns', async () => {
    b().say({ from: 'c-qian', roomId: null, text: '下班' })
    await b().next(toContact('c-qian', '已设为下班'))
    expect(await coordinatorSays('派 1 钱志愿者')).toContain('已把工单#1派给钱志愿者（此人现在不在班）')
    expect(ticket(1).assigneeId).toBe('c-qian')
  })

  it('says when nobody on the roster has that name, and changes nothing', async () => {
    expect(await coordinatorSays('派 1 周师傅')).toContain('名单里没有“周师傅”')
    expect(ticket(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-li' })
    expect(events(1)).toHaveLength(2)
  })

  it('asks for the contact id when two members share the name, and changes nothing', async () => {
    const twin: MemberEntry = { id: 'c-wang2', name: '王医生', role: 'member', skills: ['doctor'], grids: ['*'], shift: '全天' }
    b().app.core.roster.replace([...MEMBERS, twin], ROOMS)
    expect(await coordinatorSays('派 1 王医生')).toContain('名单里有2个“王医生”，请用编号：c-wang、c-wang2')
    expect(ticket(1).assigneeId).toBe('c-li')
    expect(await coordinatorSays('派 1 c-wang2', '#1')).toContain('已把工单#1派给王医生')
    expect(ticket(1).assigneeId).toBe('c-wang2')
  })

  it('refuses a ticket that is closed', async () => {
    await coordinatorSays('关闭 1 重复求助', '已关闭')
    expect(await coordinatorSays('派 1 钱志愿者')).toContain('工单#1已取消，不能再派或关闭。')
    expect(ticket(1)).toMatchObject({ state: 'cancelled', assigneeId: 'c-li' })
  })

  it('says how to use it when the member is left out', async () => {
    expect(await coordinatorSays('派 1')).toContain('用法：派 12 张三')
    expect(events(1)).toHaveLength(2)
  })

  it('says when the ticket does not exist', async () => {
    expect(await coordinatorSays('派 99 钱志愿者')).toContain('没有找到工单#99')
  })

  it('says the ticket already is with that member, and records nothing', async () => {
    expect(await coordinatorSays('派 1 李志愿者')).toContain('工单#1已经是李志愿者负责。')
    expect(events(1).map((e) => e.type)).toEqual(['created', 'assigned'])
  })

  it('answers a coordinator who types it in a residents’ group by DM', async () => {
    b().say({ from: 'c-zhao', roomId: ROOM, text: '派 1 钱志愿者' })
    expect((await b().next(toContact('c-zhao'), 'the answer by DM')).text).toBe('已把工单#1派给钱志愿者。')
    expect(ticket(1).assigneeId).toBe('c-qian')
    b().say({ from: 'c-r1', roomId: ROOM, text: '进度' })
    await b().next(inRoom(ROOM, '工单#1（'), 'the resident’s progress')
    expect(b().heard.filter((h) => h.roomId === ROOM && h.text.includes('已把工单'))).toEqual([])
  })
})

describe('关闭', () => {
  beforeEach(async () => {
    bot = await startTestBot(redis.current)
    await medicineTicket()
  })

  it('cancels the ticket and records the coordinator and the reason', async () => {
    expect(await coordinatorSays('关闭 1 重复求助')).toBe('@赵书记 已关闭工单#1。')
    expect(ticket(1).state).toBe('cancelled')
    expect(ticket(1).closedAt).not.toBeNull()
    expect(events(1).at(-1)).toMatchObject({ type: 'cancelled', by: 'c-zhao', note: '重复求助' })
  })

  it('tells the resident in their group, with an @-mention and the reason', async () => {
    const [, notice] = await coordinatorSaysAndAlso('关闭 1 重复求助', '', inRoom(ROOM, '已由社区关闭'))
    expect(notice).toBe('@张阿姨 工单#1已由社区关闭：重复求助。还需要帮助请在这里说明。')
    await expect.poll(() => b().sent.find((s) => s.text.includes('已由社区关闭'))?.mentions).toEqual(['c-r1'])
  })

  it('keeps phone and room numbers in the reason out of the group', async () => {
    const [, notice] = await coordinatorSaysAndAlso('关闭 1 已电话13812345678联系，1102室已送到', '已关闭', inRoom(ROOM, '已由社区关闭'))
    expect(notice).toContain('工单#1已由社区关闭')
    expect(notice).not.toMatch(/13812345678|1102/)
  })

  it('tells the assignee they need not go', async () => {
    const [, told] = await coordinatorSaysAndAlso('关闭 1 重复求助', '', toContact('c-li', '#1'))
    expect(told).toBe('工单#1已由协调员关闭，不用再处理了。')
  })

  it('closes a ticket without a reason too', async () => {
    const [, notice] = await coordinatorSaysAndAlso('关闭 1', '已关闭', inRoom(ROOM, '已由社区关闭'))
    expect(notice).toBe('@张阿姨 工单#1已由社区关闭。还需要帮助请在这里说明。')
    expect(events(1).at(-1)).toMatchObject({ type: 'cancelled', by: 'c-zhao', note: 'closed by coordinator' })
  })

  it('says how to use it without a number, and changes nothing', async () => {
    expect(await coordinatorSays('关闭')).toContain('用法：关闭 12 原因')
    expect(ticket(1).state).toBe('assigned')
  })

  it('refuses a ticket that is already closed', async () => {
    await coordinatorSays('关闭 1 重复求助', '已关闭')
    expect(await coordinatorSays('关闭 1 再关一次')).toContain('工单#1已取消，不能再派或关闭。')
    expect(events(1).filter((e) => e.type === 'cancelled')).toHaveLength(1)
  })

  it('tells a resident who asked by DM by DM', async () => {
    b().say({ from: 'c-r2', roomId: null, text: '有没有人能帮忙买点布洛芬，3栋' })
    await b().next(toContact('c-r2', '工单#2'), 'the resident’s acknowledgement by DM')
    const [, notice] = await coordinatorSaysAndAlso('关闭 2 已在药店买到', '已关闭工单#2', toContact('c-r2', '已由社区关闭'))
    expect(notice).toBe('工单#2已由社区关闭：已在药店买到。还需要帮助请在这里说明。')
  })
})

describe('排班', () => {
  // 21:50 in Shanghai: the night shift is on until 08:00.
  const clock = createClock({ communityMs: parseInstant('2026-11-22T21:50:00+08:00')!, realMs: Date.now(), speed: 1 })
  const members: MemberEntry[] = [
    ...MEMBERS,
    { id: 'c-chen', name: '陈医生', role: 'member', skills: ['doctor'], grids: ['*'], shift: '白班' },
    { id: 'c-zhou', name: '周师傅', role: 'member', skills: ['water', 'power'], grids: ['*'], shift: '晚班' },
  ]
  beforeEach(async () => {
    bot = await startTestBot(redis.current, { clock, members })
  })

  it('lists who is on duty now, with their skills, and leaves the coordinators out', async () => {
    const answer = await coordinatorSays('排班')
    expect(answer).toContain('现在晚班（到08:00）在班：王医生（家庭医生）、李志愿者（送药志愿者/专班成员）、钱志愿者（送药志愿者）、周师傅（水电维修人员/电工）')
    // Named only in the @-mention, never as someone on duty.
    expect(answer).not.toContain('赵书记（')
  })

  it('lists who comes on at the next shift change', async () => {
    const answer = await coordinatorSays('排班')
    expect(answer).toContain('下一班白班（08:00起）：王医生（家庭医生）、李志愿者（送药志愿者/专班成员）、钱志愿者（送药志愿者）、陈医生（家庭医生）')
  })

  it('leaves out a member who said 下班, until the next shift change', async () => {
    b().say({ from: 'c-qian', roomId: null, text: '下班' })
    await b().next(toContact('c-qian', '已设为下班'))
    const [now, next] = (await coordinatorSays('排班')).split('\n')
    expect(now).not.toContain('钱志愿者')
    expect(next).toContain('钱志愿者')
  })
})

describe('a resident’s 进度', () => {
  beforeEach(async () => {
    bot = await startTestBot(redis.current)
    await medicineTicket()
  })

  it('lists every step so far: 受理, 派给…, …已接单', async () => {
    b().say({ from: 'c-li', roomId: null, text: '接 1' })
    await b().next(toContact('c-li', '已接单#1'))
    b().say({ from: 'c-r1', roomId: ROOM, text: '进度' })
    const report = await b().next(inRoom(ROOM, '工单#1（'), 'the progress report')
    expect(report.text.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^\d\d:\d\d 受理$/),
      expect.stringMatching(/^\d\d:\d\d 派给李志愿者$/),
      expect.stringMatching(/^\d\d:\d\d 李志愿者已接单$/),
    ])
  })

  it('shows a coordinator’s 派 as a step, and the new owner', async () => {
    await coordinatorSays('派 1 钱志愿者', '已把工单#1')
    b().say({ from: 'c-r1', roomId: null, text: '进度 1' })
    const report = await b().next(toContact('c-r1', '工单#1（'), 'the progress report')
    expect(report.text).toContain('负责人：钱志愿者')
    expect(report.text).toMatch(/派给李志愿者\n\d\d:\d\d 派给钱志愿者$/)
  })
})

describe('a resident’s request that looks like a command', () => {
  beforeEach(async () => {
    bot = await startTestBot(redis.current)
  })

  it('becomes a ticket even when it starts with 派 and a number', async () => {
    b().say({ from: 'c-r1', roomId: ROOM, text: '派2个医生来看看，老人发烧39度，3栋' })
    const answer = await b().next(inRoom(ROOM), 'the group reply')
    expect(answer.text).toContain('工单#1')
  })

  it('becomes a ticket when a resident’s words look like a command only coordinators may run', async () => {
    b().say({ from: 'c-r1', roomId: ROOM, text: '关闭 3 号楼总阀的人呢？水管爆了家里全淹了' })
    const answer = await b().next(inRoom(ROOM), 'the group reply')
    expect(answer.text).toContain('工单#1')
  })
})
