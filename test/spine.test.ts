import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useRedis } from './helpers/redis.js'
import { COORD_ROOM, inRoom, MEMBERS, OTHER_ROOM, ROOM, ROOMS, startTestBot, toContact, UNLISTED_ROOM, type TestBot } from './helpers/test-bot.js'

const redis = useRedis()
let bot: TestBot
beforeEach(async () => {
  bot = await startTestBot(redis.current)
})
afterEach(async () => {
  await bot.stop()
})

const FEVER_MEDICINE = '家里老人发烧38.6度，有没有退烧药？3栋2单元1102，电话13812345678'

describe('a help request in the group', () => {
  it('gets a group reply, an assignment by DM, and follows 接 and 完成 to resolved', async () => {
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
    const ack = await bot.next(inRoom(ROOM, '#1'), 'the group reply')
    expect(ack.text).toMatch(/^@张阿姨 /)
    expect(ack.text).toContain('已通知值班送药志愿者，5分钟内联系您')
    expect(ack.text).toContain('不要叠加服用')
    expect(ack.text).toContain('3栋')
    // The group never hears the room number or the phone number: those go to the member only.
    expect(ack.text).not.toMatch(/1102|13812345678|2单元/)

    const dm = await bot.next(toContact('c-li', '新工单#1'), 'the assignment DM')
    expect(dm.text).toContain('买药送药')
    expect(dm.text).toContain('3栋2单元1102')
    expect(dm.text).toContain('接 1')
    expect(bot.app.core.tickets.get(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-li', category: 'medicine' })

    bot.say({ from: 'c-li', roomId: null, text: '接 1' })
    await bot.next(toContact('c-li', '已接单#1'), 'the accept reply')
    const accepted = await bot.next(inRoom(ROOM, '#1已由'), 'the accepted notice')
    expect(accepted.text).toContain('李志愿者')

    bot.say({ from: 'c-li', roomId: null, text: '完成 1 已送到，放在门口 电话13812345678' })
    await bot.next(toContact('c-li', '已办结'), 'the resolve reply')
    const resolved = await bot.next(inRoom(ROOM, '#1已办结'), 'the resolved notice')
    expect(resolved.text).not.toContain('13812345678')

    const ticket = bot.app.core.tickets.get(1)!
    expect(ticket.state).toBe('resolved')
    expect(bot.app.core.tickets.events(1).map((e) => [e.type, e.by ?? e.to])).toEqual([
      ['created', 'c-r1'],
      ['assigned', 'c-li'],
      ['accepted', 'c-li'],
      ['resolved', 'c-li'],
    ])
  })

  it('makes one ticket when the same message is delivered twice', async () => {
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE, id: 'wx-msg-1' })
    await bot.next(inRoom(ROOM, '#1'))
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE, id: 'wx-msg-1' })
    bot.say({ from: 'c-r2', roomId: ROOM, text: '5栋水压太小，洗不了澡' })
    const second = await bot.next(inRoom(ROOM, '工单#'), 'the next request’s reply')
    expect(second.text).toContain('#2')
    expect(bot.app.core.tickets.all()).toHaveLength(2)
    expect(bot.heard.filter((h) => h.contactId === 'c-li' && h.text.includes('新工单#1'))).toHaveLength(1)
  })

  it('stays silent on chatter, thanks, notices and offers, and keeps offers', async () => {
    for (const text of ['大家早上好', '谢谢王医生，已经退烧了', '【通知】明天9点到12点2期停水，请提前储水', '我家有多余的布洛芬，谁需要可以来拿']) {
      bot.say({ from: 'c-r2', roomId: ROOM, text })
    }
    bot.say({ from: 'c-r1', roomId: ROOM, text: '2期5栋水压太小，洗不了澡' })
    const ack = await bot.next(inRoom(ROOM, '工单#'))
    expect(ack.text).toContain('#1')
    expect(bot.heard.filter((h) => h.roomId === ROOM)).toHaveLength(1)
    const offers = bot.app.core.db.prepare('SELECT from_id, text FROM offers').all()
    expect(offers).toEqual([{ from_id: 'c-r2', text: '我家有多余的布洛芬，谁需要可以来拿' }])
  })

  it('answers only in the groups on its roster', async () => {
    bot.say({ from: 'c-r1', roomId: UNLISTED_ROOM, text: FEVER_MEDICINE })
    bot.say({ from: 'c-r1', roomId: COORD_ROOM, text: '今天的物资到了吗' })
    bot.say({ from: 'c-r2', roomId: OTHER_ROOM, text: '9号楼停水了，什么时候来水' })
    const ack = await bot.next(inRoom(OTHER_ROOM, '工单#'))
    expect(ack.text).toContain('#1')
    expect(bot.heard.some((h) => h.roomId === UNLISTED_ROOM || h.roomId === COORD_ROOM)).toBe(false)
  })

  it('tells the resident and the coordinators when nobody on duty fits', async () => {
    // Grid 9 has no water member on the roster at all.
    bot.say({ from: 'c-r2', roomId: OTHER_ROOM, text: '9号楼停水了，什么时候来水' })
    const ack = await bot.next(inRoom(OTHER_ROOM, '#1'))
    expect(ack.text).toContain('已报告社区协调员')
    const alert = await bot.next(inRoom(COORD_ROOM, '#1'), 'the coordinators’ alert')
    expect(alert.text).toContain('没有在班的')
    expect(bot.app.core.tickets.get(1)).toMatchObject({ state: 'new', assigneeId: null })
  })

  it('hands out waiting tickets when someone who fits comes on duty', async () => {
    bot.app.core.roster.replace(
      [...MEMBERS, { id: 'c-sun', name: '孙师傅', role: 'member', skills: ['water'], grids: ['9'], shift: '全天' }],
      ROOMS,
    )
    bot.app.core.roster.setDutyOverride('c-sun', 'off', Date.now() + 3_600_000)
    bot.say({ from: 'c-r2', roomId: OTHER_ROOM, text: '9号楼停水了，什么时候来水' })
    await bot.next(inRoom(COORD_ROOM, '#1'), 'the coordinators’ alert')
    // Someone who does not fit comes on duty: still nobody, and the coordinators are not told twice.
    bot.say({ from: 'c-wang', roomId: null, text: '值班' })
    await bot.next(toContact('c-wang', '已设为值班'))
    bot.say({ from: 'c-sun', roomId: null, text: '值班' })
    await bot.next(toContact('c-sun', '工单#1【用水问题'), 'the waiting ticket handed out')
    expect(bot.heard.filter((h) => h.roomId === COORD_ROOM)).toHaveLength(1)
    expect(bot.app.core.tickets.get(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-sun' })
  })

  it('puts 120 first for an emergency and alerts the coordinators', async () => {
    bot.say({ from: 'c-r1', roomId: ROOM, text: '救命 我爸突然倒地叫不醒了 3栋' })
    const ack = await bot.next(inRoom(ROOM, '#1'))
    expect(ack.text.replace(/^@张阿姨 /, '').split('\n')[0]).toContain('120')
    await bot.next(inRoom(COORD_ROOM, '紧急求助'), 'the coordinators’ alert')
    expect(ack.text).not.toContain('12356')
  })

  it('answers talk of self-harm with safety and a crisis line, not a category’s advice', async () => {
    bot.say({ from: 'c-r1', roomId: ROOM, text: '活着太累了，药我都攒好了，以后不用麻烦大家了 3栋' })
    const ack = await bot.next(inRoom(ROOM, '#1'))
    const lines = ack.text.replace(/^@张阿姨 /, '').split('\n')
    expect(lines[0]).toContain('120')
    expect(ack.text).toContain('12356')
    expect(ack.text).not.toMatch(/燃气|布洛芬|退烧/)
    expect(bot.app.core.tickets.get(1)).toMatchObject({ urgency: 'emergency', selfHarm: true })
    const alert = await bot.next(inRoom(COORD_ROOM, '紧急求助'), 'the coordinators’ alert')
    expect(alert.text).toContain('轻生风险')
    // The owner's assignment goes out before the alert.
    const dm = bot.heard.find((h) => h.contactId !== undefined && h.text.includes('新工单#1【轻生风险'))
    expect(dm?.text).toContain('两人同去')
  })
})

describe('commands', () => {
  async function openTicket(): Promise<void> {
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
    await bot.next(toContact('c-li', '新工单#1'))
  }

  it('refuses a stranger’s 接 politely and changes nothing', async () => {
    await openTicket()
    bot.say({ from: 'c-r2', roomId: null, text: '接 1' })
    const refusal = await bot.next(toContact('c-r2'))
    expect(refusal.text).toContain('只有爱心专班成员')
    expect(bot.app.core.tickets.get(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-li' })
    expect(bot.app.core.tickets.events(1).map((e) => e.type)).toEqual(['created', 'assigned'])
  })

  it('does not let a member complete someone else’s ticket', async () => {
    await openTicket()
    bot.say({ from: 'c-wang', roomId: null, text: '完成 1' })
    expect((await bot.next(toContact('c-wang'))).text).toContain('不是派给您的')
    expect(bot.app.core.tickets.get(1)!.state).toBe('assigned')
  })

  it('answers an unknown command with the help text and a wrong number with what is wrong', async () => {
    bot.say({ from: 'c-wang', roomId: null, text: '怎么接单啊' })
    expect((await bot.next(toContact('c-wang'))).text).toContain('接 12')
    bot.say({ from: 'c-wang', roomId: null, text: '接 99' })
    expect((await bot.next(toContact('c-wang'))).text).toContain('没有找到工单#99')
  })

  it('hands a ticket back to the next member and never back to the one who handed it back', async () => {
    await openTicket()
    bot.say({ from: 'c-li', roomId: null, text: '转 1 在外地回不来' })
    await bot.next(toContact('c-li', '已转出'))
    const dm = await bot.next(toContact('c-qian', '转派工单#1'), 'the reassignment to the other deliverer')
    expect(dm.text).toContain('接 1')
    expect(bot.app.core.tickets.get(1)).toMatchObject({ state: 'assigned', assigneeId: 'c-qian' })
    bot.say({ from: 'c-qian', roomId: null, text: '转 1 居民电话13812345678打不通，1102室没人' })
    // Both deliverers handed it back: a coordinator decides, told why, without the private numbers.
    const decide = await bot.next(inRoom(COORD_ROOM, '已被转出2次'), 'the coordinators deciding')
    expect(decide.text).toContain('在外地回不来')
    expect(decide.text).not.toMatch(/13812345678|1102/)
    expect(bot.app.core.tickets.get(1)).toMatchObject({ state: 'escalated', assigneeId: null })
    expect(bot.heard.filter((h) => h.contactId === 'c-li' && h.text.includes('工单#1【'))).toHaveLength(1)
  })

  it('lets a resident follow and cancel their own request, and no one else’s', async () => {
    await openTicket()
    bot.say({ from: 'c-r1', roomId: ROOM, text: '进度' })
    expect((await bot.next(inRoom(ROOM, '工单#1（'))).text).toContain('负责人：李志愿者')
    bot.say({ from: 'c-r2', roomId: null, text: '取消 1' })
    expect((await bot.next(toContact('c-r2'))).text).toContain('不是您提交的')
    bot.say({ from: 'c-r1', roomId: null, text: '取消 1' })
    await bot.next(toContact('c-li', '居民已取消'), 'the assignee told')
    await bot.next(toContact('c-r1', '已取消'))
    expect(bot.app.core.tickets.get(1)!.state).toBe('cancelled')
  })

  it('shows a member their open tickets and takes them off duty until the next shift', async () => {
    await openTicket()
    bot.say({ from: 'c-li', roomId: null, text: '我的' })
    expect((await bot.next(toContact('c-li', '待办'))).text).toContain('#1 买药送药')
    bot.say({ from: 'c-li', roomId: null, text: '下班' })
    expect((await bot.next(toContact('c-li', '已设为下班'))).text).toContain('还有1个未办结工单')
    bot.say({ from: 'c-r2', roomId: ROOM, text: '有没有人能帮忙买点布洛芬，3栋' })
    // 李 is off duty now: the other deliverer in grid 3 gets it.
    await bot.next(toContact('c-qian', '新工单#2'))
  })
})

describe('bad input', () => {
  it('survives a 100,000-character message, an image and a voice note, and keeps answering', async () => {
    bot.say({ from: 'c-r2', roomId: ROOM, text: '发烧了'.repeat(33_334) })
    bot.say({ from: 'c-r2', roomId: ROOM, type: 'image' })
    bot.say({ from: 'c-r2', roomId: ROOM, type: 'voice' })
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
    await bot.next(inRoom(ROOM, '张阿姨'), 'the reply to the next request')
    const long = bot.app.core.tickets.all().find((t) => t.requesterId === 'c-r2')
    expect(long?.text.length ?? 0).toBeLessThanOrEqual(4000)
    // Images and voice from someone with no open ticket: no noise in the group.
    expect(bot.heard.filter((h) => h.roomId === ROOM && h.text.includes('图片'))).toHaveLength(0)
  })

  it('forwards a resident’s photo for their open ticket to its assignee', async () => {
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
    await bot.next(toContact('c-li', '新工单#1'))
    bot.say({ from: 'c-r1', roomId: ROOM, type: 'image' })
    const forwarded = await bot.next(toContact('c-li', '图片'))
    expect(forwarded.text).toContain('工单#1')
    // The photo itself follows the text (the outbound step records it once the puppet took both).
    await expect.poll(() => bot.sent.find((s) => s.forwarded)).toMatchObject({ to: { contact: 'c-li' } })
    expect(bot.app.core.tickets.events(1).at(-1)).toMatchObject({ type: 'attachment', by: 'c-r1', note: 'image' })
  })
})

describe('crashes', () => {
  it('sends after a restart what was decided but not yet sent, once', async () => {
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
    await bot.next(toContact('c-li', '新工单#1'))
    // Decided, written to the outbox, never handed to Redis: as if the process died right after commit.
    bot.app.core.outbox.add({ key: 'crash-test', to: { contact: 'c-wang' }, text: '崩溃前决定要发的消息' }, Date.now())
    await bot.restart()
    await bot.next(toContact('c-wang', '崩溃前决定要发的消息'), 'the reconciled message')
    bot.say({ from: 'c-li', roomId: null, text: '接 1' })
    await bot.next(inRoom(ROOM, '#1已由'))
    expect(bot.heard.filter((h) => h.text.includes('崩溃前'))).toHaveLength(1)
    expect(bot.heard.filter((h) => h.text.includes('新工单#1'))).toHaveLength(1)
  })
})

describe('the chat account', () => {
  it('tells the coordinators when it is back after WeChat logged it out, and carries on', async () => {
    await bot.community.puppet.logout('kicked by WeChat')
    bot.community.login()
    const notice = await bot.next(inRoom(COORD_ROOM, '重新登录'), 'the back-online notice')
    expect(notice.text).toContain('掉线')
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
    await bot.next(inRoom(ROOM, '#1'))
  })

  it('says nothing to the coordinators after a stop it made itself', async () => {
    await bot.restart()
    bot.say({ from: 'c-r1', roomId: ROOM, text: FEVER_MEDICINE })
    await bot.next(inRoom(ROOM, '#1'))
    expect(bot.heard.some((h) => h.text.includes('重新登录'))).toBe(false)
  })
})
