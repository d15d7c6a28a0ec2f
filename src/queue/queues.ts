import { createHash } from 'node:crypto'
import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq'
import type { InboundMessage } from '../chat/inbound-message.js'
import type { TicketTimerJob } from '../timers/plan-timer.js'

/** Queue names (BullMQ forbids `:`); every key lives under the community's prefix. */
export const QUEUE = { inbound: 'inbound', dispatch: 'dispatch', outbound: 'outbound', timers: 'timers' } as const

export interface DispatchJob {
  readonly ticketNo: number
  readonly attempt: number
}
export interface OutboundJob {
  readonly outboxId: number
  readonly chatId: string
}
/**
 * A ticket's chase step (`ticket`) or a shift change at 08:00 or 20:00 (`shift`), as delayed jobs; the
 * digest's tick (`digest`), from a job scheduler, asks whether the 08:00 digest is due.
 */
export type TimerJob =
  | ({ readonly kind: 'ticket' } & TicketTimerJob)
  | { readonly kind: 'shift'; readonly at: number }
  | { readonly kind: 'digest' }

/**
 * Job ids: deterministic, so adding the same work twice is one job. BullMQ refuses all-digit ids
 * and reserves `:`, hence the word prefixes; chat message ids can hold anything, hence the hash.
 */
export const jobId = {
  /**
   * One job per message per run of the bot: a message delivered twice is one job; a message
   * replayed after a restart gets a fresh job even if the crashed run's job is still locked, and
   * the record (inbound_seen) makes sure it is handled once.
   */
  inbound: (messageId: string, runId: string) => `msg-${createHash('sha1').update(messageId).digest('hex').slice(0, 24)}-${runId}`,
  dispatch: (job: DispatchJob) => `dispatch-${job.ticketNo}-${job.attempt}`,
  outbound: (outboxId: number) => `out-${outboxId}`,
  /** A ticket timer's id is its planned key (`timer-<no>-<state>-<since>-<step>`). */
  timer: (job: Exclude<TimerJob, { kind: 'digest' }>) => (job.kind === 'ticket' ? job.key : `shift-${job.at}`),
  /** The digest's job scheduler: one per community, whatever the number of workers. */
  digestScheduler: 'digest',
  /** The reconciler's own jobs: never taken by a crashed run's locked job of the same work. */
  reconcile: (work: string, runId: string, round: number) => `${work}-rc-${runId}-${round}`,
}

export interface QueueSettings {
  readonly connection: ConnectionOptions
  /** The community's key prefix: sharding by community is configuration, not a rewrite. */
  readonly prefix: string
  /** Real ms before the first retry of a failed job; doubles each time. Default 1000. */
  readonly retryDelayMs?: number
}

/**
 * Completed jobs are kept a day so a replayed message or a repeated add still finds its job id
 * taken; SQLite is the lasting record of both, so nothing depends on Redis keeping them longer.
 */
const defaultJobOptions: DefaultJobOptions = {
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
}

export function createQueues(settings: QueueSettings) {
  const { connection, prefix, retryDelayMs = 1000 } = settings
  const make = <T>(name: string, attempts: number) =>
    new Queue<T>(name, {
      connection,
      prefix,
      defaultJobOptions: { ...defaultJobOptions, attempts, backoff: { type: 'exponential', delay: retryDelayMs } },
    })
  return {
    inbound: make<InboundMessage>(QUEUE.inbound, 5),
    dispatch: make<DispatchJob>(QUEUE.dispatch, 5),
    // Sending never gives up: when the attempts run out the reconciler retries the outbox row.
    outbound: make<OutboundJob>(QUEUE.outbound, 10),
    timers: make<TimerJob>(QUEUE.timers, 5),
  }
}

export type Queues = ReturnType<typeof createQueues>

/** `redis://[user:pass@]host:port[/db]` as ioredis connection options BullMQ can own. */
export function connectionFromUrl(url: string): ConnectionOptions {
  const u = new URL(url)
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db: Number.isInteger(db) ? db : 0,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  }
}
