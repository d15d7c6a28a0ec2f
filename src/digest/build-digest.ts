import { dayOf, startOfDay } from '../clock.js'
import type { Db } from '../db/open-database.js'
import { fallbackHandler, type Handler } from '../recognise/handler.js'
import { OPEN_STATES } from '../tickets/types.js'
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
  /** Tickets of the period or before that are open now, and how many of them are overdue. */
  readonly openCount: number
  readonly overdueCount: number
  /** The first of them, overdue first, then oldest first. */
  readonly open: readonly { readonly no: number; readonly label: string; readonly owner: string | null; readonly ageMs: number; readonly overdue: boolean }[]
  readonly members: readonly MemberFigures[]
  /** Buildings (or grids) with 3 or more requests of one category in the 30 days ending with the period. */
  readonly hotSpots: readonly { readonly place: string; readonly label: string; readonly count: number }[]
  readonly chart: DigestChartData
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { n: 0, median: null, p90: null }
  const sorted = Float64Array.from(values).sort()
  const mid = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { n: sorted.length, median, p90: sorted[Math.ceil(0.9 * sorted.length) - 1]! }
}

const ratio = (rate: Rate): number | null => (rate.of ? rate.hit / rate.of : null)

export interface DigestSources {
  readonly db: Db
  readonly handlers: readonly Handler[]
  readonly nameOf: (id: string) => string
  readonly community: string
}

/** How many open tickets the digest lists by number; the rest are counted. */
const OPEN_LISTED = 50
const OPEN = OPEN_STATES.map((s) => `'${s}'`).join(', ')
/** Cancelled and merged tickets count in no rate: nobody was asked to do them. */
const MEASURED = "state NOT IN ('cancelled', 'merged')"

/**
 * SQL for the figures, with each handler's deadlines inlined as a CASE on the category, so counting
 * happens where the rows are: a month of a busy community is ~90,000 rows, and turning them into
 * JavaScript objects would cost more than all the counting.
 */
function sqlFor(handlers: readonly Handler[]) {
  const fallback = fallbackHandler(handlers)
  for (const h of handlers) if (!/^[a-z0-9_-]+$/.test(h.category)) throw new Error(`category "${h.category}" cannot be named in SQL`)
  const deadline = (minutesOf: (h: Handler) => number) =>
    `(CASE category ${handlers.map((h) => `WHEN '${h.category}' THEN ${minutesOf(h) * 60_000}`).join(' ')} ELSE ${minutesOf(fallback) * 60_000} END)`
  const accept = deadline((h) => h.deadlines.acceptMinutes)
  const resolve = deadline((h) => h.deadlines.resolveMinutes)
  return {
    /** 1 when on time, else 0: the same rules as isOverdue and the rates' definitions above. */
    acceptedInTime: `(accepted_at IS NOT NULL AND accepted_at - created_at <= ${accept})`,
    resolvedInTime: `(resolved_at IS NOT NULL AND resolved_at - COALESCE(accepted_at, created_at) <= ${resolve})`,
    overdue: `(CASE WHEN state = 'escalated' THEN 1
      WHEN state IN ('new', 'assigned') THEN @now - COALESCE(assigned_at, created_at) > ${accept}
      WHEN state = 'accepted' THEN @now - COALESCE(accepted_at, created_at) > ${resolve} ELSE 0 END)`,
  }
}

/**
 * The figures of `days` local days ending with `lastDay` (YYYY-MM-DD), as the record holds them `now`.
 * Reads only, and each query is bounded by an indexed time range (or the open states), so a year of a
 * million tickets costs a day's or a month's worth of counting.
 */
export function buildDigest(sources: DigestSources, lastDay: string, days: number, now: number): Digest {
  const { db, handlers } = sources
  const byCategory = new Map(handlers.map((h) => [h.category, h]))
  const fallback = fallbackHandler(handlers)
  const handlerOf = (category: string) => byCategory.get(category) ?? fallback
  const names = new Map<string, string>()
  const nameOf = (id: string) => names.get(id) ?? names.set(id, sources.nameOf(id)).get(id)!
  const sql = sqlFor(handlers)
  const to = startOfDay(lastDay) + DAY
  const from = to - days * DAY
  const range = { from, to }
  const PERIOD = 'created_at >= @from AND created_at < @to'

  const totals = db
    .prepare<typeof range, { total: number; measured: number; accepted: number; resolved: number; rated: number; satisfied: number }>(
      `SELECT COUNT(*) AS total, COALESCE(SUM(${MEASURED}), 0) AS measured,
         COALESCE(SUM(${MEASURED} AND ${sql.acceptedInTime}), 0) AS accepted,
         COALESCE(SUM(${MEASURED} AND ${sql.resolvedInTime}), 0) AS resolved,
         COALESCE(SUM(${MEASURED} AND rating IS NOT NULL), 0) AS rated,
         COALESCE(SUM(${MEASURED} AND rating >= 4), 0) AS satisfied
       FROM tickets WHERE ${PERIOD}`,
    )
    .get(range)!
  const counts = (column: string) =>
    db.prepare<typeof range, { key: string | null; n: number }>(`SELECT ${column} AS key, COUNT(*) AS n FROM tickets WHERE ${PERIOD} GROUP BY key`).all(range)
  const byLabel = new Map<string, number>()
  for (const c of counts('category')) byLabel.set(handlerOf(c.key!).label, (byLabel.get(handlerOf(c.key!).label) ?? 0) + c.n)
  const durations = (end: string) =>
    db.prepare<typeof range, number>(`SELECT ${end} - created_at FROM tickets WHERE ${PERIOD} AND ${MEASURED} AND ${end} IS NOT NULL`).pluck().all(range)

  const openTotals = db
    .prepare<{ to: number; now: number }, { n: number; overdue: number }>(
      `SELECT COUNT(*) AS n, COALESCE(SUM(${sql.overdue}), 0) AS overdue FROM tickets WHERE state IN (${OPEN}) AND created_at < @to`,
    )
    .get({ to, now })!
  const open = db
    .prepare<{ to: number; now: number }, { no: number; category: string; assignee_id: string | null; created_at: number; overdue: number }>(
      `SELECT no, category, assignee_id, created_at, ${sql.overdue} AS overdue FROM tickets
       WHERE state IN (${OPEN}) AND created_at < @to ORDER BY overdue DESC, created_at, no LIMIT ${OPEN_LISTED}`,
    )
    .all({ to, now })
    .map((r) => ({ no: r.no, label: handlerOf(r.category).label, owner: r.assignee_id ? nameOf(r.assignee_id) : null, ageMs: now - r.created_at, overdue: r.overdue === 1 }))

  const lapses = db
    .prepare<typeof range, { to_id: string | null; n: number }>(
      `SELECT to_id, COUNT(*) AS n FROM ticket_events
       WHERE at >= @from AND at < @to AND ((type = 'reminded' AND note = 'accept') OR (type = 'escalated' AND note = 'not accepted'))
       GROUP BY to_id`,
    )
    .all(range)
  const lapsesOf = new Map(lapses.map((l) => [l.to_id, l.n]))
  const owners = db
    .prepare<typeof range, { id: string; owned: number; resolved: number; ratings: string | null }>(
      `SELECT assignee_id AS id, COUNT(*) AS owned, SUM(resolved_at IS NOT NULL) AS resolved, GROUP_CONCAT(rating) AS ratings
       FROM tickets WHERE ${PERIOD} AND ${MEASURED} AND assignee_id IS NOT NULL GROUP BY assignee_id`,
    )
    .all(range)
  const acceptTimes = new Map<string, number[]>()
  const perOwner = db
    .prepare<typeof range, [string, number]>(
      `SELECT assignee_id, accepted_at - created_at FROM tickets WHERE ${PERIOD} AND ${MEASURED} AND assignee_id IS NOT NULL AND accepted_at IS NOT NULL`,
    )
    .raw()
    .all(range)
  for (const [id, ms] of perOwner) (acceptTimes.get(id) ?? acceptTimes.set(id, []).get(id)!).push(ms)
  const ownerRows = new Map(owners.map((o) => [o.id, o]))
  const memberIds = [...new Set([...owners.map((o) => o.id), ...lapses.map((l) => l.to_id).filter((id): id is string => id !== null)])]
  const members = memberIds.map((id): MemberFigures => {
    const o = ownerRows.get(id)
    return {
      id,
      name: nameOf(id),
      owned: o?.owned ?? 0,
      resolved: o?.resolved ?? 0,
      toAccept: spread(acceptTimes.get(id) ?? []),
      ratings: o?.ratings ? o.ratings.split(',').map(Number) : [],
      lapses: lapsesOf.get(id) ?? 0,
    }
  })

  const hotSpots = db
    .prepare<[number, number], { place: string; category: string; n: number }>(
      `SELECT COALESCE(building, CASE WHEN grid IS NULL THEN NULL ELSE grid || '网格' END) AS place, category, COUNT(*) AS n
       FROM tickets WHERE created_at >= ? AND created_at < ? AND ${MEASURED}
       GROUP BY place, category HAVING place IS NOT NULL AND n >= 3 ORDER BY n DESC, place LIMIT 10`,
    )
    .all(to - 30 * DAY, to)
    .map((h) => ({ place: h.place, label: handlerOf(h.category).label, count: h.n }))

  return {
    label: days === 1 ? lastDay : `${dayOf(from)} 至 ${lastDay}`,
    from,
    to,
    total: totals.total,
    cancelled: totals.total - totals.measured,
    byCategory: [...byLabel].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count),
    byGrid: counts('grid')
      .map((g) => ({ grid: g.key, count: g.n }))
      .sort((a, b) => b.count - a.count),
    response: { hit: totals.accepted, of: totals.measured },
    resolution: { hit: totals.resolved, of: totals.measured },
    satisfaction: { hit: totals.satisfied, of: totals.rated },
    toAccept: spread(durations('accepted_at')),
    toResolve: spread(durations('resolved_at')),
    openCount: openTotals.n,
    overdueCount: openTotals.overdue,
    open,
    members,
    hotSpots,
    chart: chartData(sources, db, sql, lastDay, range, handlerOf),
  }
}

function chartData(
  sources: DigestSources,
  db: Db,
  sql: ReturnType<typeof sqlFor>,
  lastDay: string,
  range: { from: number; to: number },
  handlerOf: (category: string) => Handler,
): DigestChartData {
  // Local hours from the period's local midnight: Asia/Shanghai keeps one offset all year. (Bound JS
  // numbers are REAL in SQLite, hence the casts.)
  const byHour: Record<string, number[]> = {}
  const hours = db
    .prepare<typeof range, { category: string; hour: number; n: number }>(
      `SELECT category, CAST(((created_at - @from) % ${DAY}) / ${3600_000} AS INTEGER) AS hour, COUNT(*) AS n
       FROM tickets WHERE created_at >= @from AND created_at < @to GROUP BY category, hour`,
    )
    .all(range)
  for (const h of hours) (byHour[handlerOf(h.category).label] ??= Array.from({ length: 24 }, () => 0))[h.hour]! += h.n
  const weekFrom = range.to - 7 * DAY
  const perDay = db
    .prepare<{ from: number; to: number }, { day: number; measured: number; accepted: number; resolved: number; rated: number; satisfied: number }>(
      `SELECT CAST((created_at - @from) / ${DAY} AS INTEGER) AS day, COUNT(*) AS measured, SUM(${sql.acceptedInTime}) AS accepted,
         SUM(${sql.resolvedInTime}) AS resolved, SUM(rating IS NOT NULL) AS rated, SUM(rating >= 4) AS satisfied
       FROM tickets WHERE created_at >= @from AND created_at < @to AND ${MEASURED} GROUP BY day`,
    )
    .all({ from: weekFrom, to: range.to })
  const days = Array.from({ length: 7 }, (_, i) => perDay.find((d) => d.day === i))
  const of = (hit: number | undefined, n: number | undefined) => (n ? ratio({ hit: hit ?? 0, of: n }) : null)
  return {
    day: lastDay,
    community: sources.community,
    byHour,
    rates: {
      days: Array.from({ length: 7 }, (_, i) => dayOf(weekFrom + i * DAY)),
      response: days.map((d) => of(d?.accepted, d?.measured)),
      resolution: days.map((d) => of(d?.resolved, d?.measured)),
      satisfaction: days.map((d) => of(d?.satisfied, d?.rated)),
    },
  }
}
