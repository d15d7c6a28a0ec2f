/**
 * Latency of the spine, on the real parts (Wechaty + mock puppet, BullMQ on a private redis-server,
 * SQLite in WAL): from a resident's group message to the bot's group reply, and to the assignment DM
 * being queued. Messages are sent one after another so the send pacing (1 per second on a real
 * account) does not stand in front of the pipeline; the pacing is set to 1 ms here.
 *   npx tsx scripts/bench-spine.ts [count]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { handlers } from '../handlers/index.js'
import type { Heard } from '../src/chat/mock-community.js'
import { createClock } from '../src/clock.js'
import { createLogger } from '../src/log.js'
import { startLocalRedis } from '../src/redis/local-redis.js'
import { startMockBot } from '../src/simulation/mock-bot.js'

const count = Number(process.argv[2] ?? 300)
const dir = mkdtempSync(join(tmpdir(), 'aixin-bench-'))
const redis = await startLocalRedis(join(dir, 'redis'))
const room = 'g3@chatroom'
const residents = Array.from({ length: 20 }, (_, i) => ({ id: `c-r${i}`, name: `居民${i}` }))
const { app, community } = await startMockBot(
  {
    databaseFile: join(dir, 'bench.sqlite'),
    queue: { connection: redis.connection, prefix: 'bench' },
    clock: createClock(),
    log: createLogger('warn'),
    handlers,
    outboundIntervalMs: 1,
    outboundMergeMaxChars: 600,
    reconcileEveryMinutes: 60,
    people: [{ id: 'c-li', name: '李志愿者' }, ...residents],
    rooms: [{ id: room, topic: '3网格群' }],
  },
  (a) =>
    a.core.roster.replace(
      [{ id: 'c-li', name: '李志愿者', role: 'member', skills: ['delivery', 'doctor', 'water', 'general'], grids: ['*'], shift: '全天' }],
      [{ id: room, topic: '3网格群', grid: '3', coordinators: false }],
    ),
)

const texts = ['家里老人发烧38.6度，有没有退烧药？3栋2单元', '2期5栋水压太小，洗不了澡', '阳了要不要吃药', '谁能帮忙买点布洛芬 7号楼', '楼道灯坏了好几天了 5栋']
let onHeard: ((h: Heard) => void) | undefined
community.onBotSays((h) => onHeard?.(h))
const toReply: number[] = []
const toDmQueued: number[] = []
for (let i = 0; i < count; i++) {
  const no = i + 1
  const replied = new Promise<number>((resolve) => {
    onHeard = (h) => h.roomId === room && h.text.includes(`#${no}。`) && resolve(performance.now())
  })
  const sentAt = Date.now()
  const t0 = performance.now()
  community.say({ from: residents[i % residents.length]!.id, roomId: room, text: `${texts[i % texts.length]}（第${no}条）` })
  toReply.push((await replied) - t0)
  const dm = app.core.db.prepare<[string, string], { created_at: number }>("SELECT created_at FROM outbox WHERE chat_id = ? AND text LIKE ? LIMIT 1").get('c-li', `%工单#${no}【%`)
  if (dm) toDmQueued.push(dm.created_at - sentAt)
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!
console.log(`${count} group messages, one at a time`)
console.log(`message → group reply:        p50 ${pct(toReply, 50).toFixed(1)} ms, p99 ${pct(toReply, 99).toFixed(1)} ms`)
console.log(`message → assignment DM queued: p50 ${pct(toDmQueued, 50).toFixed(1)} ms, p99 ${pct(toDmQueued, 99).toFixed(1)} ms (${toDmQueued.length} DMs)`)
await app.stop()
await redis.stop()
rmSync(dir, { recursive: true, force: true })
