import { z } from 'zod'
import { DEADLINE_ENV, type DeadlineOverrides, type DeadlineSetting } from './timers/deadlines.js'

/**
 * The only reader of `process.env`. Every setting is listed, with its default and why it exists, in
 * `.env.example`; `parseConfig` reports every problem at once so a coordinator fixes them in one go.
 */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const schema = z.object({
  COMMUNITY_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'COMMUNITY_ID must be lower-case letters, digits and dashes, e.g. xingfuli')
    .default('community'),
  COMMUNITY_NAME: z.string().min(1).max(40).default('本社区'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_FILE: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be redis://host:port[/db], or unset it to start a local redis-server')
    .optional(),
  WECHATY_PUPPET: z.string().min(1).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  BOT_NAME: z.string().min(1).default('aixin-bot'),
  OUTBOUND_INTERVAL_MS: positiveInt(1000),
  OUTBOUND_MERGE_MAX_CHARS: positiveInt(600),
  RECONCILE_EVERY_MINUTES: positiveInt(3),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface Config {
  /** Names this community's shard: its Redis key prefix and its SQLite file. */
  readonly communityId: string
  /** The community's name as people say it (幸福里社区): the digest's title. */
  readonly communityName: string
  readonly dataDir: string
  readonly databaseFile: string
  /** Unset: `npm start` runs its own redis-server under `dataDir`. */
  readonly redisUrl: string | undefined
  /** Unset: the local simulated community instead of a WeChat login. */
  readonly puppet: string | undefined
  readonly puppetToken: string | undefined
  /** The Wechaty name; also the memory card file under `dataDir` that keeps the login. */
  readonly botName: string
  /** Community ms between two messages the bot sends: WeChat throttles or bans faster senders. */
  readonly outboundIntervalMs: number
  /** Messages queued for one chat are merged into one up to this length. */
  readonly outboundMergeMaxChars: number
  readonly reconcileEveryMinutes: number
  /** The 52022 deadlines as this community runs them (`ACCEPT_MINUTES`, `RESOLVE_MINUTES_WATER`, …). */
  readonly deadlines: DeadlineOverrides
  readonly logLevel: z.infer<typeof schema>['LOG_LEVEL']
}

export class ConfigError extends Error {
  readonly code = 'ConfigError'
  constructor(readonly problems: readonly string[]) {
    super(`configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // `REDIS_URL=` in a .env file means "not set", as in most tools.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''))
  const parsed = schema.safeParse(set)
  const deadlines = parseDeadlines(set)
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...deadlines.problems,
  ]
  if (!parsed.success || problems.length) throw new ConfigError(problems)
  const e = parsed.data
  return {
    communityId: e.COMMUNITY_ID,
    communityName: e.COMMUNITY_NAME,
    dataDir: e.DATA_DIR,
    databaseFile: e.DATABASE_FILE ?? `${e.DATA_DIR}/${e.COMMUNITY_ID}.sqlite`,
    redisUrl: e.REDIS_URL,
    puppet: e.WECHATY_PUPPET,
    puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN,
    botName: e.BOT_NAME,
    outboundIntervalMs: e.OUTBOUND_INTERVAL_MS,
    outboundMergeMaxChars: e.OUTBOUND_MERGE_MAX_CHARS,
    reconcileEveryMinutes: e.RECONCILE_EVERY_MINUTES,
    deadlines: deadlines.overrides,
    logLevel: e.LOG_LEVEL,
  }
}

/**
 * `ACCEPT_MINUTES=5` applies to every handler; `RESOLVE_MINUTES_WATER=1440` to the water handler only
 * (the category in capitals). Counts may be 0 (no reminder); durations must be positive.
 */
function parseDeadlines(env: Record<string, string | undefined>): { overrides: DeadlineOverrides; problems: string[] } {
  const all: Partial<Record<DeadlineSetting, number>> = {}
  const byCategory: Record<string, Partial<Record<DeadlineSetting, number>>> = {}
  const problems: string[] = []
  for (const [setting, name] of Object.entries(DEADLINE_ENV) as [DeadlineSetting, string][]) {
    const pattern = new RegExp(`^${name}(?:_([A-Z][A-Z0-9]*))?$`)
    for (const [key, raw] of Object.entries(env)) {
      const m = pattern.exec(key)
      if (!m || raw === undefined) continue
      const value = Number(raw.trim())
      const isCount = !setting.endsWith('Minutes')
      if (!Number.isInteger(value) || value < 0 || (!isCount && value === 0)) {
        problems.push(`${key}: must be a whole number of ${isCount ? 'times (0 or more)' : 'minutes (1 or more)'}, got "${raw}"`)
        continue
      }
      if (m[1]) (byCategory[m[1].toLowerCase()] ??= {})[setting] = value
      else all[setting] = value
    }
  }
  return { overrides: { all, byCategory }, problems }
}
