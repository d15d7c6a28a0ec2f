import { DelayedError, Worker, type Job } from 'bullmq'
import type { InboundMessage } from './chat/inbound-message.js'
import { createWechatyChat, type ChatOptions } from './chat/wechaty-chat.js'
import { formatClockTime, type Clock } from './clock.js'
import { createCore, runWork, type Core, type Effects } from './core.js'
import { openDatabase } from './db/open-database.js'
import { dispatchTicket, tellCoordinators } from './dispatch/dispatch-ticket.js'
import { createInboundHandler } from './intake/handle-inbound.js'
import type { Logger } from './log.js'
import { backOnline } from './messages/coordinator.js'
import { createPacer, sendPending, type SentMessage } from './outbound/send-pending.js'
import { createQueues, jobId, QUEUE, type DispatchJob, type OutboundJob, type QueueSettings, type TimerJob } from './queue/queues.js'
import type { Handler } from './recognise/handler.js'
import { findPendingWork } from './reconcile.js'
import { lastShiftChange, nextShiftChange } from './roster/on-duty.js'
import { fireTimer } from './timers/fire-timer.js'
import { handOver, HANDOVER_AT } from './timers/hand-over.js'
import { DIGEST_DONE, dueDigestDay, sendDailyDigest } from './digest/send-digest.js'

/** Community time after which an unsent message or an unrun dispatch is taken to have lost its job. */
const STUCK_AFTER_MS = 60_000
const LOGGED_OUT_AT = 'logged_out_at'

export interface AppOptions {
  readonly databaseFile: string
  readonly queue: QueueSettings
  readonly clock: Clock
  readonly log: Logger
  readonly handlers: readonly Handler[]
  readonly chat: Pick<ChatOptions, 'puppet' | 'puppetToken' | 'name' | 'onScan'>
  /** Community ms between two sends of this account. */
  readonly outboundIntervalMs: number
  readonly outboundMergeMaxChars: number
  readonly reconcileEveryMinutes: number
  /** The community's name as people say it, in the digest's title. */
  readonly communityName?: string
  readonly onSent?: (sent: SentMessage) => void
}

export interface App {
  readonly core: Core
  /** Logs the chat account in (call after `start` with the mock; a real puppet logs in by QR code). */
  start(): Promise<void>
  /** Whether nothing is waiting to be processed or sent (timers due later do not count). */
  isIdle(): Promise<boolean>
  /** Stops intake, lets workers finish what they hold, then closes queues, the chat and SQLite. */
  stop(): Promise<void>
  /**
   * Drops everything as a crash would: no job is finished or handed back, connections are cut. For the
   * simulation's restarts; what was in flight must be recovered by the next start.
   */
  crash(): Promise<void>
  /**
   * Stops timers and the reconciler, lets what is in flight finish: a simulation's end, after which
   * no reminder may fire while the run settles and prints its summary.
   */
  quiesce(): Promise<void>
}

/**
 * Wires one community's bot: chat intake → inbound queue → (command | recognise → ticket) → dispatch
 * queue → outbound queue → chat. Every step commits its decisions and the messages they cause in one
 * SQLite transaction, then hands Redis the jobs to carry them out.
 */
export function createApp(options: AppOptions): App {
  const { clock, log } = options
  const db = openDatabase(options.databaseFile)
  const core = createCore(db, clock, options.handlers, options.communityName)
  const queues = createQueues(options.queue)
  const { meta } = core
  /** Names this run of the bot in job ids, so work left locked by a crashed run never blocks ours. */
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

  type DelayedTimer = Exclude<TimerJob, { kind: 'digest' }>
  const dueOf = (timer: DelayedTimer) => (timer.kind === 'ticket' ? timer.dueAt : timer.at)
  const delayOf = (timer: DelayedTimer) => clock.toRealMs(dueOf(timer) - clock.now())

  async function enqueue(effects: Effects): Promise<void> {
    // A timer the ticket no longer needs goes; one that cannot (it is running now) finds its key
    // no longer planned and does nothing.
    for (const key of effects.cancelledTimers) await queues.timers.remove(key).catch(() => 0)
    if (effects.timers.length) {
      await queues.timers.addBulk(
        effects.timers.map((t) => {
          const data: DelayedTimer = { kind: 'ticket', ...t }
          return { name: 'ticket', data, opts: { jobId: jobId.timer(data), delay: delayOf(data) } }
        }),
      )
    }
    if (effects.dispatches.length) {
      await queues.dispatch.addBulk(effects.dispatches.map((data) => ({ name: 'dispatch', data, opts: { jobId: jobId.dispatch(data) } })))
    }
    if (effects.outboxIds.length) {
      await queues.outbound.addBulk(
        effects.outboxIds.map((id) => ({ name: 'send', data: { outboxId: id, chatId: effects.chats.get(id)! }, opts: { jobId: jobId.outbound(id) } })),
      )
    }
  }

  // A logout we cause by stopping is no news for the coordinators; one WeChat causes is.
  let stopping = false
  const chat = createWechatyChat({
    ...options.chat,
    clock,
    log,
    onMessage: async (message) => {
      await queues.inbound.add('message', message, { jobId: jobId.inbound(message.id, runId) })
      log.debug({ messageId: message.id, room: message.roomId, type: message.type }, 'message queued')
    },
    onLogout: () => !stopping && meta.setOnce(LOGGED_OUT_AT, String(clock.now())),
    onLogin: () => {
      const since = meta.get(LOGGED_OUT_AT)
      if (since === undefined) return
      const { effects } = runWork(core, `login-${clock.now()}`, (work) => {
        tellCoordinators(core, work, backOnline(formatClockTime(Number(since))))
        meta.delete(LOGGED_OUT_AT)
      })
      enqueue(effects).catch((error) => log.error({ err: error }, 'could not queue the back-online notice'))
    },
  })

  const handleInbound = createInboundHandler(core)
  const workerOptions = { connection: options.queue.connection, prefix: options.queue.prefix, concurrency: 1, autorun: false }
  const pace = createPacer(core, options.outboundIntervalMs)
  const workers = [
    // One at a time: messages are handled in the order they were written, and SQLite has one writer.
    new Worker<InboundMessage>(
      QUEUE.inbound,
      async (job: Job<InboundMessage>) => {
        const { result, effects } = runWork(core, `in-${job.id}`, (work) => handleInbound(work, job.data))
        await enqueue(effects)
        log.debug({ messageId: job.data.id, outcome: result, sends: effects.outboxIds.length }, 'message handled')
        return result
      },
      workerOptions,
    ),
    new Worker<DispatchJob>(
      QUEUE.dispatch,
      async (job: Job<DispatchJob>) => {
        const { effects } = runWork(core, jobId.dispatch(job.data), (work) => dispatchTicket(core, work, job.data))
        await enqueue(effects)
        log.debug({ ...job.data, sends: effects.outboxIds.length }, 'dispatched')
      },
      workerOptions,
    ),
    new Worker<TimerJob>(
      QUEUE.timers,
      async (job: Job<TimerJob>, token?: string) => {
        const timer = job.data
        if (timer.kind === 'digest') {
          const { result, effects } = runWork(core, `digest-${dueDigestDay(clock.now())}`, (work) => sendDailyDigest(core, work))
          await enqueue(effects)
          if (result === 'sent') log.info({ day: dueDigestDay(clock.now()) }, 'daily digest sent')
          return result
        }
        // Early: the community clock paused while a crashed bot restarted, so a job due in real time
        // may not be due in community time yet. It waits again rather than act before its time. The
        // record's due time counts; a timer for a ticket that moved on goes straight to doing nothing.
        const planned = timer.kind === 'ticket' ? core.tickets.get(timer.ticketNo) : undefined
        const due = timer.kind === 'shift' ? timer.at : planned?.timerKey === timer.key ? (planned.timerDue ?? -Infinity) : -Infinity
        if (due > clock.now()) {
          await job.moveToDelayed(Date.now() + clock.toRealMs(due - clock.now()), token)
          throw new DelayedError()
        }
        if (timer.kind === 'ticket') {
          const { result, effects } = runWork(core, timer.key, (work) => fireTimer(core, work, timer))
          await enqueue(effects)
          log.debug({ ticket: timer.ticketNo, key: timer.key, outcome: result }, 'timer fired')
          return result
        }
        const { result, effects } = runWork(core, `shift-${timer.at}`, (work) => handOver(core, work, timer.at))
        await enqueue(effects)
        await ensureTimer({ kind: 'shift', at: nextShiftChange(timer.at) }, 0)
        log.info({ at: timer.at, outcome: result, sends: effects.outboxIds.length }, 'shift change')
        return result
      },
      workerOptions,
    ),
    new Worker<OutboundJob>(
      QUEUE.outbound,
      async (job: Job<OutboundJob>) =>
        sendPending(core, chat, job.data.chatId, { pace, maxChars: options.outboundMergeMaxChars, onSent: options.onSent }),
      workerOptions,
    ),
  ]
  for (const worker of workers) {
    worker.on('error', (error) => log.error({ err: error, queue: worker.name }, 'worker error'))
    worker.on('failed', (job, error) => log.warn({ err: error, queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'))
  }
  for (const queue of Object.values(queues)) queue.on('error', (error) => log.error({ err: error, queue: queue.name }, 'queue error'))

  /**
   * Makes sure Redis holds a timer the record plans. Round 1 (start-up) also copies timers a crashed
   * run left locked as active; a copy has its own id and does nothing if the original ran.
   */
  async function ensureTimer(timer: DelayedTimer, round: number): Promise<boolean> {
    const id = jobId.timer(timer)
    const job = await queues.timers.getJob(id)
    const state = job ? await job.getState() : 'unknown'
    if (!job || state === 'unknown') {
      await queues.timers.add(timer.kind, timer, { jobId: id, delay: delayOf(timer) })
      return true
    }
    if (state === 'failed') {
      await job.retry()
      return true
    }
    if (state === 'completed' || (round === 1 && state === 'active')) {
      await queues.timers.add(timer.kind, timer, { jobId: jobId.reconcile(id, runId, round), delay: delayOf(timer) })
      return true
    }
    return false
  }

  /** Every timer the record plans, and the next shift change (and one missed while the bot was down). */
  async function reconcileTimers(round: number): Promise<number> {
    let restored = 0
    for (const t of core.tickets.withTimer()) {
      if (await ensureTimer({ kind: 'ticket', ticketNo: t.no, key: t.key, dueAt: t.dueAt }, round)) restored++
    }
    const now = clock.now()
    // A new record has nothing to hand over: it starts counting from the shift that is on.
    meta.setOnce(HANDOVER_AT, String(lastShiftChange(now)))
    if (Number(meta.get(HANDOVER_AT)) < lastShiftChange(now)) await ensureTimer({ kind: 'shift', at: lastShiftChange(now) }, round)
    await ensureTimer({ kind: 'shift', at: nextShiftChange(now) }, round)
    // The digest: a new record starts with the next one; the tick runs every community minute.
    meta.setOnce(DIGEST_DONE, dueDigestDay(now))
    if (round === 1 || !(await queues.timers.getJobScheduler(jobId.digestScheduler))) {
      await queues.timers.upsertJobScheduler(
        jobId.digestScheduler,
        { every: Math.max(50, clock.toRealMs(60_000)) },
        { name: 'digest', data: { kind: 'digest' } },
      )
    }
    return restored
  }

  let round = 0
  async function reconcile(): Promise<void> {
    round++
    // At start everything pending is suspect (a crash may have taken its job); later only what has
    // waited longer than a send or a dispatch ever should.
    const olderThan = round === 1 ? Infinity : clock.now() - STUCK_AFTER_MS
    const pending = findPendingWork(core, olderThan)
    for (const item of pending.outbox) {
      // A send whose attempts ran out stays failed in Redis under its id; retry it rather than lose it.
      const existing = await queues.outbound.getJob(jobId.outbound(item.id))
      if (existing && (await existing.isFailed())) await existing.retry()
    }
    const chats = [...new Map(pending.outbox.map((m) => [m.chatId, m.id])).entries()]
    await queues.outbound.addBulk(
      chats.map(([chatId, id]) => ({ name: 'send', data: { outboxId: id, chatId }, opts: { jobId: jobId.reconcile(`out-${id}`, runId, round) } })),
    )
    await queues.dispatch.addBulk(
      pending.dispatches.map((data) => ({ name: 'dispatch', data, opts: { jobId: jobId.reconcile(jobId.dispatch(data), runId, round) } })),
    )
    const timers = await reconcileTimers(round)
    if (pending.outbox.length || pending.dispatches.length || timers) {
      log.info({ outbox: pending.outbox.length, dispatches: pending.dispatches.length, timers }, 'reconciled pending work')
    }
  }
  let reconcileTimer: NodeJS.Timeout | undefined

  return {
    core,
    async start() {
      await Promise.all(Object.values(queues).map((q) => q.waitUntilReady()))
      // Warm the recogniser's tables so the first resident is answered as fast as the hundredth.
      core.recognise('家里老人发烧38.5度，有没有退烧药？3栋2单元')
      await reconcile()
      for (const worker of workers) void worker.run()
      await chat.start()
      reconcileTimer = setInterval(
        () => void reconcile().catch((error) => log.error({ err: error }, 'reconcile failed')),
        clock.toRealMs(options.reconcileEveryMinutes * 60_000),
      )
      reconcileTimer.unref()
    },
    async isIdle() {
      for (const queue of Object.values(queues)) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized')
        if (Object.values(counts).some((n) => n > 0)) return false
      }
      return core.outbox.pending().length === 0
    },
    async stop() {
      stopping = true
      clearInterval(reconcileTimer)
      chat.detach()
      await Promise.all(workers.map((w) => w.close()))
      await Promise.all(Object.values(queues).map((q) => q.close()))
      await chat.stop().catch((error) => log.warn({ err: error }, 'wechaty did not stop cleanly'))
      db.close()
    },
    async quiesce() {
      clearInterval(reconcileTimer)
      const timers = workers.find((w) => w.name === QUEUE.timers)!
      await timers.pause()
    },
    async crash() {
      stopping = true
      clearInterval(reconcileTimer)
      chat.detach()
      await Promise.all(workers.map((w) => w.close(true).catch(() => undefined)))
      await Promise.all(Object.values(queues).map((q) => q.disconnect().catch(() => undefined)))
      void chat.stop().catch(() => undefined)
      db.close()
    },
  }
}
