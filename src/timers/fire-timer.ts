import type { Core, Work } from '../core.js'
import { fittingMember, handedBackBy, tellCoordinators, tellRequester } from '../dispatch/dispatch-ticket.js'
import * as coordinatorText from '../messages/coordinator.js'
import * as memberText from '../messages/member.js'
import * as residentText from '../messages/resident.js'
import { buildingOf } from '../privacy/building.js'
import type { Ticket } from '../tickets/types.js'
import { planTimer, type TicketTimerJob } from './plan-timer.js'

/** What became of a timer: `stale` when the ticket moved on, `early` when its time has not come. */
export type TimerOutcome = 'stale' | 'early' | 'done'

/**
 * Takes the next step of a ticket's chase, if the record still plans this timer. Reads the ticket
 * inside the step's transaction: a timer that fires late, twice, or after the ticket was accepted or
 * reassigned finds another key (or none) planned and does nothing.
 */
export function fireTimer(core: Core, work: Work, job: TicketTimerJob): TimerOutcome {
  const ticket = core.tickets.get(job.ticketNo)
  if (!ticket || ticket.timerKey !== job.key) return 'stale'
  const handler = core.handler(ticket.category)
  const plan = planTimer(ticket, handler.deadlines)
  if (!plan || plan.key !== job.key) return 'stale'
  if ((ticket.timerDue ?? plan.dueAt) > work.now) return 'early'

  const next = { timerSteps: ticket.timerSteps + 1, timerSince: work.now }
  const assignee = ticket.assigneeId
  switch (plan.step) {
    case 'remind-accept':
      core.tickets.change(ticket.no, next, { at: work.now, type: 'reminded', to: assignee, note: 'accept' })
      if (assignee) work.send({ contact: assignee }, memberText.acceptReminder(ticket, handler, Math.round((work.now - ticket.assignedAt!) / 60_000)))
      return 'done'
    case 'reassign':
      if (reassign(core, work, ticket, next)) return 'done'
      escalate(core, work, ticket)
      return 'done'
    case 'escalate':
      escalate(core, work, ticket)
      return 'done'
    case 'remind-resolve':
      core.tickets.change(ticket.no, next, { at: work.now, type: 'reminded', to: assignee, note: 'resolve' })
      if (assignee) work.send({ contact: assignee }, memberText.resolveReminder(ticket, handler))
      return 'done'
    case 'remind-rating':
      core.tickets.change(ticket.no, next, { at: work.now, type: 'reminded', to: ticket.requesterId, note: 'rating' })
      tellRequester(work, ticket, residentText.ratingReminder(ticket.no))
      return 'done'
    case 'overdue': {
      // The member keeps the ticket and may still finish it: the coordinators follow up.
      core.tickets.change(ticket.no, next, { at: work.now, type: 'escalated', to: assignee, note: 'overdue' })
      const room = core.roster.room(ticket.roomId)
      const text = coordinatorText.overdue(ticket, handler, room?.topic ?? null, buildingOf(ticket.fields.location), core.roster.nameOf(assignee ?? ''))
      tellCoordinators(core, work, text, { page: true })
      return 'done'
    }
  }
}

/** Everyone the ticket was ever sent to, in order: none of them gets it again from the chase. */
function sentTo(core: Core, ticket: Ticket): string[] {
  return core.tickets
    .events(ticket.no)
    .filter((e) => (e.type === 'assigned' || e.type === 'reassigned') && e.to !== null)
    .map((e) => e.to!)
}

/** Moves an unaccepted ticket to the next fitting member; false when there is nobody else. */
function reassign(core: Core, work: Work, ticket: Ticket, next: { timerSteps: number; timerSince: number }): boolean {
  const handedBack = handedBackBy(core.tickets.events(ticket.no))
  const member = fittingMember(core, ticket, work.now, [...handedBack, ...sentTo(core, ticket), ticket.assigneeId])
  if (!member) return false
  const handler = core.handler(ticket.category)
  const minutes = handler.deadlines.acceptMinutes * (ticket.timerSteps + 1)
  const moved = core.tickets.change(
    ticket.no,
    { assigneeId: member.id, assignedAt: work.now, ...next },
    { at: work.now, type: 'reassigned', by: null, to: member.id, note: `not accepted in ${minutes} min` },
  )
  core.roster.markAssigned(member.id, work.now)
  const room = core.roster.room(ticket.roomId)
  work.send({ contact: member.id }, memberText.assignment(moved, handler, room?.topic ?? null, true))
  if (ticket.assigneeId) work.send({ contact: ticket.assigneeId }, memberText.movedOn(ticket.no, member.name))
  return true
}

/** Nobody accepted: the coordinators are called by name, the resident hears the truth. */
function escalate(core: Core, work: Work, ticket: Ticket): void {
  const handler = core.handler(ticket.category)
  core.tickets.change(ticket.no, { state: 'escalated' }, { at: work.now, type: 'escalated', to: ticket.assigneeId, note: 'not accepted' })
  const room = core.roster.room(ticket.roomId)
  const names = [...new Set(sentTo(core, ticket))].map((id) => core.roster.nameOf(id))
  tellCoordinators(core, work, coordinatorText.notAccepted(ticket, handler, room?.topic ?? null, buildingOf(ticket.fields.location), names), { page: true })
  if (ticket.assigneeId) work.send({ contact: ticket.assigneeId }, memberText.escalatedToYou(ticket.no))
  tellRequester(work, ticket, residentText.escalatedNotice(ticket.no))
}
