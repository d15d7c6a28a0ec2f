import dayjs from 'dayjs'
import { COMMUNITY_TZ } from '../clock.js'
import type { Db } from '../db/open-database.js'
import type { Handler } from '../recognise/handler.js'
import { isOverdue } from '../tickets/overdue.js'
import { OPEN_STATES, type TicketState } from '../tickets/types.js'
import type { DigestChartData } from './chart-data.js'

const DAY = 24 * 3600_000

/** `hit` of `of`; the rate is hit / of, and nothing to measure when `of` is 0. */
export interface Rate {
  readonly hit: number
  readonly of: number
}

/** Median (the mean of the middle two for an even count) and 90th percentile (nearest rank), in ms. */
export interface Spread {
  readonly n: number
  readonly median: number | null
  readonly p90: number | null
}

export interface MemberFigures {
  readonly id: string
  readonly name: string
  /** Tickets of the period they ended up owning. */
  readonly owned: number
  readonly resolved: number
  /** Creation to their acceptance, for those they accepted. */
  readonly toAccept: Spread
  readonly ratings: readonly number[]
  /** Times the chase had to act on them in the period: accept reminders and escalations past them. */
  readonly lapses: number
}

export interface Digest {
  /** YYYY-MM-DD, or `from 至 to` for a longer period. */
  readonly label: string
  readonly from: number
  readonly to: number
  readonly total: number
  readonly cancelled: number
  readonly byCategory: readonly { readonly label: string; readonly count: number }[]
  readonly byGrid: readonly { readonly grid: string | null; readonly count: number }[]
  /** 响应率: accepted within the handler's accept deadline, counted from the request. */
  readonly response: Rate
  /** 解决率: resolved within the handler's resolve deadline, counted from acceptance. */
  readonly resolution: Rate
  /** 满意率: rated 4 or 5, among the rated. */
  readonly satisfaction: Rate
  readonly toAccept: Spread
  readonly toResolve: Spread
  /** Tickets of the period or before that are open now, overdue first. */
  readonly open: readonly { readonly no: number; readonly label: string; readonly owner: string | null; readonly ageMs: number; readonly overdue: boolean }[]
  readonly members: readonly MemberFigures[]
  /** Buildings (or grids) with 3 or more requests of one category in the 30 days ending with the period. */
  readonly hotSpots: readonly { readonly place: string; readonly label: string; readonly count: number }[]
  readonly chart: DigestChartData
}

interface Row {
  no: number
  category: string
  state: TicketState
  grid: string | null
  building: string | null
  assignee_id: string | null
  created_at: number
  accepted_at: number | null
  resolved_at: number | null
  rating: number | null
}

/** The start of a local day (YYYY-MM-DD) in the community's time zone, in epoch ms. */
export function startOfDay(day: string): number {
  return dayjs.tz(day, COMMUNITY_TZ).startOf('day').valueOf()
}
export const dayOf = (ms: number): string => dayjs(ms).tz(COMMUNITY_TZ).format('YYYY-MM-DD')

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { n: 0, median: null, p90: null }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { n: sorted.length, median, p90: sorted[Math.ceil(0.9 * sorted.length) - 1]! }
}

/** Cancelled and merged tickets count in no rate: nobody was asked to do them. */
const measured = (r: Row) => r.state !== 'cancelled' && r.state !== 'merged'

function rates(rows: readonly Row[], deadlinesOf: (category: string) => Handler['deadlines']) {
  const counted = rows.filter(measured)
  const response = counted.filter((r) => r.accepted_at !== null && r.accepted_at - r.created_at <= deadlinesOf(r.category).acceptMinutes * 60_000)
  const resolution = counted.filter(
    (r) => r.resolved_at !== null && r.resolved_at - (r.accepted_at ?? r.created_at) <= deadlinesOf(r.category).resolveMinutes * 60_000,
  )
  const rated = counted.filter((r) => r.rating !== null)
  return {
    response: { hit: response.length, of: counted.length },
    resolution: { hit: resolution.length, of: counted.length },
    satisfaction: { hit: rated.filter((r) => r.rating! >= 4).length, of: rated.length },
  }
}

const ratio = (rate: Rate): number | null => (rate.of ? rate.hit / rate.of : null)

export interface DigestSources {
  readonly db: Db
  readonly handlers: readonly Handler[]
  readonly nameOf: (id: string) => string
  readonly community: string
}

/**
 * The figures of `days` local days ending with `lastDay` (YYYY-MM-DD), as the record holds them `now`.
 * Reads only: each query is bounded by an indexed time range, so a year of a million tickets costs a
 * day's or a month's worth of rows.
 */
export function buildDigest(sources: DigestSources, lastDay: string, days: number, now: number): Digest {
  const { db, handlers } = sources
  const byCategory = new Map(handlers.map((h) => [h.category, h]))
  const fallback = handlers.find((h) => h.fallback) ?? handlers[0]!
  const handlerOf = (category: string) => byCategory.get(category) ?? fallback
  const deadlinesOf = (category: string) => handlerOf(category).deadlines
  const to = startOfDay(lastDay) + DAY
  const from = to - days * DAY
  const select = db.prepare<[number, number], Row>(
    `SELECT no, category, state, grid, building, assignee_id, created_at, accepted_at, resolved_at, rating
     FROM tickets WHERE created_at >= ? AND created_at < ?`,
  )
  const rows = select.all(from, to)
  const counted = rows.filter(measured)

  const count = <K>(keys: K[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>())]
  const { response, resolution, satisfaction } = rates(rows, deadlinesOf)

  const openRows = db
    .prepare<[number], Row & { assigned_at: number | null }>(
      `SELECT * FROM tickets WHERE state IN (${OPEN_STATES.map((s) => `'${s}'`).join(', ')}) AND created_at < ? ORDER BY no`,
    )
    .all(to)
  const open = openRows
    .map((r) => {
      const h = handlerOf(r.category)
      const overdue = isOverdue({ state: r.state, assignedAt: r.assigned_at, acceptedAt: r.accepted_at, createdAt: r.created_at }, h.deadlines, now)
      return { no: r.no, label: h.label, owner: r.assignee_id ? sources.nameOf(r.assignee_id) : null, ageMs: now - r.created_at, overdue }
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.ageMs - a.ageMs)

  const lapses = db
    .prepare<[number, number], { to_id: string | null; n: number }>(
      `SELECT to_id, COUNT(*) AS n FROM ticket_events
       WHERE at >= ? AND at < ? AND ((type = 'reminded' AND note = 'accept') OR (type = 'escalated' AND note = 'not accepted'))
       GROUP BY to_id`,
    )
    .all(from, to)
  const lapsesOf = new Map(lapses.map((l) => [l.to_id, l.n]))
  const memberIds = [...new Set([...counted.map((r) => r.assignee_id), ...lapses.map((l) => l.to_id)].filter((id): id is string => id !== null))]
  const members = memberIds.map((id): MemberFigures => {
    const mine = counted.filter((r) => r.assignee_id === id)
    return {
      id,
      name: sources.nameOf(id),
      owned: mine.length,
      resolved: mine.filter((r) => r.resolved_at !== null).length,
      toAccept: spread(mine.filter((r) => r.accepted_at !== null).map((r) => r.accepted_at! - r.created_at)),
      ratings: mine.filter((r) => r.rating !== null).map((r) => r.rating!),
      lapses: lapsesOf.get(id) ?? 0,
    }
  })

  const hotSpots = db
    .prepare<[number, number], { place: string; category: string; n: number }>(
      `SELECT COALESCE(building, CASE WHEN grid IS NULL THEN NULL ELSE grid || '网格' END) AS place, category, COUNT(*) AS n
       FROM tickets WHERE created_at >= ? AND created_at < ? AND state NOT IN ('cancelled', 'merged')
       GROUP BY place, category HAVING place IS NOT NULL AND n >= 3 ORDER BY n DESC, place LIMIT 10`,
    )
    .all(to - 30 * DAY, to)
    .map((h) => ({ place: h.place, label: handlerOf(h.category).label, count: h.n }))

  return {
    label: days === 1 ? lastDay : `${dayOf(from)} 至 ${lastDay}`,
    from,
    to,
    total: rows.length,
    cancelled: rows.length - counted.length,
    byCategory: count(rows.map((r) => handlerOf(r.category).label))
      .map(([label, n]) => ({ label, count: n }))
      .sort((a, b) => b.count - a.count),
    byGrid: count(rows.map((r) => r.grid))
      .map(([grid, n]) => ({ grid, count: n }))
      .sort((a, b) => b.count - a.count),
    response,
    resolution,
    satisfaction,
    toAccept: spread(counted.filter((r) => r.accepted_at !== null).map((r) => r.accepted_at! - r.created_at)),
    toResolve: spread(counted.filter((r) => r.resolved_at !== null).map((r) => r.resolved_at! - r.created_at)),
    open,
    members,
    hotSpots,
    chart: chartData(sources, rows, lastDay, to, handlerOf, deadlinesOf, select),
  }
}

function chartData(
  sources: DigestSources,
  rows: readonly Row[],
  lastDay: string,
  to: number,
  handlerOf: (category: string) => Handler,
  deadlinesOf: (category: string) => Handler['deadlines'],
  select: { all(from: number, to: number): Row[] },
): DigestChartData {
  const byHour: Record<string, number[]> = {}
  for (const r of rows) {
    const label = handlerOf(r.category).label
    ;(byHour[label] ??= Array.from({ length: 24 }, () => 0))[dayjs(r.created_at).tz(COMMUNITY_TZ).hour()]! += 1
  }
  const week = select.all(to - 7 * DAY, to)
  const days = Array.from({ length: 7 }, (_, i) => to - (7 - i) * DAY)
  const perDay = days.map((start) => rates(week.filter((r) => r.created_at >= start && r.created_at < start + DAY), deadlinesOf))
  return {
    day: lastDay,
    community: sources.community,
    byHour,
    rates: {
      days: days.map(dayOf),
      response: perDay.map((d) => ratio(d.response)),
      resolution: perDay.map((d) => ratio(d.resolution)),
      satisfaction: perDay.map((d) => ratio(d.satisfaction)),
    },
  }
}
