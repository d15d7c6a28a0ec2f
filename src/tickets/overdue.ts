import type { Deadlines } from '../recognise/handler.js'
import type { Ticket } from './types.js'

const MINUTE = 60_000

/**
 * Whether an open ticket is past its deadline at `now`: not accepted within the accept deadline of
 * its assignment (or of its creation, while nobody has it), or not resolved within the resolve
 * deadline of its acceptance. Escalated tickets are overdue by definition.
 */
export function isOverdue(ticket: Pick<Ticket, 'state' | 'assignedAt' | 'acceptedAt' | 'createdAt'>, deadlines: Deadlines, now: number): boolean {
  switch (ticket.state) {
    case 'escalated':
      return true
    case 'new':
    case 'assigned':
      return now - (ticket.assignedAt ?? ticket.createdAt) > deadlines.acceptMinutes * MINUTE
    case 'accepted':
      return now - (ticket.acceptedAt ?? ticket.createdAt) > deadlines.resolveMinutes * MINUTE
    default:
      return false
  }
}
