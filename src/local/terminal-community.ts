import { createInterface } from 'node:readline'
import type { AppOptions } from '../app.js'
import { formatClockTime } from '../clock.js'
import { openDatabase } from '../db/open-database.js'
import type { SentMessage } from '../outbound/send-pending.js'
import { createRosterStore, type RosterStore } from '../roster/roster-store.js'
import { startMockBot } from '../simulation/mock-bot.js'

/** Residents of the terminal community; members and groups come from the roster. */
const RESIDENTS = [
  { id: 'c-r1', name: '张阿姨' },
  { id: 'c-r2', name: '刘大爷' },
  { id: 'c-r3', name: '小周妈妈' },
]

const HELP = `在这里您可以扮演居民或值班成员：
  直接输入文字            以当前居民身份在当前群里说话
  /as 王医生 接 1         以某人身份私信机器人（成员名、居民名或联系人ID）
  /me 刘大爷              换一个居民
  /group 2                换一个群（/group 查看所有群）
  /who                    看看社区里有谁
  /quit                   退出`

/**
 * `npm start` without a WeChat login: the bot runs for real (Redis, SQLite, queues) against a community
 * in the terminal. You type as a resident or a member and see what the bot says and to whom.
 */
export async function runTerminalCommunity(
  options: Omit<AppOptions, 'chat' | 'onSent'>,
  seedRoster: (roster: RosterStore) => void,
): Promise<{ closed: Promise<void>; stop(): Promise<void> }> {
  const out = (line: string) => process.stdout.write(line + '\n')
  let names = new Map<string, string>()
  const show = (sent: SentMessage) => {
    const to = 'room' in sent.to ? `【${names.get(sent.to.room) ?? sent.to.room}】` : `私信→${names.get(sent.to.contact) ?? sent.to.contact}`
    const mentions = sent.mentions.map((id) => `@${names.get(id) ?? id} `).join('')
    out(`\n[${formatClockTime(sent.at)}] 机器人 ${to}\n  ${(mentions + sent.text).replace(/\n/g, '\n  ')}${sent.forwarded ? '\n  [转发了一条图片或语音]' : ''}`)
    rl.prompt()
  }

  // The roster must be in the record before the mock community is built from it.
  const db = openDatabase(options.databaseFile)
  const roster = createRosterStore(db)
  if (roster.isEmpty()) seedRoster(roster)
  const members = roster.members()
  const rooms = roster.rooms()
  db.close()

  const people = [...members.map((m) => ({ id: m.id, name: m.name })), ...RESIDENTS]
  names = new Map([...people.map((p) => [p.id, p.name] as const), ...rooms.map((r) => [r.id, r.topic] as const)])
  const { app, community } = await startMockBot({ ...options, people, rooms, onSent: show })
  const groups = rooms.filter((r) => !r.coordinators)
  let group = groups[0] ?? rooms[0]
  let me = RESIDENTS[0]!
  const find = (who: string) => people.find((p) => p.id === who || p.name === who)

  const rl = createInterface({ input: process.stdin, output: process.stdout })
  const setPrompt = () => rl.setPrompt(`${me.name}@${group?.topic ?? '（没有群）'}> `)
  out(`爱心专班机器人已在本地模拟社区运行（${formatClockTime(options.clock.now())}）。\n${HELP}\n`)
  setPrompt()
  rl.prompt()
  rl.on('line', (line) => {
    const text = line.trim()
    if (!text) return rl.prompt()
    const [command, ...rest] = text.split(/\s+/)
    if (command === '/quit') return rl.close()
    if (command === '/help') out(HELP)
    else if (command === '/who') out(`成员：${members.map((m) => `${m.name}(${m.role === 'coordinator' ? '协调员' : m.skills.join('/')}，${m.shift})`).join('，')}\n居民：${RESIDENTS.map((r) => r.name).join('，')}`)
    else if (command === '/group') {
      const pick = groups[Number(rest[0]) - 1]
      if (pick) group = pick
      else out(groups.map((g, i) => `${i + 1}. ${g.topic}`).join('\n'))
    } else if (command === '/me') {
      const who = RESIDENTS.find((r) => r.name === rest[0] || r.id === rest[0])
      if (who) me = who
      else out(`没有这个居民。居民有：${RESIDENTS.map((r) => r.name).join('，')}`)
    } else if (command === '/as') {
      const who = find(rest[0] ?? '')
      const said = rest.slice(1).join(' ')
      if (!who || !said) out('用法：/as 王医生 接 1')
      else community.say({ from: who.id, roomId: null, text: said })
    } else if (command?.startsWith('/')) out(`不认识的指令 ${command}。\n${HELP}`)
    else if (group) community.say({ from: me.id, roomId: group.id, text })
    setPrompt()
    rl.prompt()
  })
  // Typed input may end (a pipe, Ctrl-D): let the bot answer what was said before stopping. Not when
  // we are being stopped (a signal): then the queues are closing under us.
  let stopping = false
  const closed = new Promise<void>((resolve) => rl.once('close', resolve)).then(async () => {
    for (let quiet = 0, tries = 0; !stopping && quiet < 3 && tries < 500; tries++) {
      quiet = (await app.isIdle()) ? quiet + 1 : 0
      await new Promise((r) => setTimeout(r, 20))
    }
  })
  return {
    closed,
    stop: async () => {
      stopping = true
      rl.close()
      await app.stop()
    },
  }
}
