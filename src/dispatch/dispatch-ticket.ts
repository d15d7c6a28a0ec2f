import type { Core, Work } from '../core.js'
import * as coordinatorText from '../messages/coordinator.js'
import * as memberText from '../messages/member.js'
import * as residentText from '../messages/resident.js'
import type { Helper } from '../messages/resident.js'
import { buildingOf } from '../privacy/building.js'
import type { DispatchJob } from '../queue/queues.js'
import { formatClockTime } from '../clock.js'
import { isOnDuty, nextShiftChange } from '../roster/on-duty.js'
import { pickMember } from '../roster/pick-member.js'
import type { Member } from '../roster/types.js'
import type { Ticket, TicketEvent } from '../tickets/types.js'

/** After this many hand-backs a coordinator decides who takes it (the 退单拉锯 the hotline knows). */
export const MAX_HAND_BACKS = 2

/** Events that change who has a ticket; an 'unassigned' among them marks one waiting for anyone to fit. */
const OWNERSHIP: ReadonlySet<TicketEvent['type']> = new Set(['created', 'assigned', 'reassigned', 'unassigned', 'handed-back', 'accepted', 'reopened'])

/**
 * Whether a ticket waits for anyone to fit: its last change of owner found nobody. A photo or an
 * emergency page logged since does not change that.
 */
export function isWaiting(events: readonly TicketEvent[]): boolean {
  return events.filter((e) => OWNERSHIP.has(e.type)).at(-1)?.type === 'unassigned'
}

/** Everyone who handed a ticket back: it never goes to them again. */
export function handedBackBy(events: readonly TicketEvent[]): (string | null)[] {
  return events.filter((e) => e.type === 'handed-back').map((e) => e.by)
}

/** Where a resident hears about their ticket: their group with an @-mention, or a direct message. */
export function tellRequester(work: Work, ticket: Ticket, text: string): void {
  if (ticket.roomId) work.send({ room: ticket.roomId }, text, { mentions: [ticket.requesterId] })
  else work.send({ contact: ticket.requesterId }, text)
}

/** The coordinators' group hears it; `page` @-mentions the coordinators, for what cannot wait. */
export function tellCoordinators(core: Core, work: Work, text: string, options: { page?: boolean } = {}): void {
  const coordinators = core.roster.members().filter((m) => m.role === 'coordinator').map((m) => m.id)
  const rooms = core.roster.coordinatorRooms()
  // A roster without a coordinators' group still has coordinators: they hear it by direct message.
  if (rooms.length === 0) for (const id of coordinators) work.send({ contact: id }, text)
  const mentions = options.page ? coordinators : []
  for (const room of rooms) work.send({ room: room.id }, text, mentions.length ? { mentions } : {})
}

/**
 * Gives a ticket to the on-duty member who fits (shared/spec/simulation.md's rule), never to someone
 * who handed it back. Attempt 1 also answers the resident. A job for an attempt that already ran, or
 * for a ticket that moved on, does nothing: dispatch jobs may run twice after a crash.
 */
/**
 * The grid a ticket belongs to: its group's, or, for a direct message or a group without one, its
 * building's by the roster. null: every member's grids fit.
 */
export function gridOf(core: Core, ticket: Ticket): string | null {
  const room = core.roster.room(ticket.roomId)
  return room?.grid ?? core.roster.gridOfBuilding(buildingOf(ticket.fields.location)) ?? null
}

/**
 * The on-duty member who should take a ticket now (skill, grid, shift, load: the rule in
 * shared/spec/simulation.md), never one of `exclude`: those who handed it back or let it lapse.
 */
export function fittingMember(core: Core, ticket: Ticket, now: number, exclude: readonly (string | null)[]): Member | undefined {
  const counts = core.tickets.openCounts()
  return pickMember(core.roster.members(), {
    skill: core.handler(ticket.category).skill,
    grid: gridOf(core, ticket),
    now,
    exclude: new Set(exclude.filter((id): id is string => id !== null)),
    openCount: (id) => counts.get(id) ?? 0,
  })
}

/**
 * An emergency pages every member on duty, whatever their skill or grid (whoever is nearest can help
 * while the owner comes), and the coordinators' group with an @-mention. The ticket keeps one owner.
 */
function pageEveryone(core: Core, work: Work, ticket: Ticket, owner: Member | null): void {
  const handler = core.handler(ticket.category)
  const room = core.roster.room(ticket.roomId)
  const onDuty = core.roster.members().filter((m) => m.role === 'member' && m.id !== owner?.id && isOnDuty(m, work.now))
  for (const m of onDuty) work.send({ contact: m.id }, memberText.emergencyPage(ticket, handler, room?.topic ?? null, owner?.name ?? null))
  tellCoordinators(core, work, coordinatorText.emergencyAlert(ticket, handler, room?.topic ?? null, buildingOf(ticket.fields.location), owner?.name ?? null), {
    page: true,
  })
  core.tickets.addEvent(ticket.no, work.now, 'paged', null, null, `${onDuty.length} on duty`)
}

export function dispatchTicket(core: Core, work: Work, job: DispatchJob): void {
  const ticket = core.tickets.get(job.ticketNo)
  if (!ticket || ticket.state !== 'new' || ticket.dispatchAttempt >= job.attempt) return

  const handler = core.handler(ticket.category)
  const room = core.roster.room(ticket.roomId)
  const building = buildingOf(ticket.fields.location)
  const events = core.tickets.events(ticket.no)
  const handedBack = events.filter((e) => e.type === 'handed-back')
  const first = job.attempt === 1

  if (handedBack.length >= MAX_HAND_BACKS) {
    core.tickets.change(ticket.no, { state: 'escalated', dispatchAttempt: job.attempt }, { at: work.now, type: 'escalated', note: 'handed back twice' })
    tellCoordinators(core, work, coordinatorText.handedBackTwice(ticket, handler, handedBack.map((e) => e.note || '未说明原因')))
    return
  }

  const member = fittingMember(core, ticket, work.now, handedBackBy(events))

  if (first) {
    // Nobody now: say honestly when the next shift brings someone who fits, if it does.
    const nextShift = nextShiftChange(work.now)
    const helper: Helper = member
      ? { kind: 'found' }
      : fittingMember(core, ticket, nextShift, handedBackBy(events))
        ? { kind: 'next-shift', at: formatClockTime(nextShift) }
        : { kind: 'none' }
    tellRequester(work, ticket, residentText.ackRequest(ticket, handler, building, helper))
  }
  const emergency = ticket.urgency === 'emergency' && first

  if (!member) {
    // Still nobody: the coordinators already know; saying it again on every 值班 is noise.
    if (isWaiting(events)) {
      core.tickets.change(ticket.no, { dispatchAttempt: job.attempt }, null)
      return
    }
    core.tickets.change(ticket.no, { dispatchAttempt: job.attempt }, { at: work.now, type: 'unassigned', note: `no on-duty ${handler.skill}` })
    // An emergency's page already tells the coordinators nobody fits, with an @-mention.
    if (emergency) pageEveryone(core, work, ticket, null)
    else tellCoordinators(core, work, coordinatorText.nobodyFits(ticket, handler, room?.topic ?? null, building))
    return
  }

  const assigned = core.tickets.change(
    ticket.no,
    { state: 'assigned', assigneeId: member.id, assignedAt: work.now, dispatchAttempt: job.attempt },
    { at: work.now, type: handedBack.length > 0 ? 'reassigned' : 'assigned', to: member.id },
  )
  core.roster.markAssigned(member.id, work.now)
  work.send({ contact: member.id }, memberText.assignment(assigned, handler, room?.topic ?? null, handedBack.length > 0))
  if (emergency) pageEveryone(core, work, assigned, member)
}
