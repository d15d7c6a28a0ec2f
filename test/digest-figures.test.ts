/**
 * Every figure of buildDigest on a small record made by hand. Each expected value is a literal worked
 * out on paper (the arithmetic is in the comment beside it), never recomputed with the digest's formulas.
 *
 * Deadlines (handlers/*.ts): every category accepts within 5 min; resolve within 发热咨询 (fever) 20 min,
 * 买药送药 (medicine) 60 min, 用水问题 (water) 2 days = 2880 min, 其他求助 (other, the fallback) 20 min.
 * Days are Asia/Shanghai days: 2026-11-21 runs from 2026-11-21T00:00+08:00 to 2026-11-22T00:00+08:00.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handlers } from '../handlers/index.js'
import { buildDigest, spread, type Digest, type DigestSources, type MemberFigures } from '../src/digest/build-digest.js'
import { openDatabase, type Db } from '../src/db/open-database.js'
import { digestMessages } from '../src/messages/digest.js'
import type { TicketState } from '../src/tickets/types.js'

const MIN = 60_000
const HOUR = 60 * MIN
/** A local (UTC+8) instant: t('2026-11-21T09:00') is 09:00 in Shanghai, 01:00 UTC. */
const t = (local: string): number => Date.parse(`${local}:00+08:00`)

const COMMUNITY = '幸福里社区'
/** m2's roster name carries a phone number, which must never reach a message. */
const NAMES: Record<string, string> = { m1: '张三', m2: '李四 13812345678', m3: '王五', m4: '赵六' }

interface T {
  no: number
  category: string
  state: TicketState
  grid: string | null
  building: string | null
  assignee: string | null
  created: string
  assigned?: string
  accepted?: string
  resolved?: string
  rating?: number
}

/*
 * The record. Minutes in the comments: acc = created→accepted, res = accepted→resolved (the 解决率 clock),
 * c→r = created→resolved (the 办结用时 spread).
 */
const TICKETS: T[] = [
  // ── earlier, for the 30-day figures, the hot spots and the 7-day chart ──
  // H1: exactly at the start of the 21st's 30-day window (2026-10-23T00:00). acc 4 ✓, res 46 ≤ 60 ✓, c→r 50, rated 5
  { no: 90, category: 'medicine', state: 'rated', grid: 'A', building: '3栋', assignee: 'm1', created: '2026-10-23T00:00', assigned: '2026-10-23T00:01', accepted: '2026-10-23T00:04', resolved: '2026-10-23T00:50', rating: 5 },
  // H2: one minute before that window: it must not make 7栋 water a hot spot on the 21st
  { no: 91, category: 'water', state: 'resolved', grid: 'B', building: '7栋', assignee: 'm2', created: '2026-10-22T23:59', assigned: '2026-10-23T00:00', accepted: '2026-10-23T00:02', resolved: '2026-10-23T01:00' },
  // H3–H5: three 其他求助 in grid C with no building → hot spot "C网格"
  // H3: acc 10 ✗, res 10 ✓, c→r 20, not rated
  { no: 92, category: 'other', state: 'resolved', grid: 'C', building: null, assignee: 'm3', created: '2026-11-05T10:00', assigned: '2026-11-05T10:00', accepted: '2026-11-05T10:10', resolved: '2026-11-05T10:20' },
  // H4: acc 1 ✓, res 30 > 20 ✗, c→r 31, rated 1
  { no: 93, category: 'other', state: 'rated', grid: 'C', building: null, assignee: 'm3', created: '2026-11-10T10:00', assigned: '2026-11-10T10:00', accepted: '2026-11-10T10:01', resolved: '2026-11-10T10:31', rating: 1 },
  // H5: acc 2 ✓, res 10 ✓, c→r 12, rated 3 (not satisfied)
  { no: 94, category: 'other', state: 'rated', grid: 'C', building: null, assignee: 'm3', created: '2026-11-15T09:00', assigned: '2026-11-15T09:00', accepted: '2026-11-15T09:02', resolved: '2026-11-15T09:12', rating: 3 },
  // H6, H7: only two 发热咨询 in 9栋 → no hot spot
  // H6: acc 5 ✓ (exactly), res 20 ✓ (exactly the fever deadline), c→r 25, rated 5
  { no: 95, category: 'fever', state: 'rated', grid: 'A', building: '9栋', assignee: 'm1', created: '2026-11-10T15:00', assigned: '2026-11-10T15:00', accepted: '2026-11-10T15:05', resolved: '2026-11-10T15:25', rating: 5 },
  // H7: acc 10 ✗, res 70 ✗, c→r 80
  { no: 96, category: 'fever', state: 'resolved', grid: 'A', building: '9栋', assignee: 'm1', created: '2026-11-12T15:00', assigned: '2026-11-12T15:00', accepted: '2026-11-12T15:10', resolved: '2026-11-12T16:20' },
  // T0: still open (accepted 2026-11-19T15:03, water resolve deadline 48 h → overdue from 2026-11-21T15:03)
  { no: 100, category: 'water', state: 'accepted', grid: 'B', building: '7栋', assignee: 'm2', created: '2026-11-19T15:00', assigned: '2026-11-19T15:01', accepted: '2026-11-19T15:03' },
  // ── 2026-11-20: nothing ──
  // ── 2026-11-21, the day of the digest ──
  // T1: acc 5 ✓ (exactly the deadline), res 60 ✓ (exactly the medicine deadline), c→r 65, rated 5
  { no: 101, category: 'medicine', state: 'rated', grid: 'A', building: '3栋', assignee: 'm1', created: '2026-11-21T09:00', assigned: '2026-11-21T09:01', accepted: '2026-11-21T09:05', resolved: '2026-11-21T10:05', rating: 5 },
  // T2: acc 6 ✗, res 64 ✗, c→r 70, rated 4
  { no: 102, category: 'medicine', state: 'rated', grid: 'A', building: '3栋', assignee: 'm1', created: '2026-11-21T10:00', assigned: '2026-11-21T10:00', accepted: '2026-11-21T10:06', resolved: '2026-11-21T11:10', rating: 4 },
  // T3: acc 2 ✓, res 28 > 20 ✗, c→r 30, rated 2
  { no: 103, category: 'fever', state: 'rated', grid: 'A', building: '5栋', assignee: 'm2', created: '2026-11-21T14:00', assigned: '2026-11-21T14:00', accepted: '2026-11-21T14:02', resolved: '2026-11-21T14:30', rating: 2 },
  // T4: acc 4 ✓, open (accepted 20:04, resolve deadline 48 h: not overdue the next morning)
  { no: 104, category: 'water', state: 'accepted', grid: 'B', building: '7栋', assignee: 'm2', created: '2026-11-21T20:00', assigned: '2026-11-21T20:01', accepted: '2026-11-21T20:04' },
  // T5: by DM (no grid, no building), assigned 21:01, never accepted: acc ✗, res ✗
  { no: 105, category: 'other', state: 'assigned', grid: null, building: null, assignee: 'm3', created: '2026-11-21T21:00', assigned: '2026-11-21T21:01' },
  // T6: across midnight: created 23:50, accepted 00:20 and resolved 00:35 on the 22nd. acc 30 ✗, res 15 ✓, c→r 45
  { no: 106, category: 'fever', state: 'resolved', grid: 'B', building: null, assignee: 'm1', created: '2026-11-21T23:50', assigned: '2026-11-21T23:51', accepted: '2026-11-22T00:20', resolved: '2026-11-22T00:35' },
  // T7: cancelled after an on-time acceptance: counts in total, in no rate, in no hot spot (3栋 medicine)
  { no: 107, category: 'medicine', state: 'cancelled', grid: 'A', building: '3栋', assignee: null, created: '2026-11-21T11:00', accepted: '2026-11-21T11:03' },
  // T8: merged: counts in total, in no rate
  { no: 108, category: 'other', state: 'merged', grid: 'A', building: null, assignee: null, created: '2026-11-21T12:00' },
  // T9: a category no handler has → the fallback 其他求助 (20 min). acc 3 ✓, res 25 ✗ (would be ✓ under medicine's 60), c→r 28, rated 3
  { no: 109, category: 'unknown-x', state: 'rated', grid: 'A', building: '5栋', assignee: 'm3', created: '2026-11-21T08:00', assigned: '2026-11-21T08:01', accepted: '2026-11-21T08:03', resolved: '2026-11-21T08:28', rating: 3 },
  // T10: escalated after m4 let it lapse, nobody owns it now: acc ✗, res ✗, overdue by definition
  { no: 110, category: 'medicine', state: 'escalated', grid: 'B', building: '7栋', assignee: null, created: '2026-11-21T22:00', assigned: '2026-11-21T22:00' },
  // ── 2026-11-22 ──
  // T12: new, unassigned; with T0 and T4 it makes 7栋 water a hot spot in the 22nd's window (not the 21st's)
  { no: 112, category: 'water', state: 'new', grid: 'B', building: '7栋', assignee: null, created: '2026-11-22T07:58' },
]

/** [ticket no, at, type, to, note]: accept reminders and escalations past a member are lapses; the rest are not. */
const EVENTS: [number, string, string, string, string][] = [
  [92, '2026-11-05T10:05', 'reminded', 'm3', 'accept'], // lapse m3 (30-day only)
  [102, '2026-11-21T10:05', 'reminded', 'm1', 'accept'], // lapse m1
  [103, '2026-11-21T14:22', 'reminded', 'm2', 'resolve'], // not a lapse
  [103, '2026-11-21T14:32', 'escalated', 'm2', 'overdue'], // not a lapse
  [105, '2026-11-21T21:06', 'reminded', 'm3', 'accept'], // lapse m3
  [110, '2026-11-21T22:05', 'reminded', 'm4', 'accept'], // lapse m4
  [110, '2026-11-21T22:10', 'escalated', 'm4', 'not accepted'], // lapse m4
  [106, '2026-11-21T23:56', 'reminded', 'm1', 'accept'], // lapse m1
  [106, '2026-11-22T00:00', 'escalated', 'm1', 'not accepted'], // lapse m1, on the 22nd (exactly its first instant)
]

let dir: string
let db: Db
let sources: DigestSources
/** The 21st, read at 08:00 on the 22nd (the digest hour). */
const NOW_21 = t('2026-11-22T08:00')
let day21: Digest

function insert(db: Db): void {
  const ticket = db.prepare(
    `INSERT INTO tickets (no, source_key, room_id, requester_id, requester_name, text, category, urgency, fields, state,
       assignee_id, created_at, assigned_at, accepted_at, resolved_at, rating, grid, building)
     VALUES (?, ?, NULL, 'r-1', '居民', '求助', ?, 'normal', '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const at = (local: string | undefined) => (local === undefined ? null : t(local))
  for (const x of TICKETS) {
    ticket.run(x.no, `src-${x.no}`, x.category, x.state, x.assignee, t(x.created), at(x.assigned), at(x.accepted), at(x.resolved), x.rating ?? null, x.grid, x.building)
  }
  const event = db.prepare(`INSERT INTO ticket_events (ticket_no, at, type, by_id, to_id, note) VALUES (?, ?, ?, NULL, ?, ?)`)
  for (const [no, local, type, to, note] of EVENTS) event.run(no, t(local), type, to, note)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aixin-digest-figures-'))
  db = openDatabase(join(dir, 'record.sqlite'))
  insert(db)
  sources = { db, handlers, nameOf: (id) => NAMES[id] ?? id, community: COMMUNITY }
  day21 = buildDigest(sources, '2026-11-21', 1, NOW_21)
})
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function hours(counts: Record<number, number>): number[] {
  const row = Array<number>(24).fill(0)
  for (const [hour, n] of Object.entries(counts)) row[Number(hour)] = n
  return row
}
const byId = (members: readonly MemberFigures[]) =>
  [...members].sort((a, b) => a.id.localeCompare(b.id)).map((m) => ({ ...m, ratings: [...m.ratings].sort() }))

describe('buildDigest: one day (2026-11-21)', () => {
  it('spans the local day, and counts requests, cancelled ones, categories and grids', () => {
    expect(day21.label).toBe('2026-11-21')
    expect(day21.from).toBe(Date.parse('2026-11-20T16:00:00Z')) // 00:00 +08:00
    expect(day21.to).toBe(Date.parse('2026-11-21T16:00:00Z'))
    // created on the 21st: T1–T10 (nos 101–110) = 10
    expect(day21.total).toBe(10)
    // T7 cancelled + T8 merged
    expect(day21.cancelled).toBe(2)
    // 买药送药 T1 T2 T7 T10 = 4; 其他求助 T5 T8 T9(unknown-x → fallback) = 3; 发热咨询 T3 T6 = 2; 用水问题 T4 = 1
    expect(day21.byCategory).toEqual([
      { label: '买药送药', count: 4 },
      { label: '其他求助', count: 3 },
      { label: '发热咨询', count: 2 },
      { label: '用水问题', count: 1 },
    ])
    // A: T1 T2 T3 T7 T8 T9 = 6; B: T4 T6 T10 = 3; DM (null): T5 = 1
    expect(day21.byGrid).toEqual([
      { grid: 'A', count: 6 },
      { grid: 'B', count: 3 },
      { grid: null, count: 1 },
    ])
  })

  it('the three rates over the 8 measured tickets (not T7, T8); exactly at a deadline is on time', () => {
    // measured: T1 T2 T3 T4 T5 T6 T9 T10 = 8
    // 响应率: T1 (5 = 5) ✓, T2 (6) ✗, T3 (2) ✓, T4 (4) ✓, T5 ✗, T6 (30) ✗, T9 (3) ✓, T10 ✗ → 4 of 8
    //   (T7's on-time acceptance does not count: it was cancelled)
    expect(day21.response).toEqual({ hit: 4, of: 8 })
    // 解决率: T1 (60 = medicine 60) ✓, T2 (64 > 60) ✗, T3 (28 > 20) ✗, T6 (15 ≤ 20) ✓, T9 (25 > other's 20) ✗,
    //   T4 T5 T10 unresolved ✗ → 2 of 8
    expect(day21.resolution).toEqual({ hit: 2, of: 8 })
    // 满意率: rated T1 5 ✓, T2 4 ✓, T3 2 ✗, T9 3 ✗ → 2 of 4
    expect(day21.satisfaction).toEqual({ hit: 2, of: 4 })
  })

  it('接单 and 办结 spreads: median of an even count is the mean of the middle two, p90 the nearest rank', () => {
    // acc of measured accepted tickets: T1 5, T2 6, T3 2, T4 4, T6 30, T9 3 → sorted 2 3 4 5 6 30 (n 6)
    // median (4 + 5) / 2 = 4.5 min = 270 000 ms; p90 rank ⌈0.9 × 6⌉ = ⌈5.4⌉ = 6 → 30 min = 1 800 000 ms
    expect(day21.toAccept).toEqual({ n: 6, median: 270_000, p90: 1_800_000 })
    // c→r of measured resolved tickets: T1 65, T2 70, T3 30, T6 45, T9 28 → sorted 28 30 45 65 70 (n 5)
    // median the 3rd = 45 min = 2 700 000 ms; p90 rank ⌈0.9 × 5⌉ = ⌈4.5⌉ = 5 → 70 min = 4 200 000 ms
    expect(day21.toResolve).toEqual({ n: 5, median: 2_700_000, p90: 4_200_000 })
  })

  it('lists the open tickets with their owners, overdue first, then the oldest', () => {
    // at 2026-11-22T08:00, open and created before the 22nd: T0, T4, T5, T10 (not T12, created on the 22nd)
    expect(day21.open).toEqual([
      // T0: accepted 11-19 15:03, 64 h 57 min ago > 48 h → overdue; age 11-19 15:00 → 11-22 08:00 = 65 h
      { no: 100, label: '用水问题', owner: '李四 13812345678', ageMs: 65 * HOUR, overdue: true },
      // T5: assigned 21:01, not accepted 10 h 59 min later > 5 min → overdue; age 21:00 → 08:00 = 11 h
      { no: 105, label: '其他求助', owner: '王五', ageMs: 11 * HOUR, overdue: true },
      // T10: escalated → overdue; nobody owns it; age 22:00 → 08:00 = 10 h
      { no: 110, label: '买药送药', owner: null, ageMs: 10 * HOUR, overdue: true },
      // T4: accepted 20:04, 11 h 56 min < 48 h → on time, so after the overdue ones though older; age 12 h
      { no: 104, label: '用水问题', owner: '李四 13812345678', ageMs: 12 * HOUR, overdue: false },
    ])
  })

  it('marks overdue per isOverdue at the given now: from the assignment, strictly after the deadline', () => {
    const t5At = (now: number) => buildDigest(sources, '2026-11-21', 1, now).open.find((o) => o.no === 105)!
    // T5 created 21:00, assigned 21:01: at 21:05:30 it is 5.5 min from creation but 4.5 from assignment → on time
    expect(t5At(t('2026-11-21T21:05') + 30_000).overdue).toBe(false)
    // at 21:06 exactly 5 min from the assignment: not yet past the deadline
    expect(t5At(t('2026-11-21T21:06')).overdue).toBe(false)
    // one millisecond later it is
    expect(t5At(t('2026-11-21T21:06') + 1).overdue).toBe(true)
    // T0 (accepted 11-19 15:03, 48 h): on time at 11-21 15:03, overdue a millisecond after
    const t0At = (now: number) => buildDigest(sources, '2026-11-21', 1, now).open.find((o) => o.no === 100)!
    expect(t0At(t('2026-11-21T15:03')).overdue).toBe(false)
    expect(t0At(t('2026-11-21T15:03') + 1).overdue).toBe(true)
  })

  it('members: owned, resolved, time to accept, ratings and lapses', () => {
    expect(byId(day21.members)).toEqual([
      // m1: T1 T2 T6, all resolved; acc 5, 6, 30 → median 6 min, p90 rank ⌈2.7⌉ = 3 → 30 min; ratings 5, 4;
      //     lapses: reminder 10:05 (T2) + reminder 23:56 (T6) = 2 (the 00:00 escalation on the 22nd is the 22nd's)
      { id: 'm1', name: '张三', owned: 3, resolved: 3, toAccept: { n: 3, median: 6 * MIN, p90: 30 * MIN }, ratings: [4, 5], lapses: 2 },
      // m2: T3 T4, T3 resolved; acc 2, 4 → median 3 min, p90 rank ⌈1.8⌉ = 2 → 4 min; rating 2;
      //     the resolve reminder and the overdue escalation on T3 are no lapses → 0
      { id: 'm2', name: '李四 13812345678', owned: 2, resolved: 1, toAccept: { n: 2, median: 3 * MIN, p90: 4 * MIN }, ratings: [2], lapses: 0 },
      // m3: T5 T9, T9 resolved; acc 3 → 3 min both; rating 3; lapses: reminder 21:06 (T5) = 1
      { id: 'm3', name: '王五', owned: 2, resolved: 1, toAccept: { n: 1, median: 3 * MIN, p90: 3 * MIN }, ratings: [3], lapses: 1 },
      // m4: owns nothing; reminder 22:05 + escalation 22:10 past them on T10 = 2
      { id: 'm4', name: '赵六', owned: 0, resolved: 0, toAccept: { n: 0, median: null, p90: null }, ratings: [], lapses: 2 },
    ])
  })

  it('hot spots: 3+ of one category in one building (or grid) in the 30 days ending with the day', () => {
    // window [10-23 00:00, 11-22 00:00):
    //   3栋 买药送药: H1 (10-23 00:00, the window's first instant) + T1 + T2 = 3; T7 is cancelled → 3, not 4
    //   C网格 其他求助 (no building): H3 + H4 + H5 = 3
    //   7栋 用水问题: T0 + T4 = 2 (H2 at 10-22 23:59 is older, T12 is later) → none
    //   9栋 发热咨询: H6 + H7 = 2 → none; 5栋: T3 fever 1, T9 unknown-x 1; T5 has no place
    // ties by count sort by place: '3栋' < 'C网格'
    expect(day21.hotSpots).toEqual([
      { place: '3栋', label: '买药送药', count: 3 },
      { place: 'C网格', label: '其他求助', count: 3 },
    ])
  })

  it('chart: requests by local hour and category label', () => {
    // created at (local): T9 08:00 其他, T1 09:00 药, T2 10:00 药, T7 11:00 药, T8 12:00 其他, T3 14:00 发热,
    // T4 20:00 水, T5 21:00 其他, T10 22:00 药, T6 23:50 发热 (15:50 UTC, hour 23 locally)
    expect(day21.chart.day).toBe('2026-11-21')
    expect(day21.chart.community).toBe(COMMUNITY)
    expect(day21.chart.byHour).toEqual({
      买药送药: hours({ 9: 1, 10: 1, 11: 1, 22: 1 }),
      其他求助: hours({ 8: 1, 12: 1, 21: 1 }),
      发热咨询: hours({ 14: 1, 23: 1 }),
      用水问题: hours({ 20: 1 }),
    })
  })

  it('chart: the 7 days of rates as fractions, null where there was nothing to measure', () => {
    expect(day21.chart.rates).toEqual({
      days: ['2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21'],
      // 11-15 H5: acc 2 ✓ → 1/1; res 10 ✓ → 1/1; rated 3 → 0/1
      // 11-16 … 11-18, 11-20: no tickets → null
      // 11-19 T0: acc 3 ✓ → 1/1; unresolved → 0/1; unrated → null
      // 11-21: 4/8 = 0.5, 2/8 = 0.25, 2/4 = 0.5
      response: [1, null, null, null, 1, null, 0.5],
      resolution: [1, null, null, null, 0, null, 0.25],
      satisfaction: [0, null, null, null, null, null, 0.5],
    })
  })
})

describe('spread (the 接单/办结 figures) where 90% falls exactly on a rank', () => {
  it('takes the nearest rank, not the next one', () => {
    expect(spread([])).toEqual({ n: 0, median: null, p90: null })
    expect(spread([7])).toEqual({ n: 1, median: 7, p90: 7 })
    // 1…10 shuffled: median (5 + 6) / 2 = 5.5; p90 rank ⌈0.9 × 10⌉ = 9 → 9 (not the maximum 10)
    expect(spread([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({ n: 10, median: 5.5, p90: 9 })
    // 1…20: median (10 + 11) / 2 = 10.5; p90 rank 18 → 18
    expect(spread(Array.from({ length: 20 }, (_, i) => 20 - i))).toEqual({ n: 20, median: 10.5, p90: 18 })
  })
})

describe('buildDigest: days around the 21st', () => {
  it('a ticket spanning midnight belongs to the day it was created, not the day it was accepted', () => {
    // the 21st has T6 (created 23:50): 发热咨询 2, its 23h bar, its 30-min acceptance as the toAccept p90 (above)
    expect(day21.byCategory).toContainEqual({ label: '发热咨询', count: 2 })
    expect(day21.chart.byHour['发热咨询']![23]).toBe(1)
    // the 22nd holds only T12 (water, new), though T6 was accepted at 00:20 and resolved at 00:35 that day
    const day22 = buildDigest(sources, '2026-11-22', 1, t('2026-11-23T08:00'))
    expect(day22.total).toBe(1)
    expect(day22.cancelled).toBe(0)
    expect(day22.byCategory).toEqual([{ label: '用水问题', count: 1 }])
    expect(day22.byGrid).toEqual([{ grid: 'B', count: 1 }])
    expect(day22.chart.byHour).toEqual({ 用水问题: hours({ 7: 1 }) })
    // T12 unaccepted, unresolved, unrated: 0 of 1, 0 of 1, 0 of 0
    expect(day22.response).toEqual({ hit: 0, of: 1 })
    expect(day22.resolution).toEqual({ hit: 0, of: 1 })
    expect(day22.satisfaction).toEqual({ hit: 0, of: 0 })
    // no acceptance or resolution of a ticket created on the 22nd: T6's 00:20 and 00:35 are not here
    expect(day22.toAccept).toEqual({ n: 0, median: null, p90: null })
    expect(day22.toResolve).toEqual({ n: 0, median: null, p90: null })
    // the escalation past m1 at 00:00:00.000 on the 22nd is the 22nd's lapse
    expect(byId(day22.members)).toEqual([
      { id: 'm1', name: '张三', owned: 0, resolved: 0, toAccept: { n: 0, median: null, p90: null }, ratings: [], lapses: 1 },
    ])
    // the window moves: [10-24, 11-23): 7栋 water T0 + T4 + T12 = 3 (hot now); 3栋 medicine loses H1 → T1 + T2 = 2
    expect(day22.hotSpots).toEqual([
      { place: '7栋', label: '用水问题', count: 3 },
      { place: 'C网格', label: '其他求助', count: 3 },
    ])
    // rates of 11-16 … 11-22: only 11-19 (T0), 11-21 and 11-22 (T12: 0/1, 0/1, nothing rated)
    expect(day22.chart.rates.response).toEqual([null, null, null, 1, null, 0.5, 0])
    expect(day22.chart.rates.resolution).toEqual([null, null, null, 0, null, 0.25, 0])
    expect(day22.chart.rates.satisfaction).toEqual([null, null, null, null, null, 0.5, null])
  })

  it('a day with no tickets: zero counts, rates of nothing, empty spreads', () => {
    const day20 = buildDigest(sources, '2026-11-20', 1, t('2026-11-21T08:00'))
    expect(day20.label).toBe('2026-11-20')
    expect(day20.total).toBe(0)
    expect(day20.cancelled).toBe(0)
    expect(day20.byCategory).toEqual([])
    expect(day20.byGrid).toEqual([])
    expect(day20.response).toEqual({ hit: 0, of: 0 })
    expect(day20.resolution).toEqual({ hit: 0, of: 0 })
    expect(day20.satisfaction).toEqual({ hit: 0, of: 0 })
    expect(day20.toAccept).toEqual({ n: 0, median: null, p90: null })
    expect(day20.toResolve).toEqual({ n: 0, median: null, p90: null })
    expect(day20.members).toEqual([]) // no ticket and no lapse on the 20th
    // T0 is still open: accepted 11-19 15:03, 40 h 57 min before 11-21 08:00 < 48 h; age 11-19 15:00 → 11-21 08:00 = 41 h
    expect(day20.open).toEqual([{ no: 100, label: '用水问题', owner: '李四 13812345678', ageMs: 41 * HOUR, overdue: false }])
    // window [10-22, 11-21): C网格 3; 7栋 water H2 + T0 = 2; 3栋 H1 = 1; 9栋 2
    expect(day20.hotSpots).toEqual([{ place: 'C网格', label: '其他求助', count: 3 }])
    expect(day20.chart.byHour).toEqual({})
    expect(day20.chart.rates).toEqual({
      days: ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'],
      response: [null, 1, null, null, null, 1, null],
      resolution: [null, 1, null, null, null, 0, null],
      satisfaction: [null, 0, null, null, null, null, null],
    })

    const text = digestMessages(day20, COMMUNITY).join('\n')
    expect(text).toContain('📊 幸福里社区 2026-11-20 日报')
    expect(text).toContain('求助0件')
    expect(text).not.toContain('取消')
    expect(text).not.toContain('分类：')
    for (const line of ['响应率 无数据', '解决率 无数据', '满意率 无数据', '接单用时：无数据', '办结用时：无数据']) expect(text).toContain(line)
    expect(text).not.toContain('NaN')
    expect(text).not.toContain('null')
    expect(text).not.toContain('undefined')
    // 41 h = 1天17小时
    expect(text).toContain('未办结1件：\n·#100 用水问题 李四 138****5678 已1天17小时')
    expect(text).toContain('红榜：暂无')
    expect(text).toContain('黑榜：暂无')
  })

  it('a 30-day digest holds the 30 days: hand-counted, and the sum of its days', () => {
    const month = buildDigest(sources, '2026-11-21', 30, NOW_21)
    expect(month.label).toBe('2026-10-23 至 2026-11-21')
    expect(month.from).toBe(Date.parse('2026-10-22T16:00:00Z')) // 10-23 00:00 +08:00
    expect(month.to).toBe(day21.to)
    // created in [10-23, 11-22): H1 H3 H4 H5 H6 H7 (6) + T0 (1) + the 21st's 10 = 17; H2 (10-22 23:59) is out
    expect(month.total).toBe(17)
    expect(month.cancelled).toBe(2) // T7, T8
    // 其他求助 H3 H4 H5 T5 T8 T9 = 6; 买药送药 H1 T1 T2 T7 T10 = 5; 发热咨询 H6 H7 T3 T6 = 4; 用水问题 T0 T4 = 2
    expect(month.byCategory).toEqual([
      { label: '其他求助', count: 6 },
      { label: '买药送药', count: 5 },
      { label: '发热咨询', count: 4 },
      { label: '用水问题', count: 2 },
    ])
    // A: H1 H6 H7 + 6 of the 21st = 9; B: T0 + 3 = 4; C: H3 H4 H5 = 3; DM: T5 = 1
    expect(month.byGrid).toEqual([
      { grid: 'A', count: 9 },
      { grid: 'B', count: 4 },
      { grid: 'C', count: 3 },
      { grid: null, count: 1 },
    ])
    // measured 17 − 2 = 15
    // 响应率: H1 ✓ H3 ✗ H4 ✓ H5 ✓ H6 ✓ H7 ✗ T0 ✓ = 5, + the 21st's 4 → 9 of 15
    expect(month.response).toEqual({ hit: 9, of: 15 })
    // 解决率: H1 ✓ H3 ✓ H4 ✗ H5 ✓ H6 ✓ H7 ✗ T0 ✗ = 4, + the 21st's 2 → 6 of 15
    expect(month.resolution).toEqual({ hit: 6, of: 15 })
    // 满意率: H1 5 ✓, H4 1, H5 3, H6 5 ✓ → 2 of 4, + the 21st's 2 of 4 → 4 of 8
    expect(month.satisfaction).toEqual({ hit: 4, of: 8 })
    // acc: H1 4, H3 10, H4 1, H5 2, H6 5, H7 10, T0 3, + 5 6 2 4 30 3
    //   sorted 1 2 2 3 3 4 4 5 5 6 10 10 30 (n 13): median the 7th = 4 min; p90 rank ⌈11.7⌉ = 12 → 10 min
    expect(month.toAccept).toEqual({ n: 13, median: 4 * MIN, p90: 10 * MIN })
    // c→r: H1 50, H3 20, H4 31, H5 12, H6 25, H7 80, + 65 70 30 45 28
    //   sorted 12 20 25 28 30 31 45 50 65 70 80 (n 11): median the 6th = 31 min; p90 rank ⌈9.9⌉ = 10 → 70 min
    expect(month.toResolve).toEqual({ n: 11, median: 31 * MIN, p90: 70 * MIN })
    // owned/resolved/lapses: m1 H1 H6 H7 T1 T2 T6 = 6, all resolved, lapses 2; m2 T0 T3 T4 = 3, 1 resolved, 0;
    // m3 H3 H4 H5 T5 T9 = 5, 4 resolved, lapses 11-05 + 11-21 = 2; m4 0, 0, 2
    expect(byId(month.members).map(({ id, owned, resolved, lapses }) => ({ id, owned, resolved, lapses }))).toEqual([
      { id: 'm1', owned: 6, resolved: 6, lapses: 2 },
      { id: 'm2', owned: 3, resolved: 1, lapses: 0 },
      { id: 'm3', owned: 5, resolved: 4, lapses: 2 },
      { id: 'm4', owned: 0, resolved: 0, lapses: 2 },
    ])
    // m1's acc 4 5 10 5 6 30 → sorted 4 5 5 6 10 30: median (5 + 6) / 2 = 5.5 min; p90 rank ⌈5.4⌉ = 6 → 30 min
    expect(month.members.find((m) => m.id === 'm1')!.toAccept).toEqual({ n: 6, median: 5.5 * MIN, p90: 30 * MIN })
    expect(month.hotSpots).toEqual(day21.hotSpots) // the same 30 days

    // …and every additive figure is the sum of the 30 single days 10-23 … 11-21
    const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 9, 23 + i)).toISOString().slice(0, 10))
    expect(days[0]).toBe('2026-10-23')
    expect(days[29]).toBe('2026-11-21')
    const singles = days.map((day) => buildDigest(sources, day, 1, NOW_21))
    const sum = (f: (d: Digest) => number) => singles.reduce((s, d) => s + f(d), 0)
    expect(sum((d) => d.total)).toBe(month.total)
    expect(sum((d) => d.cancelled)).toBe(month.cancelled)
    for (const rate of ['response', 'resolution', 'satisfaction'] as const) {
      expect({ hit: sum((d) => d[rate].hit), of: sum((d) => d[rate].of) }).toEqual(month[rate])
    }
    expect(sum((d) => d.toAccept.n)).toBe(month.toAccept.n)
    expect(sum((d) => d.toResolve.n)).toBe(month.toResolve.n)
    for (const { label, count } of month.byCategory) expect(sum((d) => d.byCategory.find((c) => c.label === label)?.count ?? 0)).toBe(count)
    for (const { grid, count } of month.byGrid) expect(sum((d) => d.byGrid.find((g) => g.grid === grid)?.count ?? 0)).toBe(count)
    for (const m of month.members) {
      const of = (d: Digest) => d.members.find((x) => x.id === m.id)
      expect(sum((d) => of(d)?.owned ?? 0)).toBe(m.owned)
      expect(sum((d) => of(d)?.resolved ?? 0)).toBe(m.resolved)
      expect(sum((d) => of(d)?.lapses ?? 0)).toBe(m.lapses)
      expect(singles.flatMap((d) => of(d)?.ratings ?? []).sort()).toEqual([...m.ratings].sort())
    }
  })
})

describe('digestMessages', () => {
  const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/

  it('the day in plain WeChat text: figures, rates as percentages, lists, phones masked', () => {
    const messages = digestMessages(day21, COMMUNITY)
    const text = messages.join('\n')
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(500)
    expect(text).not.toContain('|')
    expect(text).not.toMatch(PHONE)
    expect(text).not.toContain('13812345678')
    for (const line of [
      '📊 幸福里社区 2026-11-21 日报',
      '求助10件（其中取消2件，不计入三率）',
      '分类：买药送药4 · 其他求助3 · 发热咨询2 · 用水问题1',
      '网格：A网格6 · B网格3 · 私信1',
      '响应率 50%（4/8）', // 4/8
      '解决率 25%（2/8）', // 2/8
      '满意率 50%（2/4）', // 2/4
      '接单用时：中位4分钟，P90 30分钟', // 4.5 min shown in whole minutes
      '办结用时：中位45分钟，P90 1小时10分', // 70 min
      '未办结4件，超时3件：',
      '⚠️#100 用水问题 李四 138****5678 已2天17小时', // 65 h
      '⚠️#105 其他求助 王五 已11小时',
      '⚠️#110 买药送药 无人负责 已10小时',
      '·#104 用水问题 李四 138****5678 已12小时',
      // red: resolved 3 (m1, avg 4.5, median acc 6 min), then resolved 1 by average: m3 3.0 before m2 2.0
      '红榜：张三 办结3 均分4.5 接单6分钟；王五 办结1 均分3.0 接单3分钟；李四 138****5678 办结1 均分2.0 接单3分钟',
      '张三 超时未接2次',
      '赵六 超时未接2次',
      '王五 超时未接1次',
      '3栋 买药送药 3次',
      'C网格 其他求助 3次',
    ]) {
      expect(text).toContain(line)
    }
    // the overdue ones come before the on-time one
    expect(text.indexOf('⚠️#110')).toBeLessThan(text.indexOf('·#104'))
  })

  it('long names split into several messages of at most 500 characters, every phone masked, anywhere', () => {
    const long = { ...sources, nameOf: (id: string) => `志愿者${id}（电话13912345678）${'很长的备注'.repeat(30)}` }
    const community = '幸福里社区 热线13700001111'
    const messages = digestMessages(buildDigest(long, '2026-11-21', 1, NOW_21), community)
    expect(messages.length).toBeGreaterThan(1)
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(500)
      expect(m).not.toMatch(PHONE)
      expect(m).not.toContain('|')
    }
    const text = messages.join('\n')
    expect(text).toContain('139****5678')
    expect(text).toContain('137****1111')
    for (const rate of ['响应率 50%（4/8）', '解决率 25%（2/8）', '满意率 50%（2/4）']) expect(text).toContain(rate)
  })
})
