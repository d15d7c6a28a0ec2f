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
}
