import type { ConnectionOptions } from 'bullmq'

/** What the simulation tells each life of the bot, through this environment variable. */
export const SEGMENT_ENV = 'AIXIN_SIMULATION_SEGMENT'

export interface SegmentArgs {
  readonly scenarioFile: string
  /** The event this life starts at: 0, or the one after a restart. */
  readonly from: number
  readonly databaseFile: string
  readonly connection: ConnectionOptions
  readonly prefix: string
  /** Written with the restart's event index just before the life kills itself, so the supervisor can tell a scripted restart from a kill from outside. */
  readonly restartMarker: string
}
