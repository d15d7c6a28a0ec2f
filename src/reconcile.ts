import type { Core } from './core.js'
import type { DispatchJob } from './queue/queues.js'

/**
 * What the record says is pending, whatever Redis holds: unsent messages, and dispatches asked for
 * that never ran (the job was lost with Redis, or is stuck behind a crashed worker's lock). Running
 * them again is harmless: each step checks the record before acting.
 */
export function findPendingWork(core: Core, createdBefore = Infinity): { outbox: { id: number; chatId: string }[]; dispatches: DispatchJob[] } {
  const outbox = core.outbox.pending().filter((m) => m.createdAt < createdBefore).map((m) => ({ id: m.id, chatId: m.chatId }))
  const dispatches = core.tickets.awaitingDispatch().map((t) => ({ ticketNo: t.no, attempt: t.dispatchWanted }))
  return { outbox, dispatches }
}
