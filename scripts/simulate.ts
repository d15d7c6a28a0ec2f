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
import { connectionFromUrl } from '../src/queue/queues.js'
import { deleteKeys } from '../src/redis/delete-keys.js'
import { startLocalRedis } from '../src/redis/local-redis.js'
import { parseScenario, ScenarioError } from '../src/simulation/scenario.js'
import { rosterOf } from '../src/simulation/setup-roster.js'

const { values } = parseArgs({ options: { scenario: { type: 'string' }, db: { type: 'string' } } })

const scenarioText = readFileSync(values.scenario ?? 0, 'utf8')
let scenario
try {
  scenario = parseScenario(scenarioText)
  rosterOf(scenario)
} catch (error) {
  if (!(error instanceof ScenarioError)) throw error
  process.stderr.write(`simulate: malformed scenario: ${error.message}\n`)
  process.exit(2)
}

const { runSimulation } = await import('../src/simulation/run-simulation.js')
const dir = mkdtempSync(join(tmpdir(), 'aixin-sim-'))
const prefix = `sim-${randomUUID().slice(0, 8)}`
const redis = process.env.REDIS_URL ? undefined : await startLocalRedis(join(dir, 'redis'))
const connection = redis?.connection ?? connectionFromUrl(process.env.REDIS_URL!)
const cleanUp = async () => {
  if (redis) await redis.stop()
  else await deleteKeys(connection, `${prefix}:*`)
  rmSync(dir, { recursive: true, force: true })
}
// Stopped from outside (Ctrl-C, a test's timeout): leave no bot, redis-server or temp folder behind.
let killBot = () => {}
let stopped = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopped = true
    killBot()
    void cleanUp().finally(() => process.exit(130))
  })
}
let code = 0
try {
  await runSimulation({
    scenario,
    scenarioText,
    dir,
    databaseFile: values.db ?? join(dir, 'sim.sqlite'),
    connection,
    prefix,
    onChild: (kill) => (killBot = kill),
    stopped: () => stopped,
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
