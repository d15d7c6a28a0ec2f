/**
 * One life of the simulated bot, as its own process (started by src/simulation/run-simulation.ts).
 * At a scenario's restart it kills itself with SIGKILL: no shutdown, no job finished, every
 * connection cut, exactly as a crash leaves things.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { handlers } from '../../handlers/index.js'
import { createLogger } from '../log.js'
import { runSegment } from './run-segment.js'
import { parseScenario } from './scenario.js'
import { SEGMENT_ENV, type SegmentArgs } from './segment-args.js'

const args = JSON.parse(process.env[SEGMENT_ENV] ?? 'null') as SegmentArgs | null
if (!args) {
  process.stderr.write(`${SEGMENT_ENV} is not set: run scripts/simulate.ts, not this file\n`)
  process.exit(2)
}
const log = createLogger(process.env.LOG_LEVEL ?? 'warn', 'simulate')
const outcome = await runSegment({
  scenario: parseScenario(readFileSync(args.scenarioFile, 'utf8')),
  from: args.from,
  databaseFile: args.databaseFile,
  queue: { connection: args.connection, prefix: args.prefix },
  handlers,
  log,
  print: (line) => process.stdout.write(line + '\n'),
})
if ('restartAt' in outcome) {
  writeFileSync(args.restartMarker, String(outcome.restartAt))
  process.kill(process.pid, 'SIGKILL')
}
process.exit(0)
