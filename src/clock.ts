import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone.js'
import utc from 'dayjs/plugin/utc.js'

dayjs.extend(utc)
dayjs.extend(timezone)

/** The community's time zone: shifts, the digest hour and every time the bot prints are local. */
export const COMMUNITY_TZ = 'Asia/Shanghai'

/**
 * Community time. Every duration in the bot (deadlines, reminders, shifts, pacing) is community time,
 * so a simulation can run the community `speed` times faster than the wall clock. Nothing else in the
 * bot reads `Date.now()` for a decision.
 */
export interface Clock {
  /** Community time now, in epoch milliseconds. */
  now(): number
  /** How many times faster than real time the community runs (1 in production). */
  readonly speed: number
  /** The real delay, in ms, that lets `communityMs` of community time pass. */
  toRealMs(communityMs: number): number
}

/** An anchor ties one community instant to one real instant; processes that share it share a clock. */
export interface ClockAnchor {
  readonly communityMs: number
  readonly realMs: number
  readonly speed: number
}

export function createClock(
  anchor: ClockAnchor = { communityMs: Date.now(), realMs: Date.now(), speed: 1 },
): Clock & { reanchor(communityMs: number): void; freeze(communityMs: number): void } {
  let { communityMs, realMs } = anchor
  let frozen = false
  const { speed } = anchor
  if (!(speed > 0)) throw new RangeError(`clock speed must be positive, got ${speed}`)
  return {
    speed,
    now: () => (frozen ? communityMs : communityMs + (Date.now() - realMs) * speed),
    toRealMs: (ms) => Math.max(0, Math.ceil(ms / speed)),
    /** Makes `communityMs` now and lets time run: a simulation's community starts once the bot is up. */
    reanchor(at) {
      communityMs = at
      realMs = Date.now()
      frozen = false
    },
    /** Holds time at `communityMs` until the next `reanchor`: a booting bot sees no community time pass. */
    freeze(at) {
      communityMs = at
      frozen = true
    },
  }
}

/** ISO 8601 in community local time with its offset: 2026-11-22T21:50:05+08:00. */
export function formatInstant(ms: number): string {
  return dayjs(ms).tz(COMMUNITY_TZ).format('YYYY-MM-DDTHH:mm:ssZ')
}

/** Local wall-clock time for people: 21:50. */
export function formatClockTime(ms: number): string {
  return dayjs(ms).tz(COMMUNITY_TZ).format('HH:mm')
}

/** Local hour and minute of an instant, for shift rules. */
export function localMinuteOfDay(ms: number): number {
  const d = dayjs(ms).tz(COMMUNITY_TZ)
  return d.hour() * 60 + d.minute()
}

/** The local day of an instant: 2026-11-21. */
export const dayOf = (ms: number): string => dayjs(ms).tz(COMMUNITY_TZ).format('YYYY-MM-DD')

/** The start of a local day (YYYY-MM-DD), in epoch ms. */
export function startOfDay(day: string): number {
  return dayjs.tz(day, COMMUNITY_TZ).startOf('day').valueOf()
}

/** A calendar day as people type it (2026-11-21, 2026/11/21, 2026年11月21日) as YYYY-MM-DD; null if no such day. */
export function parseDay(text: string): string | null {
  const m = /^(\d{4})\D(\d{1,2})\D(\d{1,2})\D?$/.exec(text.trim())
  if (!m) return null
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return dayOf(startOfDay(day) + 12 * 3600_000) === day ? day : null
}

/** Parses an ISO 8601 instant; a time without an offset is read as community local time. */
export function parseInstant(text: string): number | null {
  const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text.trim())
  const d = hasOffset ? dayjs(text) : dayjs.tz(text, COMMUNITY_TZ)
  return d.isValid() ? d.valueOf() : null
}
