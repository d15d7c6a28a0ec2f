import type { Core } from './core.js'
import type { DispatchJob } from './queue/queues.js'

/**
 * What the record says is pending, whatever Redis holds: unsent messages, and tickets waiting for a
 * dispatch that never ran (the job was lost, or a hand-back's dispatch was). Adding their jobs again is
 * harmless: job ids are deterministic, and each step checks the record before acting.
 */
export function findPendingWork(core: Core): { outbox: { id: number; chatId: string }[]; dispatches: DispatchJob[] } {
  const outbox = core.outbox.pending().map((m) => ({ id: m.id, chatId: m.chatId }))
  const dispatches: DispatchJob[] = []
  for (const ticket of core.tickets.open()) {
    if (ticket.state !== 'new') continue
    const last = core.tickets.events(ticket.no).at(-1)
    if (ticket.dispatchAttempt === 0 || last?.type === 'handed-back') {
      dispatches.push({ ticketNo: ticket.no, attempt: ticket.dispatchAttempt + 1 })
    }
  }
  return { outbox, dispatches }
}
