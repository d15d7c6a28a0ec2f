import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ConnectionOptions } from 'bullmq'
import { deleteKeys } from '../redis/delete-keys.js'
import type { Scenario } from './scenario.js'
import { SEGMENT_ENV, type SegmentArgs } from './segment-args.js'
import { rosterOf } from './setup-roster.js'

export interface SimulationOptions {
  readonly scenario: Scenario
  /** The scenario as given: each life of the bot reads it again. */
  readonly scenarioText: string
  /** A folder of this run's own. */
  readonly dir: string
  readonly databaseFile: string
  readonly connection: ConnectionOptions
  readonly prefix: string
  /** Called with each life of the bot, so a signal to the simulation can stop it. */
  readonly onChild?: (kill: () => void) => void
  /** True once the simulation was told to stop: no further life starts. */
  readonly stopped?: () => boolean
}

const SEGMENT = join(import.meta.dirname, 'segment-process.ts')

/**
 * Runs a scenario (shared/spec/simulation.md) through the whole bot. Each life of the bot is a process
 * of its own; at a restart it dies by SIGKILL with everything as it stood, and a new one starts on the
 * same Redis data and SQLite file. The transcript goes straight to standard output from each life.
 */
export async function runSimulation(options: SimulationOptions): Promise<void> {
  const { scenario } = options
  rosterOf(scenario) // a bad setup is the scenario's fault: say so before starting anything
  const scenarioFile = join(options.dir, 'scenario.jsonl')
  writeFileSync(scenarioFile, options.scenarioText)
  const restartMarker = join(options.dir, 'restart-reached')
  let from = 0
  for (;;) {
    rmSync(restartMarker, { force: true })
    const args: SegmentArgs = { scenarioFile, from, databaseFile: options.databaseFile, connection: options.connection, prefix: options.prefix, restartMarker }
    const exit = await runLife(args, options.onChild)
    if (exit.code === 0) return
    // Only the life itself says a restart was reached; any other death (a signal to the simulation,
    // the OOM killer) ends the run as a failure rather than starting another life.
    const restart = existsSync(restartMarker) ? Number(readFileSync(restartMarker, 'utf8')) : -1
    if (exit.signal !== 'SIGKILL' || options.stopped?.() || scenario.events[restart]?.kind !== 'restart') {
      throw new Error(`the bot stopped unexpectedly (${exit.signal ?? `exit code ${exit.code}`}); its errors are above`)
    }
    const event = scenario.events[restart]!
    if (event.kind === 'restart' && event.flushRedis) await deleteKeys(options.connection, `${options.prefix}:*`)
    from = restart + 1
  }
}

function runLife(args: SegmentArgs, onChild?: (kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), SEGMENT], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, [SEGMENT_ENV]: JSON.stringify(args) },
    })
    onChild?.(() => child.kill('SIGKILL'))
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve({ code, signal }))
  })
}
