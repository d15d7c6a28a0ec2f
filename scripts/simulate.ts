/**
 * Runs a scenario of the simulated community through the whole bot (shared/spec/simulation.md):
 *   npx tsx scripts/simulate.ts < scenario.jsonl      or      --scenario FILE
 * Prints one JSON line per message the bot sends, then a summary line. Logs go to standard error.
 * Uses its own Redis (REDIS_URL with a fresh key prefix, or a private redis-server) and its own SQLite
 * file (`--db FILE` to keep it), so it never touches a running bot and two runs can share a machine.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createLogger } from '../src/log.js'
import { connectionFromUrl } from '../src/queue/queues.js'
import { deleteKeys } from '../src/redis/delete-keys.js'
import { startLocalRedis } from '../src/redis/local-redis.js'
import { parseScenario, ScenarioError } from '../src/simulation/scenario.js'

const { values } = parseArgs({ options: { scenario: { type: 'string' }, db: { type: 'string' } } })
const log = createLogger(process.env.LOG_LEVEL ?? 'warn', 'simulate')

let scenario
try {
  scenario = parseScenario(readFileSync(values.scenario ?? 0, 'utf8'))
} catch (error) {
  if (!(error instanceof ScenarioError)) throw error
  process.stderr.write(`simulate: malformed scenario: ${error.message}\n`)
  process.exit(2)
}

// Loaded only once the scenario is known to be good: Wechaty alone takes over a second to import.
const [{ handlers }, { runSimulation }] = await Promise.all([import('../handlers/index.js'), import('../src/simulation/run-simulation.js')])
const dir = mkdtempSync(join(tmpdir(), 'aixin-sim-'))
const prefix = `sim-${randomUUID().slice(0, 8)}`
const redis = process.env.REDIS_URL ? undefined : await startLocalRedis(join(dir, 'redis'))
const connection = redis?.connection ?? connectionFromUrl(process.env.REDIS_URL!)
const cleanUp = async () => {
  if (redis) await redis.stop()
  else await deleteKeys(connection, `${prefix}:*`)
  rmSync(dir, { recursive: true, force: true })
}
// Stopped from outside (Ctrl-C, a test's timeout): leave no redis-server or temp folder behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
}
let code = 0
try {
  await runSimulation({
    scenario,
    databaseFile: values.db ?? join(dir, 'sim.sqlite'),
    queue: { connection, prefix },
    handlers,
    log,
    print: (line) => process.stdout.write(line + '\n'),
  })
} catch (error) {
  if (error instanceof ScenarioError) {
    code = 2
    process.stderr.write(`simulate: malformed scenario: ${error.message}\n`)
  } else {
    code = 1
    process.stderr.write(`simulate: the run failed: ${(error as Error).stack}\n`)
  }
} finally {
  await cleanUp()
}
process.exit(code)
