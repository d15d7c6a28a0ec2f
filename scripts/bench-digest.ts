/**
 * The digest on a year of a busy community's record: a fresh SQLite file (openDatabase, so the real
 * migrations and indexes) filled with a million tickets over the year ending 2026-11-21, and their
 * event log; then buildDigest for that day and for the 30 days ending it, against a target of 0.5 s
 * each, with the indexes it reads through.
 *   npm run bench:digest [-- --tickets 1000000] [--events full|lean] [--runs 7] [--keep] [--db FILE]
 * The fill is deterministic (a seeded PRNG), so runs compare. `--events lean` writes only the events
 * the digest reads (the chase's reminders, reassignments and escalations) and cancellations, beside a
 * `created` event per ticket; `full` (the default) writes every event the bot would. `--db FILE` fills
 * FILE if it holds no tickets and keeps it, so a second run (after a new migration, say) measures the
 * same record again; `--keep` keeps the temporary directory.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import dayjs from 'dayjs'
import { handlers } from '../handlers/index.js'
import { COMMUNITY_TZ, dayOf, startOfDay } from '../src/clock.js'
import { openDatabase, type Db } from '../src/db/open-database.js'
import { buildDigest, type Digest, type DigestSources } from '../src/digest/build-digest.js'
import { renderDigestChart } from '../src/digest/render-chart.js'
import { digestMessages } from '../src/messages/digest.js'
import type { Skill } from '../src/recognise/handler.js'
import { createRosterStore } from '../src/roster/roster-store.js'
import type { MemberEntry, RoomEntry, Shift } from '../src/roster/types.js'
import type { TicketEventType, TicketState } from '../src/tickets/types.js'

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}
const TICKETS = Number(arg('tickets') ?? 1_000_000)
const EVENTS = (arg('events') ?? 'full') as 'full' | 'lean'
const RUNS = Math.max(5, Number(arg('runs') ?? 7))
const KEEP = process.argv.includes('--keep')
const TARGET_MS = 500
const COMMUNITY = '幸福里社区'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const LAST_DAY = '2026-11-21'
const YEAR_DAYS = 365
const END = startOfDay(LAST_DAY) + DAY
const START = END - YEAR_DAYS * DAY
/** When the 08:00 digest of LAST_DAY goes out. */
const NOW = END + 8 * HOUR

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (sfc32) and the few distributions the fill draws from.

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}
const rnd = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, 20261121)
for (let i = 0; i < 20; i++) rnd()
let spareGauss: number | null = null
function gauss(): number {
  if (spareGauss !== null) {
    const g = spareGauss
    spareGauss = null
    return g
  }
  const u = 1 - rnd()
  const v = rnd()
  const r = Math.sqrt(-2 * Math.log(u))
  spareGauss = r * Math.sin(2 * Math.PI * v)
  return r * Math.cos(2 * Math.PI * v)
}
const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * gauss())
const chance = (p: number) => rnd() < p
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!

/** Draws an index by weight: the cumulative weights built once, a binary search per draw. */
function weighted(weights: readonly number[]): () => number {
  const cdf: number[] = []
  let sum = 0
  for (const w of weights) cdf.push((sum += w))
  return () => {
    const x = rnd() * sum
    let lo = 0
    let hi = cdf.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cdf[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

// ---------------------------------------------------------------------------------------------
// The community: 12 grids, 48 buildings (1–32栋 in grids 1–8, 2期1–16栋 in grids 9–12), 40 duty
// members, residents who ask more than once, and a few buildings with a standing problem.

const GRIDS = Array.from({ length: 12 }, (_, i) => String(i + 1))
const GRID_WEIGHT = [1.3, 1.0, 1.6, 0.9, 1.1, 0.8, 1.2, 1.0, 0.7, 1.4, 0.9, 1.1]
const BUILDINGS = GRIDS.flatMap((grid, g) =>
  Array.from({ length: 4 }, (_, i) => ({ key: g < 8 ? `${g * 4 + i + 1}栋` : `2期${(g - 8) * 4 + i + 1}栋`, grid, gridIndex: g })),
)
/** Hot spots: an old riser in 12栋, elderly residents in 3栋, a weak pump in 2期5栋, a broken lift in 9栋. */
const HOT: Record<string, Partial<Record<string, number>>> = {
  '12栋': { water: 9 },
  '3栋': { medicine: 4, fever: 2 },
  '2期5栋': { water: 5 },
  '9栋': { other: 5 },
  '21栋': { fever: 2.5 },
}
const CATEGORIES = ['medicine', 'fever', 'water', 'other'] as const
type Category = (typeof CATEGORIES)[number]
const buildingOf = Object.fromEntries(
  CATEGORIES.map((c) => [c, weighted(BUILDINGS.map((b) => GRID_WEIGHT[b.gridIndex]! * (HOT[b.key]?.[c] ?? 1)))]),
) as Record<Category, () => number>
const SKILL: Record<Category, Skill> = { medicine: 'delivery', fever: 'doctor', water: 'water', other: 'general' }
const RESOLVE_MEDIAN: Record<Category, number> = { medicine: 38 * MINUTE, fever: 11 * MINUTE, water: 16 * HOUR, other: 13 * MINUTE }
const deadlines = Object.fromEntries(CATEGORIES.map((c) => [c, handlers.find((h) => h.category === c)!.deadlines])) as Record<
  Category,
  (typeof handlers)[number]['deadlines']
>

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'.split('')
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '玉兰', '志强', '淑珍', '阿姨', '叔叔', '奶奶', '大爷']
const MEMBER_NAMES = [
  '李志愿者', '王医生', '张建国', '刘芳', '陈静', '杨磊', '黄丽', '赵强', '吴敏', '周洋', '徐杰', '孙娟', '马涛', '朱明', '胡超', '郭霞',
  '何平', '高刚', '林建华', '罗志强', '郑秀英', '梁勇', '谢艳', '宋玉兰', '唐军', '许娜', '韩伟', '冯淑珍', '邓桂英', '曹磊', '彭静', '曾明',
  '肖丽', '田强', '董敏', '袁洋', '潘杰', '于娟', '蒋涛', '蔡霞',
]
/** Who does what: 6 doctors, 18 deliverers, 8 plumbers and electricians, 8 for anything. */
const members = MEMBER_NAMES.map((name, i) => {
  const skills: Skill[] = i < 6 ? ['doctor', 'general'] : i < 24 ? ['delivery', 'general'] : i < 32 ? ['water', 'power', 'general'] : ['general', 'delivery']
  const shift: Shift = i % 5 === 0 ? '晚班' : i % 3 === 0 ? '全天' : '白班'
  return {
    id: `wxid_vol${String(i + 1).padStart(2, '0')}`,
    name,
    skills,
    shift,
    /** How much of the work they take: a few carry a lot. */
    activity: Math.exp(0.6 * gauss()),
    /** Accept and resolve times relative to the median member; two are slow and collect the chase's reminders. */
    speed: i === 16 || i === 28 ? 2.8 : Math.exp(0.3 * gauss()),
    /** One member's residents are less pleased. */
    ratingShift: i === 33 ? -1.6 : 0,
  }
})
const membersWith = Object.fromEntries(
  CATEGORIES.map((c) => {
    const able = members.filter((m) => m.skills.includes(SKILL[c]))
    return [c, { able, draw: weighted(able.map((m) => m.activity)) }]
  }),
) as Record<Category, { able: typeof members; draw: () => number }>
const RESIDENTS = 15_000

const UNIT = () => `${1 + Math.floor(rnd() * 4)}单元${1 + Math.floor(rnd() * 18)}0${1 + Math.floor(rnd() * 4)}`
const TEXTS: Record<Category, ((loc: string) => string)[]> = {
  medicine: [
    (l) => `${l}家里老人降压药吃完了，谁能帮忙买一盒硝苯地平`,
    (l) => `谁能帮忙买点布洛芬 ${l}`,
    (l) => `孩子咳嗽，想买瓶止咳糖浆，${l}，谢谢`,
    (l) => `${l}的老人胰岛素快用完了，急需`,
    (l) => `求助：需要连花清瘟和体温计，送到${l}`,
  ],
  fever: [
    (l) => `家里老人发烧38.6度，有没有退烧药？${l}`,
    (l) => `${l}孩子烧到39度了，要不要去医院`,
    (l) => `阳了要不要吃药，${l}，发烧两天了`,
    (l) => `老人血氧90，发烧，${l}，怎么办`,
  ],
  water: [(l) => `${l}水压太小，洗不了澡`, (l) => `${l}停水了，什么时候来水？`, (l) => `${l}水管漏水，楼下都渗了`, (l) => `${l}自来水发黄，能喝吗`],
  other: [
    (l) => `楼道灯坏了好几天了 ${l}`,
    (l) => `${l}电梯又坏了，老人下不了楼`,
    (l) => `有没有人能帮忙扛一袋米上楼，${l}`,
    (l) => `${l}门口堆满了垃圾，没人清`,
    (l) => `独居老人联系不上，${l}，麻烦去看看`,
  ],
}

// ---------------------------------------------------------------------------------------------
// The year: tickets per day (a winter flu season, a little more at weekends, some noise, a water
// outage and a cold snap), per hour (morning and evening peaks, quiet nights) and per category.

const HOURLY = [0.25, 0.15, 0.1, 0.1, 0.12, 0.25, 0.6, 1.3, 2.0, 2.2, 2.0, 1.7, 1.3, 1.2, 1.5, 1.6, 1.6, 1.7, 1.9, 2.1, 2.0, 1.6, 1.0, 0.5]
const hourOfDay = weighted(HOURLY)
interface DayPlan {
  readonly start: number
  readonly count: number
  readonly category: () => number
}
function planYear(total: number): DayPlan[] {
  const spikes: Record<string, { all?: number; water?: number; fever?: number }> = {
    '2025-12-18': { all: 1.6, fever: 2.5 },
    '2025-12-19': { all: 1.8, fever: 2.8 },
    '2025-12-20': { all: 1.5, fever: 2.2 },
    '2026-07-18': { all: 1.5, water: 5 },
    '2026-07-19': { all: 1.2, water: 3 },
  }
  const days = Array.from({ length: YEAR_DAYS }, (_, d) => {
    const start = START + d * DAY
    const local = dayjs(start).tz(COMMUNITY_TZ)
    // Coldest in mid-January.
    const angle = (2 * Math.PI * (start - startOfDay('2026-01-15'))) / (365 * DAY)
    const winter = (1 + Math.cos(angle)) / 2
    const summer = 1 - winter
    const spike = spikes[local.format('YYYY-MM-DD')] ?? {}
    const weekend = local.day() === 0 || local.day() === 6 ? 1.08 : 1
    const weight = (0.8 + 0.45 * winter) * weekend * (0.9 + 0.2 * rnd()) * (spike.all ?? 1)
    const shares = [0.36, 0.22 * (0.5 + winter) * (spike.fever ?? 1), 0.14 * (0.7 + 0.6 * summer) * (spike.water ?? 1), 0.28]
    return { start, weight, category: weighted(shares) }
  })
  const sum = days.reduce((s, d) => s + d.weight, 0)
  const exact = days.map((d) => (total * d.weight) / sum)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((a, b) => a + b, 0)
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  for (const [, i] of byRemainder) if (left-- > 0) counts[i]! += 1
  return days.map((d, i) => ({ start: d.start, count: counts[i]!, category: d.category }))
}

// ---------------------------------------------------------------------------------------------
// One ticket's life as the bot would record it, cut at NOW: the states and times follow from the
// events that happened by then.

type Event = [at: number, type: TicketEventType, by: string | null, to: string | null, note: string | null]
type Fate = 'cancelled' | 'new' | 'assigned' | 'escalated' | 'accepted' | 'done'
/** ~92% resolved or rated, 3% accepted and never resolved, 2.6% never accepted, 2% cancelled. */
const FATES: [Fate, number][] = [
  ['cancelled', 0.02],
  ['new', 0.003],
  ['assigned', 0.006],
  ['escalated', 0.017],
  ['accepted', 0.03],
  ['done', 0.924],
]
/**
 * plan-timer's outOfQuietHours (no rating reminder between 22:00 and 08:00) without its per-call
 * dayjs time-zone conversion, which would make the fill minutes long: Asia/Shanghai is UTC+8 all year.
 */
const SHANGHAI_OFFSET = 8 * HOUR
function outOfQuietHours(at: number): number {
  const minute = Math.floor(((at + SHANGHAI_OFFSET) % DAY) / MINUTE)
  if (minute >= 8 * 60 && minute < 22 * 60) return at
  const wait = minute >= 22 * 60 ? 24 * 60 - minute + 8 * 60 : 8 * 60 - minute
  return at - (at % MINUTE) + wait * MINUTE
}
const localHour = (at: number) => Math.floor(((at + SHANGHAI_OFFSET) % DAY) / HOUR)
const fateOf = weighted(FATES.map(([, p]) => p))
const RATINGS = [1, 2, 3, 4, 5]
const ratingOf = weighted([0.03, 0.03, 0.07, 0.23, 0.64])

function lifeOf(created: number, category: Category, requester: string): Event[] {
  const fate = FATES[fateOf()]![0]
  const events: Event[] = [[created, 'created', requester, null, null]]
  if (fate === 'new') {
    events.push([created + 3000, 'unassigned', null, null, `no on-duty ${SKILL[category]}`])
    return events
  }
  const { able, draw } = membersWith[category]
  const first = able[draw()]!
  let owner = first
  const assigned = created + 1500 + rnd() * 6000
  events.push([assigned, 'assigned', null, first.id, null])
  const hour = localHour(created)
  const night = hour >= 22 || hour < 7
  const acceptIn = fate === 'escalated' ? Infinity : logNormal(2.1 * MINUTE * first.speed * (night ? 1.7 : 1), 0.9)
  const acceptMs = deadlines[category].acceptMinutes * MINUTE
  if (acceptIn > acceptMs) events.push([assigned + acceptMs, 'reminded', null, first.id, 'accept'])
  if (acceptIn > 2 * acceptMs && fate !== 'assigned') {
    let next = able[draw()]!
    for (let i = 0; next === first && i < 5; i++) next = able[draw()]!
    owner = next
    events.push([assigned + 2 * acceptMs, 'reassigned', null, next.id, `not accepted in ${2 * deadlines[category].acceptMinutes} min`])
    if (acceptIn > 3 * acceptMs) events.push([assigned + 3 * acceptMs, 'escalated', null, next.id, 'not accepted'])
  }
  if (fate === 'assigned' || fate === 'escalated') return events

  const accepted = assigned + acceptIn
  events.push([accepted, 'accepted', owner.id, null, null])
  const resolveIn = fate === 'accepted' ? Infinity : logNormal(RESOLVE_MEDIAN[category] * Math.sqrt(owner.speed), 0.75)
  const { resolveMinutes, followUpMinutes } = deadlines[category]
  if (resolveIn > resolveMinutes * MINUTE) events.push([accepted + resolveMinutes * MINUTE, 'reminded', null, owner.id, 'resolve'])
  if (resolveIn > (resolveMinutes + followUpMinutes) * MINUTE) {
    events.push([accepted + (resolveMinutes + followUpMinutes) * MINUTE, 'escalated', null, owner.id, 'overdue'])
  }
  if (fate === 'accepted') return events
  if (fate === 'cancelled') {
    const at = created + logNormal(7 * MINUTE, 1)
    const before = events.filter((e) => e[0] < at)
    before.push([at, 'cancelled', requester, null, null])
    return before
  }
  const resolved = accepted + resolveIn
  events.push([resolved, 'resolved', owner.id, null, chance(0.2) ? pick(['已送达', '已处理', '已联系物业', '已上门']) : null])
  const remindAt = outOfQuietHours(resolved + deadlines[category].ratingReminderMinutes * MINUTE)
  const rated = chance(0.72) ? resolved + logNormal(25 * MINUTE, 1.3) : Infinity
  if (rated > remindAt) events.push([remindAt, 'reminded', null, requester, 'rating'])
  if (rated < resolved + deadlines[category].ratingWindowMinutes * MINUTE) {
    const rating = Math.min(5, Math.max(1, Math.round(RATINGS[ratingOf()]! + owner.ratingShift * rnd())))
    events.push([rated, 'rated', requester, null, String(rating)])
  }
  return events
}

interface Columns {
  state: TicketState
  assignee: string | null
  assignedAt: number | null
  acceptedAt: number | null
  resolvedAt: number | null
  closedAt: number | null
  rating: number | null
  timerSince: number | null
}

/** The ticket's row as the events up to NOW leave it. */
function columnsOf(events: readonly Event[]): Columns {
  const c: Columns = { state: 'new', assignee: null, assignedAt: null, acceptedAt: null, resolvedAt: null, closedAt: null, rating: null, timerSince: null }
  for (const [at, type, by, to, note] of events) {
    switch (type) {
      case 'assigned':
      case 'reassigned':
        Object.assign(c, { state: 'assigned', assignee: to, assignedAt: at, timerSince: at })
        break
      case 'escalated':
        if (note === 'not accepted') Object.assign(c, { state: 'escalated', timerSince: null })
        break
      case 'accepted':
        Object.assign(c, { state: 'accepted', assignee: by, acceptedAt: at, timerSince: at })
        break
      case 'resolved':
        Object.assign(c, { state: 'resolved', resolvedAt: at, timerSince: at })
        break
      case 'rated':
        Object.assign(c, { state: 'rated', rating: Number(note), timerSince: null })
        break
      case 'cancelled':
        Object.assign(c, { state: 'cancelled', closedAt: at, timerSince: null })
        break
      default:
    }
  }
  return c
}

const LEAN: ReadonlySet<TicketEventType> = new Set(['created', 'reminded', 'reassigned', 'escalated', 'unassigned', 'cancelled'])

function fill(db: Db): { tickets: number; events: number } {
  createRosterStore(db).replace(
    members.map((m): MemberEntry => ({ id: m.id, name: m.name, role: 'member', skills: m.skills, grids: ['*'], shift: m.shift })),
    [
      ...GRIDS.map((grid): RoomEntry => ({ id: `g${grid}@chatroom`, topic: `${grid}网格群`, grid, coordinators: false, buildings: BUILDINGS.filter((b) => b.grid === grid).map((b) => b.key) })),
      { id: 'coord@chatroom', topic: '爱心专班协调群', grid: null, coordinators: true },
    ],
  )
  const insertTicket = db.prepare(
    `INSERT INTO tickets (source_key, room_id, requester_id, requester_name, text, category, urgency, fields, state, assignee_id,
       dispatch_attempt, dispatch_wanted, created_at, assigned_at, accepted_at, resolved_at, closed_at, rating, timer_since, grid, building)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertEvent = db.prepare('INSERT INTO ticket_events (ticket_no, at, type, by_id, to_id, note) VALUES (?, ?, ?, ?, ?, ?)')
  let tickets = 0
  let events = 0
  const byTime = (a: Event, b: Event) => a[0] - b[0]
  const insertDay = db.transaction((day: DayPlan) => {
    const times = Array.from({ length: day.count }, () => day.start + hourOfDay() * HOUR + Math.floor(rnd() * HOUR)).sort((a, b) => a - b)
    for (const created of times) {
      const category = CATEGORIES[day.category()]!
      const b = BUILDINGS[buildingOf[category]()]!
      const named = chance(0.78)
      const inGroup = chance(0.92)
      const grid = inGroup || named ? b.grid : null
      const location = `${b.key}${UNIT()}`
      const text = pick(TEXTS[category])(named ? location : chance(0.5) ? '我家' : '')
      const fields: Record<string, unknown> = named ? { location } : {}
      if (category === 'fever') fields.temperatureC = Math.round((37.6 + rnd() * 2.6) * 10) / 10
      if (category === 'medicine') fields.medicines = [pick(['布洛芬', '硝苯地平', '胰岛素', '止咳糖浆', '连花清瘟', '体温计'])]
      if (chance(0.15)) fields.age = 60 + Math.floor(rnd() * 30)
      const r = Math.floor(RESIDENTS * rnd() ** 1.6)
      const requester = `wxid_res${r}`
      const source = `${Math.floor(rnd() * 2 ** 32).toString(16)}${Math.floor(rnd() * 2 ** 32).toString(16)}`
      const urgency = chance(0.01) ? 'emergency' : chance(0.15) ? 'urgent' : 'normal'
      const life = lifeOf(created, category, requester).sort(byTime).filter((e) => e[0] <= NOW)
      const c = columnsOf(life)
      const attempts = c.assignee === null && c.state === 'new' ? 1 : 1 + life.filter((e) => e[1] === 'reassigned').length
      const { lastInsertRowid } = insertTicket.run(
        source,
        inGroup ? `g${b.grid}@chatroom` : null,
        requester,
        `${SURNAMES[r % SURNAMES.length]}${GIVEN[(r * 7) % GIVEN.length]}`,
        text,
        category,
        urgency,
        JSON.stringify(fields),
        c.state,
        c.assignee,
        attempts,
        attempts,
        created,
        c.assignedAt,
        c.acceptedAt,
        c.resolvedAt,
        c.closedAt,
        c.rating,
        c.timerSince,
        grid,
        named ? b.key : null,
      )
      tickets++
      for (const [at, type, by, to, note] of life) {
        if (EVENTS === 'lean' && !LEAN.has(type)) continue
        insertEvent.run(lastInsertRowid, Math.round(at), type, by, to, note)
        events++
      }
    }
  })
  for (const day of planYear(TICKETS)) insertDay(day)
  return { tickets, events }
}

// ---------------------------------------------------------------------------------------------
// Measuring.

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length / 2
  return s.length % 2 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2
}
const ms = (x: number) => `${x.toFixed(1)} ms`
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`

/** A warm-up run, then `runs` timed ones: their median and max in ms, and the last result. */
function time<T>(runs: number, f: () => T): { median: number; max: number; result: T } {
  let result = f()
  const took: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = f()
    took.push(performance.now() - t0)
  }
  return { median: median(took), max: Math.max(...took), result }
}

const fileSize = (file: string) => [file, `${file}-wal`].reduce((n, f) => n + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0)

const dbArg = arg('db')
const dir = dbArg ? undefined : mkdtempSync(join(tmpdir(), 'aixin-bench-digest-'))
const file = dbArg ?? join(dir!, 'digest.sqlite')

{
  const db = openDatabase(file)
  const existing = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM tickets').get()!.n
  if (existing > 0) {
    console.log(`record: ${file} already holds ${existing.toLocaleString()} tickets, not filled again`)
  } else {
    // The fill's own connection may take liberties; the measurements reopen the file as the bot does.
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -262144')
    const t0 = performance.now()
    const { tickets, events } = fill(db)
    db.pragma('wal_checkpoint(TRUNCATE)')
    const took = performance.now() - t0
    console.log(
      `fill: ${tickets.toLocaleString()} tickets and ${events.toLocaleString()} events (${EVENTS}) from ${dayOf(START)} to ${LAST_DAY} in ${(took / 1000).toFixed(1)} s` +
        ` (${Math.round(tickets / (took / 1000)).toLocaleString()} tickets/s); file ${mb(fileSize(file))}`,
    )
  }
  db.close()
}

const db = openDatabase(file)
const roster = createRosterStore(db)
const sources: DigestSources = { db, handlers, nameOf: roster.nameOf, community: COMMUNITY }
console.log(`record: ${file}, ${mb(fileSize(file))}, read with openDatabase's settings (cache_size ${db.pragma('cache_size', { simple: true })}), no ANALYZE`)

const states = db.prepare<[], { state: string; n: number }>('SELECT state, COUNT(*) AS n FROM tickets GROUP BY state ORDER BY n DESC').all()
const total = states.reduce((s, r) => s + r.n, 0)
console.log(`tickets by state: ${states.map((r) => `${r.state} ${r.n.toLocaleString()} (${((100 * r.n) / total).toFixed(1)}%)`).join(', ')}`)
const eventTypes = db
  .prepare<[], { type: string; note: string | null; n: number }>(
    "SELECT type, CASE WHEN type IN ('reminded', 'escalated') THEN note END AS note, COUNT(*) AS n FROM ticket_events GROUP BY 1, 2 ORDER BY n DESC",
  )
  .all()
console.log(`events by type: ${eventTypes.map((r) => `${r.type}${r.note ? `/${r.note}` : ''} ${r.n.toLocaleString()}`).join(', ')}`)

const targets = [
  { name: 'day digest', days: 1 },
  { name: '30-day digest', days: 30 },
] as const
const built = targets.map((t) => ({ ...t, ...time(RUNS, () => buildDigest(sources, LAST_DAY, t.days, NOW)) }))
const dayDigest: Digest = built[0]!.result

console.log(`\nbuildDigest (now = ${dayjs(NOW).tz(COMMUNITY_TZ).format('YYYY-MM-DD HH:mm')}), a warm-up run then ${RUNS} timed runs:`)
for (const b of built) {
  const d = b.result
  console.log(
    `  ${b.name} ${d.label}: median ${ms(b.median)}, max ${ms(b.max)} — ${d.total.toLocaleString()} tickets, ${d.openCount.toLocaleString()} open, ` +
      `${d.members.length} members, ${d.hotSpots.length} hot spots`,
  )
}
const messages = time(RUNS, () => digestMessages(dayDigest, COMMUNITY))
console.log(`digestMessages (day): median ${ms(messages.median)}, max ${ms(messages.max)} — ${messages.result.length} messages, ${messages.result.join('').length} characters`)
const chart = time(RUNS, () => renderDigestChart(dayDigest.chart))
console.log(`renderDigestChart (day): median ${ms(chart.median)}, max ${ms(chart.max)} — PNG of ${(chart.result.length / 1024).toFixed(0)} KB`)
console.log(`\nthe day digest as sent:\n${messages.result.map((m) => `  ${m.replaceAll('\n', '\n  ')}`).join('\n  ---\n')}`)

// The indexes the digest reads through (see the covering ones in src/db/migrations.ts).
console.log('\nindexes:')
for (const { name, tbl_name: table, sql } of db
  .prepare<[], { name: string; tbl_name: string; sql: string | null }>(
    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tickets', 'ticket_events') ORDER BY tbl_name, name",
  )
  .all()) {
  const columns = db.prepare<[], { name: string }>(`PRAGMA index_info(${JSON.stringify(name)})`).all().map((c) => c.name)
  console.log(`  ${table}: ${sql ? sql.replace(/\s+/g, ' ') : `${name} (UNIQUE constraint on ${columns.join(', ')})`}`)
}

console.log('')
for (const b of built) {
  const ok = b.median < TARGET_MS && b.max < TARGET_MS
  console.log(`${b.name}: ${b.median.toFixed(0)} ms (target < ${TARGET_MS} ms) ${ok ? 'OK' : 'MISSED'}   [median of ${RUNS} runs, max ${b.max.toFixed(0)} ms]`)
}

db.close()
if (dir && !KEEP) rmSync(dir, { recursive: true, force: true })
else console.log(`kept: ${file}`)
