import { describe, expect, it } from 'vitest'
import { formatInstant, parseInstant } from '../src/clock.js'
import { currentShift, isOnDuty, nextShiftChange } from '../src/roster/on-duty.js'
import { coversGrid, pickMember, rankMembers, type PickRequest } from '../src/roster/pick-member.js'
import type { Member } from '../src/roster/types.js'

/** An instant in community time (Asia/Shanghai): at('2026-11-22T21:50'). */
function at(local: string): number {
  const ms = parseInstant(`${local}+08:00`)
  if (ms === null) throw new Error(`bad instant ${local}`)
  return ms
}

function member(id: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    name: id,
    role: 'member',
    skills: ['delivery'],
    grids: ['*'],
    shift: '全天',
    position: 0,
    dutyOverride: null,
    overrideUntil: null,
    lastAssignedAt: null,
    ...extra,
  }
}

describe('shifts in Asia/Shanghai', () => {
  const day = member('c-day', { shift: '白班' })
  const night = member('c-night', { shift: '晚班' })
  const always = member('c-all', { shift: '全天' })

  it.each([
    ['2026-11-22T07:59:59', false],
    ['2026-11-22T08:00:00', true],
    ['2026-11-22T12:00:00', true],
    ['2026-11-22T19:59:59', true],
    ['2026-11-22T20:00:00', false],
    ['2026-11-22T23:59:00', false],
    ['2026-11-23T00:00:00', false],
  ])('at %s a 白班 member on duty is %s and a 晚班 member the opposite', (local, dayOn) => {
    expect(isOnDuty(day, at(local))).toBe(dayOn)
    expect(isOnDuty(night, at(local))).toBe(!dayOn)
    expect(currentShift(at(local))).toBe(dayOn ? '白班' : '晚班')
  })

  it('reads the time in Shanghai, not UTC', () => {
    // 2026-11-22T01:00Z is 09:00 in Shanghai: day shift, though it is 01:00 UTC.
    const instant = parseInstant('2026-11-22T01:00:00Z')!
    expect(isOnDuty(day, instant)).toBe(true)
    expect(isOnDuty(night, instant)).toBe(false)
  })

  it.each(['2026-11-22T00:00', '2026-11-22T07:59', '2026-11-22T08:00', '2026-11-22T19:59', '2026-11-22T20:00'])(
    'has a 全天 member on duty at %s',
    (local) => {
      expect(isOnDuty(always, at(local))).toBe(true)
    },
  )
})

describe('duty overrides', () => {
  it('keeps a 白班 member who said 值班 on duty until overrideUntil, then the shift rules again', () => {
    const until = at('2026-11-23T08:00')
    const m = member('c-day', { shift: '白班', dutyOverride: 'on', overrideUntil: at('2026-11-22T23:00') })
    expect(isOnDuty(m, at('2026-11-22T21:50'))).toBe(true)
    expect(isOnDuty(m, at('2026-11-22T22:59:59'))).toBe(true)
    expect(isOnDuty(m, at('2026-11-22T23:00'))).toBe(false)
    expect(isOnDuty(m, until)).toBe(true) // 08:00: back on by shift
  })

  it('keeps a 全天 member who said 下班 off duty until overrideUntil', () => {
    const m = member('c-all', { shift: '全天', dutyOverride: 'off', overrideUntil: at('2026-11-22T20:00') })
    expect(isOnDuty(m, at('2026-11-22T10:00'))).toBe(false)
    expect(isOnDuty(m, at('2026-11-22T19:59:59'))).toBe(false)
    expect(isOnDuty(m, at('2026-11-22T20:00'))).toBe(true)
  })

  it('keeps a 晚班 member who said 下班 off duty during their own shift', () => {
    const m = member('c-night', { shift: '晚班', dutyOverride: 'off', overrideUntil: at('2026-11-23T08:00') })
    expect(isOnDuty(m, at('2026-11-22T22:00'))).toBe(false)
    expect(isOnDuty(m, at('2026-11-23T07:59'))).toBe(false)
    // At 08:00 the override lapses, and 08:00 is off shift for 晚班 anyway.
    expect(isOnDuty(m, at('2026-11-23T08:00'))).toBe(false)
    expect(isOnDuty(m, at('2026-11-23T20:00'))).toBe(true)
  })

  it('holds an override without an end', () => {
    const m = member('c-day', { shift: '白班', dutyOverride: 'off', overrideUntil: null })
    expect(isOnDuty(m, at('2026-11-22T10:00'))).toBe(false)
    expect(isOnDuty(m, at('2027-01-01T10:00'))).toBe(false)
  })
})

describe('nextShiftChange', () => {
  it.each([
    ['2026-11-22T21:50:00', '2026-11-23T08:00:00+08:00'],
    ['2026-11-22T21:50:37', '2026-11-23T08:00:00+08:00'],
    ['2026-11-22T20:00:00', '2026-11-23T08:00:00+08:00'],
    ['2026-11-22T23:59:59', '2026-11-23T08:00:00+08:00'],
    ['2026-11-22T00:00:00', '2026-11-22T08:00:00+08:00'],
    ['2026-11-22T07:59:59', '2026-11-22T08:00:00+08:00'],
    ['2026-11-22T08:00:00', '2026-11-22T20:00:00+08:00'],
    ['2026-11-22T19:59:30', '2026-11-22T20:00:00+08:00'],
    ['2026-12-31T22:00:00', '2027-01-01T08:00:00+08:00'],
  ])('after %s is %s', (local, expected) => {
    expect(formatInstant(nextShiftChange(at(local)))).toBe(expected)
  })

  it('lands exactly on the minute, dropping milliseconds', () => {
    const next = nextShiftChange(at('2026-11-22T21:50:05') + 123)
    expect(next).toBe(at('2026-11-23T08:00'))
  })
})

describe('pickMember', () => {
  const NIGHT = at('2026-11-22T21:50')
  const request = (extra: Partial<PickRequest> = {}): PickRequest => ({
    skill: 'delivery',
    grid: '3',
    now: NIGHT,
    exclude: new Set(),
    openCount: () => 0,
    ...extra,
  })

  it('needs the skill', () => {
    const doctor = member('c-doc', { skills: ['doctor'] })
    const runner = member('c-run', { skills: ['delivery', 'general'], position: 1 })
    expect(pickMember([doctor, runner], request({ skill: 'doctor' }))?.id).toBe('c-doc')
    expect(pickMember([doctor, runner], request({ skill: 'delivery' }))?.id).toBe('c-run')
    expect(pickMember([doctor, runner], request({ skill: 'police' }))).toBeUndefined()
  })

  it('needs the grid covered: its own grid or *', () => {
    const grid4 = member('c-4', { grids: ['4'] })
    const grid3and4 = member('c-34', { grids: ['3', '4'], position: 1 })
    const everywhere = member('c-all', { grids: ['*'], position: 2 })
    const nowhere = member('c-none', { grids: [], position: 3 })
    expect(rankMembers([grid4, grid3and4, everywhere, nowhere], request({ grid: '3' })).map((m) => m.id)).toEqual([
      'c-34',
      'c-all',
    ])
    expect(rankMembers([grid4, grid3and4, everywhere, nowhere], request({ grid: '9' })).map((m) => m.id)).toEqual([
      'c-all',
    ])
  })

  it('fits everyone to a direct message (grid null)', () => {
    const grid4 = member('c-4', { grids: ['4'] })
    const nowhere = member('c-none', { grids: [], position: 1 })
    expect(coversGrid(nowhere, null)).toBe(true)
    expect(rankMembers([grid4, nowhere], request({ grid: null })).map((m) => m.id)).toEqual(['c-4', 'c-none'])
  })

  it('leaves out members off duty', () => {
    const day = member('c-day', { shift: '白班' })
    const offByCommand = member('c-off', { shift: '全天', dutyOverride: 'off', overrideUntil: at('2026-11-23T08:00'), position: 1 })
    const night = member('c-night', { shift: '晚班', position: 2 })
    expect(rankMembers([day, offByCommand, night], request()).map((m) => m.id)).toEqual(['c-night'])
    expect(rankMembers([day, offByCommand, night], request({ now: at('2026-11-23T09:00') })).map((m) => m.id)).toEqual([
      'c-day',
      'c-off',
    ])
  })

  it('skips excluded members (they handed the ticket back)', () => {
    const a = member('c-a')
    const b = member('c-b', { position: 1 })
    expect(pickMember([a, b], request({ exclude: new Set(['c-a']) }))?.id).toBe('c-b')
    expect(pickMember([a, b], request({ exclude: new Set(['c-a', 'c-b']) }))).toBeUndefined()
  })

  it('prefers the fewest open tickets', () => {
    const busy = member('c-busy', { position: 0, lastAssignedAt: null })
    const free = member('c-free', { position: 1, lastAssignedAt: NIGHT - 60_000 })
    const open: Record<string, number> = { 'c-busy': 2, 'c-free': 1 }
    expect(pickMember([busy, free], request({ openCount: (id) => open[id] ?? 0 }))?.id).toBe('c-free')
  })

  it('then the least recently assigned, never assigned counting as longest ago', () => {
    const recent = member('c-recent', { position: 0, lastAssignedAt: NIGHT - 60_000 })
    const earlier = member('c-earlier', { position: 1, lastAssignedAt: NIGHT - 3_600_000 })
    const never = member('c-never', { position: 2, lastAssignedAt: null })
    expect(rankMembers([recent, earlier, never], request()).map((m) => m.id)).toEqual([
      'c-never',
      'c-earlier',
      'c-recent',
    ])
  })

  it('then the roster position', () => {
    const third = member('c-3', { position: 2 })
    const first = member('c-1', { position: 0 })
    const second = member('c-2', { position: 1 })
    expect(rankMembers([third, first, second], request()).map((m) => m.id)).toEqual(['c-1', 'c-2', 'c-3'])
    const sameTime = NIGHT - 60_000
    expect(
      pickMember(
        [member('c-b', { position: 1, lastAssignedAt: sameTime }), member('c-a', { position: 0, lastAssignedAt: sameTime })],
        request(),
      )?.id,
    ).toBe('c-a')
  })

  it('weighs open tickets before recency', () => {
    const neverButBusy = member('c-never', { position: 0, lastAssignedAt: null })
    const recentButFree = member('c-recent', { position: 1, lastAssignedAt: NIGHT - 1000 })
    const picked = pickMember([neverButBusy, recentButFree], request({ openCount: (id) => (id === 'c-never' ? 1 : 0) }))
    expect(picked?.id).toBe('c-recent')
  })

  it('returns undefined when nobody fits', () => {
    expect(pickMember([], request())).toBeUndefined()
    expect(pickMember([member('c-day', { shift: '白班' })], request())).toBeUndefined()
  })
})
