import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClock, formatClockTime, formatInstant, localMinuteOfDay, parseInstant } from '../src/clock.js'
import { ConfigError, parseConfig } from '../src/config.js'
import { handlers } from '../handlers/index.js'
import { applyDeadlines } from '../src/timers/deadlines.js'

/** Runs `fn`, expects a ConfigError and returns its problems. */
function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems
  }
  throw new Error('expected a ConfigError, but nothing was thrown')
}

describe('parseConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(parseConfig({})).toEqual({
      communityId: 'community',
      communityName: '本社区',
      dataDir: 'data',
      databaseFile: 'data/community.sqlite',
      redisUrl: undefined,
      puppet: undefined,
      puppetToken: undefined,
      botName: 'aixin-bot',
      outboundIntervalMs: 1000,
      outboundMergeMaxChars: 600,
      reconcileEveryMinutes: 3,
      deadlines: { all: {}, byCategory: {} },
      logLevel: 'info',
    })
  })

  it('reads every setting, numbers from strings', () => {
    expect(
      parseConfig({
        COMMUNITY_ID: 'xingfuli',
        DATA_DIR: '/srv/aixin',
        DATABASE_FILE: '/srv/db/record.sqlite',
        REDIS_URL: 'rediss://redis.example:6380/2',
        WECHATY_PUPPET: 'wechaty-puppet-service',
        WECHATY_PUPPET_SERVICE_TOKEN: 'token-123',
        BOT_NAME: 'xingfuli-bot',
        OUTBOUND_INTERVAL_MS: '1500',
        OUTBOUND_MERGE_MAX_CHARS: '400',
        RECONCILE_EVERY_MINUTES: '5',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      communityId: 'xingfuli',
      communityName: '本社区',
      dataDir: '/srv/aixin',
      databaseFile: '/srv/db/record.sqlite',
      redisUrl: 'rediss://redis.example:6380/2',
      puppet: 'wechaty-puppet-service',
      puppetToken: 'token-123',
      botName: 'xingfuli-bot',
      outboundIntervalMs: 1500,
      outboundMergeMaxChars: 400,
      reconcileEveryMinutes: 5,
      deadlines: { all: {}, byCategory: {} },
      logLevel: 'debug',
    })
  })

  it('reads deadlines for every handler and for one category, the category winning', () => {
    const { deadlines } = parseConfig({ ACCEPT_MINUTES: '3', ACCEPT_REMINDERS: '0', RESOLVE_MINUTES_WATER: '1440', FOLLOW_UP_MINUTES_MEDICINE: '15' })
    expect(deadlines).toEqual({ all: { acceptMinutes: 3, acceptReminders: 0 }, byCategory: { water: { resolveMinutes: 1440 }, medicine: { followUpMinutes: 15 } } })
    const [medicine, water] = applyDeadlines([handlers.find((h) => h.category === 'medicine')!, handlers.find((h) => h.category === 'water')!], deadlines)
    expect(medicine!.deadlines).toMatchObject({ acceptMinutes: 3, acceptReminders: 0, resolveMinutes: 60, followUpMinutes: 15 })
    expect(water!.deadlines).toMatchObject({ acceptMinutes: 3, resolveMinutes: 1440, resolveMeans: 'plan' })
  })

  it('refuses a zero or fractional duration and a negative count, naming the setting', () => {
    const found = problemsOf(() => parseConfig({ ACCEPT_MINUTES: '0', RESOLVE_MINUTES_FEVER: '2.5', RESOLVE_REMINDERS: '-1', ACCEPT_REMINDERS: '0' }))
    expect(found).toHaveLength(3)
    expect(found.join('\n')).toMatch(/ACCEPT_MINUTES[\s\S]*RESOLVE_MINUTES_FEVER|RESOLVE_MINUTES_FEVER[\s\S]*ACCEPT_MINUTES/)
    expect(found.join('\n')).toContain('RESOLVE_REMINDERS')
  })

  it('puts the database at DATA_DIR/COMMUNITY_ID.sqlite unless DATABASE_FILE says otherwise', () => {
    expect(parseConfig({ COMMUNITY_ID: 'xingfuli' }).databaseFile).toBe('data/xingfuli.sqlite')
    expect(parseConfig({ DATA_DIR: '/srv/aixin' }).databaseFile).toBe('/srv/aixin/community.sqlite')
    expect(parseConfig({ COMMUNITY_ID: 'g-3', DATA_DIR: 'var' }).databaseFile).toBe('var/g-3.sqlite')
  })

  it('ignores variables it does not know', () => {
    expect(parseConfig({ PATH: '/usr/bin', HOME: '/root' }).communityId).toBe('community')
  })

  it('treats an empty value (REDIS_URL= in .env) as unset', () => {
    const config = parseConfig({ REDIS_URL: '', OUTBOUND_INTERVAL_MS: ' ', COMMUNITY_ID: '' })
    expect(config.redisUrl).toBeUndefined()
    expect(config.outboundIntervalMs).toBe(1000)
    expect(config.communityId).toBe('community')
  })

  it('reports every bad value at once', () => {
    const problems = problemsOf(() =>
      parseConfig({ COMMUNITY_ID: 'Bad Id', REDIS_URL: 'localhost:6379', OUTBOUND_INTERVAL_MS: '-1', LOG_LEVEL: 'loud' }),
    )
    expect(problems).toHaveLength(4)
    expect(problems[0]).toBe('COMMUNITY_ID: COMMUNITY_ID must be lower-case letters, digits and dashes, e.g. xingfuli')
    expect(problems[1]).toBe(
      'REDIS_URL: REDIS_URL must be redis://host:port[/db], or unset it to start a local redis-server',
    )
    expect(problems[2]).toMatch(/^OUTBOUND_INTERVAL_MS: /)
    expect(problems[3]).toMatch(/^LOG_LEVEL: .*"silent"/)
  })

  it('says so in the error message, one problem a line', () => {
    expect(() => parseConfig({ COMMUNITY_ID: 'Bad Id', LOG_LEVEL: 'loud' })).toThrow(
      /^configuration is not valid:\n {2}- COMMUNITY_ID: .*\n {2}- LOG_LEVEL: /,
    )
  })

  it.each([
    ['OUTBOUND_INTERVAL_MS', '0'],
    ['OUTBOUND_INTERVAL_MS', '1.5'],
    ['OUTBOUND_MERGE_MAX_CHARS', 'lots'],
    ['RECONCILE_EVERY_MINUTES', '-3'],
    ['COMMUNITY_ID', '-starts-with-dash'],
    ['COMMUNITY_ID', 'a'.repeat(33)],
  ])('refuses %s=%s', (name, value) => {
    const problems = problemsOf(() => parseConfig({ [name]: value }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^${name}: `))
  })
})

describe('clock', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const START = parseInstant('2026-11-22T21:50:00+08:00')!

  it('runs community time `speed` times faster than real time', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const clock = createClock({ communityMs: START, realMs: Date.now(), speed: 600 })
    expect(clock.speed).toBe(600)
    expect(clock.now()).toBe(START)
    vi.advanceTimersByTime(1000)
    expect(clock.now()).toBe(START + 600_000)
    expect(formatInstant(clock.now())).toBe('2026-11-22T22:00:00+08:00')
  })

  it('converts community durations to real delays, rounding up and never negative', () => {
    const clock = createClock({ communityMs: START, realMs: Date.now(), speed: 600 })
    expect(clock.toRealMs(300_000)).toBe(500)
    expect(clock.toRealMs(1)).toBe(1)
    expect(clock.toRealMs(0)).toBe(0)
    expect(clock.toRealMs(-5000)).toBe(0)
    expect(createClock({ communityMs: START, realMs: Date.now(), speed: 1 }).toRealMs(300_000)).toBe(300_000)
  })

  it('runs at real speed by default', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const clock = createClock()
    expect(clock.speed).toBe(1)
    expect(clock.now()).toBe(Date.parse('2030-01-01T00:00:00Z'))
    vi.advanceTimersByTime(2500)
    expect(clock.now()).toBe(Date.parse('2030-01-01T00:00:02.500Z'))
  })

  it('restarts community time from a new instant when re-anchored', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') })
    const clock = createClock({ communityMs: 0, realMs: Date.now(), speed: 60 })
    vi.advanceTimersByTime(10_000)
    clock.reanchor(START)
    expect(clock.now()).toBe(START)
    vi.advanceTimersByTime(1000)
    expect(clock.now()).toBe(START + 60_000)
  })

  it.each([0, -1, Number.NaN])('refuses speed %s', (speed) => {
    expect(() => createClock({ communityMs: 0, realMs: 0, speed })).toThrow(RangeError)
  })
})

describe('community time formats', () => {
  it('formats instants as ISO 8601 with +08:00', () => {
    expect(formatInstant(Date.parse('2026-11-22T13:50:05Z'))).toBe('2026-11-22T21:50:05+08:00')
    // Past midnight in Shanghai while still the day before in UTC.
    expect(formatInstant(Date.parse('2026-11-22T16:30:00Z'))).toBe('2026-11-23T00:30:00+08:00')
  })

  it('round-trips parseInstant and formatInstant', () => {
    const text = '2026-11-22T21:50:05+08:00'
    expect(formatInstant(parseInstant(text)!)).toBe(text)
    expect(parseInstant(text)).toBe(Date.parse('2026-11-22T13:50:05Z'))
  })

  it('reads a time without an offset as Shanghai time', () => {
    expect(parseInstant('2026-11-22T21:50:00')).toBe(parseInstant('2026-11-22T21:50:00+08:00'))
    expect(parseInstant('2026-11-22T13:50:00Z')).toBe(parseInstant('2026-11-22T21:50:00+08:00'))
  })

  it('gives null for text that is no instant', () => {
    expect(parseInstant('not a time')).toBeNull()
  })

  it('gives the local wall-clock time and minute of day', () => {
    const instant = parseInstant('2026-11-22T21:05:59+08:00')!
    expect(formatClockTime(instant)).toBe('21:05')
    expect(localMinuteOfDay(instant)).toBe(21 * 60 + 5)
  })
})
