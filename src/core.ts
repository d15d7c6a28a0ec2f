import type { Clock } from './clock.js'
import { createMeta, type Meta } from './db/meta.js'
import type { Db } from './db/open-database.js'
import { chatOf, createOutbox, type Outbox, type Outgoing, type Recipient } from './outbound/outbox.js'
import type { DispatchJob } from './queue/queues.js'
import { fallbackHandler, type Handler } from './recognise/handler.js'
import { createRecogniser, type Recognise } from './recognise/recognise.js'
import { createRosterStore, type RosterStore } from './roster/roster-store.js'
import { createTicketStore, type TicketStore } from './tickets/ticket-store.js'
import { planTimer, type TicketTimerJob } from './timers/plan-timer.js'

/** The record and the pure parts every step reads: built once per process, passed in, never imported. */
export interface Core {
  readonly db: Db
  readonly clock: Clock
  readonly tickets: TicketStore
  readonly roster: RosterStore
  readonly outbox: Outbox
  readonly meta: Meta
  readonly recognise: Recognise
  readonly handlers: readonly Handler[]
  /** The community's name as people say it (幸福里社区), for the digest. */
  readonly communityName: string
  handler(category: string): Handler
}

export function createCore(db: Db, clock: Clock, handlers: readonly Handler[], communityName = '本社区'): Core {
  const byCategory = new Map(handlers.map((h) => [h.category, h]))
  const fallback = fallbackHandler(handlers)
  return {
    db,
    clock,
    tickets: createTicketStore(db),
    roster: createRosterStore(db),
    outbox: createOutbox(db),
    meta: createMeta(db),
    recognise: createRecogniser(handlers),
    handlers,
    communityName,
    // A ticket whose category was later removed from handlers/ is still served, by the fallback.
    handler: (category) => byCategory.get(category) ?? fallback,
  }
}

/** One step's decisions: the messages to send and the dispatches to run once its transaction commits. */
export interface Work {
  readonly now: number
  send(to: Recipient, text: string, options?: { mentions?: readonly string[]; forwardMessageId?: string; file?: Outgoing['file'] }): void
  dispatch(job: DispatchJob): void
}

export interface Effects {
  readonly outboxIds: readonly number[]
  readonly chats: ReadonlyMap<number, string>
  readonly dispatches: readonly DispatchJob[]
  /** Timers the changed tickets now need, and the job ids of the ones they no longer need. */
  readonly timers: readonly TicketTimerJob[]
  readonly cancelledTimers: readonly string[]
}

/**
 * Runs one step in one SQLite transaction: the state change and the messages it causes commit together
 * or not at all. `key` names the step (a message id, a dispatch job) so its messages get stable keys and
 * a replayed step queues nothing twice.
 */
export function runWork<T>(core: Core, key: string, step: (work: Work) => T): { result: T; effects: Effects } {
  return core.db.transaction(() => {
    core.tickets.takeChanged() // left over from a step that rolled back
    const now = core.clock.now()
    const outboxIds: number[] = []
    const chats = new Map<number, string>()
    const dispatches: DispatchJob[] = []
    let n = 0
    const work: Work = {
      now,
      send(to, text, options = {}) {
        const message: Outgoing = { key: `${key}/${n++}`, to, text, ...options }
        const id = core.outbox.add(message, now)
        if (id !== null) {
          outboxIds.push(id)
          chats.set(id, chatOf(to))
        }
      },
      dispatch(job) {
        core.tickets.wantDispatch(job.ticketNo, job.attempt)
        dispatches.push(job)
      },
    }
    const result = step(work)
    return { result, effects: { outboxIds, chats, dispatches, ...planTimers(core) } }
  })()
}

/**
 * Plans the timer every ticket the step changed now needs, in the step's transaction: the record
 * says which timer Redis should hold, and the old one is cancelled once the step commits.
 */
function planTimers(core: Core): Pick<Effects, 'timers' | 'cancelledTimers'> {
  const timers: TicketTimerJob[] = []
  const cancelledTimers: string[] = []
  for (const no of core.tickets.takeChanged()) {
    const ticket = core.tickets.get(no)!
    const plan = planTimer(ticket, core.handler(ticket.category).deadlines)
    if ((plan?.key ?? null) === ticket.timerKey) continue
    core.tickets.setTimer(no, plan?.key ?? null, plan?.dueAt ?? null)
    if (ticket.timerKey) cancelledTimers.push(ticket.timerKey)
    if (plan) timers.push({ ticketNo: no, key: plan.key, dueAt: plan.dueAt })
  }
  return { timers, cancelledTimers }
}
