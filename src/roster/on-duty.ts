import { localMinuteOfDay } from '../clock.js'
import type { Member, Shift } from './types.js'

const DAY_STARTS = 8 * 60
const NIGHT_STARTS = 20 * 60
const MINUTE = 60_000

/** The shift that is on at `now` (白班 or 晚班). */
export function currentShift(now: number): Exclude<Shift, '全天'> {
  const minute = localMinuteOfDay(now)
  return minute >= DAY_STARTS && minute < NIGHT_STARTS ? '白班' : '晚班'
}

/** The next 08:00 or 20:00 after `now`, when overrides lapse and shifts hand over. */
export function nextShiftChange(now: number): number {
  const minute = localMinuteOfDay(now)
  const next = minute < DAY_STARTS ? DAY_STARTS : minute < NIGHT_STARTS ? NIGHT_STARTS : DAY_STARTS + 24 * 60
  const startOfMinute = now - (now % MINUTE)
  return startOfMinute + (next - minute) * MINUTE
}

/** The latest 08:00 or 20:00 at or before `now`: the shift change whose handover is due. */
export function lastShiftChange(now: number): number {
  return nextShiftChange(now) - 12 * 60 * MINUTE
}

/** Whether a member is on duty now: an unexpired 值班/下班 first, then their shift. */
export function isOnDuty(member: Member, now: number): boolean {
  if (member.dutyOverride && (member.overrideUntil === null || now < member.overrideUntil)) {
    return member.dutyOverride === 'on'
  }
  return member.shift === '全天' || member.shift === currentShift(now)
}
