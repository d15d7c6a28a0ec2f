import type { Core, Work } from '../core.js'
import { fittingMember, handedBackBy, isWaiting, tellCoordinators } from '../dispatch/dispatch-ticket.js'
import * as coordinatorText from '../messages/coordinator.js'
import * as memberText from '../messages/member.js'
import { isOnDuty } from '../roster/on-duty.js'
import type { Ticket } from '../tickets/types.js'

/** The shift change whose handover last ran: a repeated or late job for it does nothing. */
export const HANDOVER_AT = 'handover_at'

/**
 * At 08:00 and 20:00 the open tickets of members going off duty go to the incoming shift, each to
 * the member who fits best then. Each incoming member hears once with all they take over, each
 * outgoing member once with where theirs went; what nobody incoming can take stays where it is and
 * the coordinators hear of it. Tickets that waited for anyone to fit are dispatched again.
 */
export function handOver(core: Core, work: Work, at: number): 'done' | 'already' {
  if (Number(core.meta.get(HANDOVER_AT) ?? -Infinity) >= at) return 'already'
  core.meta.set(HANDOVER_AT, String(at))

  const incoming = new Map<string, Ticket[]>()
  const outgoing = new Map<string, { no: number; toName: string }[]>()
  const stuck: { no: number; label: string; ownerName: string }[] = []
  for (const ticket of core.tickets.open()) {
    const events = core.tickets.events(ticket.no)
    if (ticket.state === 'new') {
      if (isWaiting(events)) work.dispatch({ ticketNo: ticket.no, attempt: ticket.dispatchAttempt + 1 })
      continue
    }
    const ownerId = ticket.assigneeId
    if (!ownerId) continue // escalated with no owner: the coordinators already hold it
    const owner = core.roster.member(ownerId)
    if (owner && isOnDuty(owner, at)) continue
    const member = fittingMember(core, ticket, at, [...handedBackBy(events), ownerId])
    if (!member) {
      stuck.push({ no: ticket.no, label: core.handler(ticket.category).label, ownerName: core.roster.nameOf(ownerId) })
      continue
    }
    const moved = core.tickets.change(
      ticket.no,
      { state: 'assigned', assigneeId: member.id, assignedAt: work.now, acceptedAt: null },
      { at: work.now, type: 'reassigned', by: null, to: member.id, note: 'shift handover' },
    )
    core.roster.markAssigned(member.id, work.now)
    incoming.set(member.id, [...(incoming.get(member.id) ?? []), moved])
    outgoing.set(ownerId, [...(outgoing.get(ownerId) ?? []), { no: ticket.no, toName: member.name }])
  }
  const labelOf = (category: string) => core.handler(category).label
  for (const [id, tickets] of incoming) work.send({ contact: id }, memberText.handedOverToYou(tickets, labelOf))
  for (const [id, moves] of outgoing) work.send({ contact: id }, memberText.handedOverFromYou(moves))
  if (stuck.length) tellCoordinators(core, work, coordinatorText.handoverStuck(stuck))
  return 'done'
}
