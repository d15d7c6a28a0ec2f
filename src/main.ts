/**
 * `npm start`: the whole bot in one process. With no WECHATY_PUPPET it runs a local simulated
 * community in the terminal; with one it logs in to WeChat or WeCom. With no REDIS_URL it runs its own
 * redis-server under DATA_DIR.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import qrcode from 'qrcode-terminal'
import { handlers } from '../handlers/index.js'
import { createApp, type AppOptions } from './app.js'
import { createClock } from './clock.js'
import { ConfigError, parseConfig, type Config } from './config.js'
import { runTerminalCommunity } from './local/terminal-community.js'
import { createLogger } from './log.js'
import { connectionFromUrl } from './queue/queues.js'
import { startLocalRedis } from './redis/local-redis.js'
import { applyDeadlines } from './timers/deadlines.js'
import { importRosterFiles } from './roster/import-roster-files.js'

if (existsSync('.env')) process.loadEnvFile('.env')
let config: Config
try {
  config = parseConfig(process.env)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  process.stderr.write(`${error.message}\nSee .env.example for every setting and its default.\n`)
  process.exit(1)
}
const unknown = Object.keys(config.deadlines.byCategory).filter((c) => !handlers.some((h) => h.category === c))
if (unknown.length) {
  const known = handlers.map((h) => h.category.toUpperCase()).join(', ')
  process.stderr.write(`configuration is not valid:\n  - deadlines for unknown categories: ${unknown.join(', ')} (known: ${known})\n`)
  process.exit(1)
}
const terminal = config.puppet === undefined
// The terminal community shares the screen with the logs: keep them to warnings unless asked.
const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : terminal ? 'warn' : config.logLevel)

const redis = config.redisUrl ? undefined : await startLocalRedis(join(config.dataDir, 'redis'))
if (redis) log.info({ at: redis.address }, 'started a local redis-server')
const options: Omit<AppOptions, 'chat'> = {
  databaseFile: config.databaseFile,
  queue: { connection: redis?.connection ?? connectionFromUrl(config.redisUrl!), prefix: `azb-${config.communityId}` },
  clock: createClock(),
  log,
  handlers: applyDeadlines(handlers, config.deadlines),
  outboundIntervalMs: config.outboundIntervalMs,
  outboundMergeMaxChars: config.outboundMergeMaxChars,
  reconcileEveryMinutes: config.reconcileEveryMinutes,
  communityName: config.communityName,
}

const sampleRoster = ['members.csv', 'rooms.csv'].map((f) => resolve(import.meta.dirname, '../scripts/roster', f))
let stop: () => Promise<void> = async () => {}
let ended: Promise<void> = new Promise(() => {})
// Listening before start-up: a signal during it must still stop the redis-server child.
let stopping = false
async function shutdown(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'stopping: intake first, then workers, queues and the record')
  try {
    await stop()
    await redis?.stop()
  } catch (error) {
    log.error({ err: error }, 'shutdown was not clean')
    process.exitCode = 1
  }
  process.exit()
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
try {
  await startBot()
} catch (error) {
  // Leave nothing running behind a failed start: the redis-server child would outlive us.
  log.fatal({ err: error }, 'the bot could not start')
  process.stderr.write(`could not start: ${(error as Error).message}\n`)
  await redis?.stop()
  process.exit(1)
}

async function startBot(): Promise<void> {
  if (terminal) {
    const community = await runTerminalCommunity(options, (roster) => importRosterFiles(sampleRoster, roster))
    stop = community.stop
    ended = community.closed
    return
  }
  const app = createApp({
    ...options,
    chat: {
      puppet: config.puppet!,
      puppetToken: config.puppetToken,
      name: join(config.dataDir, config.botName),
      onScan: (url) => {
        process.stderr.write('用微信扫码登录机器人账号 / scan with WeChat to log the bot in:\n')
        qrcode.generate(url, { small: true }, (code: string) => process.stderr.write(code + '\n'))
      },
    },
  })
  stop = app.stop
  await app.start()
  log.info({ puppet: config.puppet }, 'started; waiting for login')
}

await ended
await shutdown('end of input')
