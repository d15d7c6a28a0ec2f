import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { handlers } from '../../handlers/index.js'
import type { Heard, MockSay } from '../../src/chat/mock-community.js'
import { createClock, type Clock } from '../../src/clock.js'
import { createLogger } from '../../src/log.js'
import type { SentMessage } from '../../src/outbound/send-pending.js'
import { deleteKeys } from '../../src/redis/delete-keys.js'
import type { LocalRedis } from '../../src/redis/local-redis.js'
import { startMockBot, type MockBot } from '../../src/simulation/mock-bot.js'
import type { MemberEntry, RoomEntry } from '../../src/roster/types.js'

export const ROOM = 'g3@chatroom'
export const OTHER_ROOM = 'g9@chatroom'
export const COORD_ROOM = 'coord@chatroom'
export const UNLISTED_ROOM = 'elsewhere@chatroom'

/** A small community: a family doctor and a deliverer on duty round the clock, a coordinator, residents. */
export const MEMBERS: MemberEntry[] = [
  { id: 'c-wang', name: '王医生', role: 'member', skills: ['doctor'], grids: ['3'], shift: '全天' },
  { id: 'c-li', name: '李志愿者', role: 'member', skills: ['delivery', 'general'], grids: ['*'], shift: '全天' },
  { id: 'c-qian', name: '钱志愿者', role: 'member', skills: ['delivery'], grids: ['3'], shift: '全天' },
  { id: 'c-zhao', name: '赵书记', role: 'coordinator', skills: [], grids: [], shift: '全天' },
]
export const ROOMS: RoomEntry[] = [
  { id: ROOM, topic: '幸福里3网格群', grid: '3', coordinators: false },
  { id: OTHER_ROOM, topic: '幸福里9网格群', grid: '9', coordinators: false },
  { id: COORD_ROOM, topic: '爱心专班协调群', grid: null, coordinators: true },
]
export const RESIDENTS = [
  { id: 'c-r1', name: '张阿姨' },
  { id: 'c-r2', name: '刘大爷' },
]
/** In the groups but not on the roster until a test adds them. */
export const NEWCOMERS = [{ id: 'c-sun', name: '孙师傅' }]

export interface TestBot extends MockBot {
  /** Everything the bot said, as delivered through the mock puppet, in order. */
  readonly heard: Heard[]
  /** Everything the outbound queue sent, with mentions and community times. */
  readonly sent: SentMessage[]
  say(message: MockSay): string
  /** The next message the bot says that matches, counting from the last one awaited. */
  next(match: (heard: Heard) => boolean, what?: string): Promise<Heard>
  /** Heard since the last `next` (or the start) and not yet awaited. */
  readonly pending: Heard[]
  /** The bot's Redis and key prefix, for a test that adds jobs beside the bot's own. */
  readonly queue: { readonly connection: LocalRedis['connection']; readonly prefix: string }
  restart(): Promise<void>
  stop(): Promise<void>
}

/**
 * The whole bot on a real Redis (own key prefix) and a real SQLite file (own temp dir), logged in to a
 * mock community. Awaits what the bot says; never sleeps.
 */
export async function startTestBot(
  redis: LocalRedis,
  options: { members?: MemberEntry[]; rooms?: RoomEntry[]; clock?: Clock; outboundIntervalMs?: number } = {},
): Promise<TestBot> {
  const dir = mkdtempSync(join(tmpdir(), 'aixin-bot-'))
  const prefix = `t-${randomUUID().slice(0, 8)}`
  const heard: Heard[] = []
  const sent: SentMessage[] = []
  const waiters: { match: (h: Heard) => boolean; resolve: (h: Heard) => void }[] = []
  let cursor = 0
  const people = [...(options.members ?? MEMBERS), ...RESIDENTS, ...NEWCOMERS].map((p) => ({ id: p.id, name: p.name }))
  const rooms = [...(options.rooms ?? ROOMS), { id: UNLISTED_ROOM, topic: '别的群', grid: null, coordinators: false }]

  const settle = () => {
    for (const waiter of [...waiters]) {
      const index = heard.findIndex((h, i) => i >= cursor && waiter.match(h))
      if (index >= 0) {
        cursor = index + 1
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(heard[index]!)
      }
    }
  }
  const boot = async (first: boolean) => {
    const bot = await startMockBot(
      {
        databaseFile: join(dir, 'bot.sqlite'),
        queue: { connection: redis.connection, prefix, retryDelayMs: 20 },
        clock: options.clock ?? createClock(),
        log: createLogger('silent'),
        handlers,
        outboundIntervalMs: options.outboundIntervalMs ?? 1,
        outboundMergeMaxChars: 600,
        reconcileEveryMinutes: 60,
        people,
        rooms,
        onSent: (s) => sent.push(s),
      },
      (app) => first && app.core.roster.replace(options.members ?? MEMBERS, options.rooms ?? ROOMS),
    )
    bot.community.onBotSays((h) => {
      heard.push(h)
      settle()
    })
    return bot
  }
  let bot = await boot(true)

  return {
    get app() {
      return bot.app
    },
    get community() {
      return bot.community
    },
    heard,
    sent,
    queue: { connection: redis.connection, prefix },
    get pending() {
      return heard.slice(cursor)
    },
    say: (message) => bot.community.say(message),
    next: (match, what = 'a matching message') =>
      new Promise<Heard>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the bot never said ${what}; it said:\n${heard.slice(cursor).map((h) => JSON.stringify(h)).join('\n')}`)), 8000)
        waiters.push({ match, resolve: (h) => (clearTimeout(timer), resolve(h)) })
        settle()
      }),
    async restart() {
      await bot.app.crash()
      bot = await boot(false)
    },
    async stop() {
      await bot.app.stop()
      await deleteKeys(redis.connection, `${prefix}:*`)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const inRoom = (roomId: string, includes = '') => (h: Heard) => h.roomId === roomId && h.text.includes(includes)
export const toContact = (contactId: string, includes = '') => (h: Heard) => h.contactId === contactId && h.text.includes(includes)
