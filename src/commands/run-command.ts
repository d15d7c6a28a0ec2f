import { formatClockTime } from '../clock.js'
import type { Core, Work } from '../core.js'
import { isWaiting, tellRequester } from '../dispatch/dispatch-ticket.js'
import { storyOf } from '../messages/labels.js'
import * as memberText from '../messages/member.js'
import * as residentText from '../messages/resident.js'
import { nextShiftChange } from '../roster/on-duty.js'
import type { Member } from '../roster/types.js'
import { isOpen, type Ticket } from '../tickets/types.js'
import * as coordinatorText from '../messages/coordinator.js'
import { MEMBER_COMMANDS, type Command } from './parse-command.js'
import { runCoordinatorCommand } from './run-coordinator-command.js'

/** Who sent a command and where: trust comes from the contact id alone, via the roster. */
export interface Sender {
  readonly id: string
  readonly name: string
  readonly member: Member | undefined
  /** The group the command was typed in; null for a direct message. */
  readonly roomId: string | null
}

type Reply = (text: string) => void

/** Runs one command; every command answers its sender with exactly one short message. */
export function runCommand(core: Core, work: Work, sender: Sender, command: Command): void {
  const reply: Reply = (text) =>
    sender.roomId ? work.send({ room: sender.roomId }, text, { mentions: [sender.id] }) : work.send({ contact: sender.id }, text)

  if (MEMBER_COMMANDS.has(command.name) && !sender.member) return reply(memberText.strangerRefusal)
  const member = sender.member
  switch (command.name) {
    case 'help':
      return reply(
        member?.role === 'coordinator'
          ? `${memberText.memberHelp}\n${coordinatorText.coordinatorHelp}`
          : member
            ? memberText.memberHelp
            : residentText.residentHelp,
      )
    case 'pending':
    case 'assign':
    case 'roster':
    case 'close':
    case 'reopen':
    case 'digest': {
      if (member?.role !== 'coordinator') return reply(coordinatorText.coordinatorOnly)
      // The team's business stays out of residents' groups: typed there, the answer goes by DM.
      const inTeamRoom = sender.roomId !== null && core.roster.room(sender.roomId)?.coordinators === true
      const answer: Reply = inTeamRoom ? reply : (text) => work.send({ contact: sender.id }, text)
      return runCoordinatorCommand(core, work, member, command, answer, inTeamRoom ? { room: sender.roomId! } : { contact: sender.id })
    }
    case 'progress':
      return progress(core, sender, command.no, reply)
    case 'cancel':
      return cancel(core, work, sender, command.no, reply)
  }
  if (!member) return reply(memberText.strangerRefusal)
  switch (command.name) {
    case 'accept':
      return accept(core, work, member, command.no, reply)
    case 'resolve':
      return resolve(core, work, member, command.no, command.note, reply)
    case 'handBack':
      return handBack(core, work, member, command.no, command.reason, reply)
    case 'mine':
      return reply(memberText.myTickets(core.tickets.openAssignedTo(member.id), (c) => core.handler(c).label))
    case 'onDuty':
    case 'offDuty': {
      const until = nextShiftChange(work.now)
      core.roster.setDutyOverride(member.id, command.name === 'onDuty' ? 'on' : 'off', until)
      if (command.name === 'onDuty') dispatchWaiting(core, work)
      return reply(
        command.name === 'onDuty'
          ? memberText.onDutyReply(formatClockTime(until))
          : memberText.offDutyReply(formatClockTime(until), core.tickets.openAssignedTo(member.id).length),
      )
    }
  }
}

/**
 * Someone came on duty: tickets nobody could take are dispatched again, so the backlog is handed out
 * instead of waiting for a coordinator (a helpdesk complaint). Hand-backs keep their own path.
 */
function dispatchWaiting(core: Core, work: Work): void {
  for (const ticket of core.tickets.open()) {
    if (ticket.state === 'new' && isWaiting(core.tickets.events(ticket.no))) {
      work.dispatch({ ticketNo: ticket.no, attempt: ticket.dispatchAttempt + 1 })
    }
  }
}

/**
 * The ticket a member means: the number they gave, or, without one, their only ticket in `states`.
 * Returns null after answering when it cannot tell.
 */
function findTicket(core: Core, member: Member, no: number | null, states: readonly Ticket['state'][], verb: string, reply: Reply): Ticket | null {
  if (no !== null) {
    const ticket = core.tickets.get(no)
    if (!ticket) reply(residentText.ticketNotFound(no))
    return ticket ?? null
  }
  const mine = core.tickets.openAssignedTo(member.id).filter((t) => states.includes(t.state))
  if (mine.length === 1) return mine[0]!
  reply(mine.length === 0 ? memberText.noTicketToAct : memberText.whichTicket(mine.map((t) => t.no), verb))
  return null
}

function accept(core: Core, work: Work, member: Member, no: number | null, reply: Reply): void {
  const ticket = findTicket(core, member, no, ['assigned', 'escalated'], '接', reply)
  if (!ticket) return
  if (ticket.state === 'accepted') {
    return reply(ticket.assigneeId === member.id ? memberText.alreadyAccepted(ticket.no) : memberText.acceptedByOther(ticket.no, core.roster.nameOf(ticket.assigneeId!)))
  }
  if (!isOpen(ticket)) return reply(memberText.ticketClosed(ticket.no, ticket.state))
  // A member may take a ticket nobody has accepted yet, even one sent to someone else: whoever
  // can go first should. The one it was sent to is told so they do not go too.
  const previous = ticket.assigneeId
  const accepted = core.tickets.change(
    ticket.no,
    { state: 'accepted', assigneeId: member.id, acceptedAt: work.now, ...(previous ? {} : { assignedAt: work.now }) },
    { at: work.now, type: 'accepted', by: member.id },
  )
  if (previous && previous !== member.id) work.send({ contact: previous }, memberText.takenOver(ticket.no, member.name))
  const handler = core.handler(ticket.category)
  reply(memberText.acceptedReply(accepted, handler))
  tellRequester(work, accepted, residentText.acceptedNotice(accepted, handler, member.name))
}

function resolve(core: Core, work: Work, member: Member, no: number | null, note: string, reply: Reply): void {
  const ticket = findTicket(core, member, no, ['accepted', 'assigned', 'escalated'], '完成', reply)
  if (!ticket) return
  if (!isOpen(ticket)) return reply(memberText.ticketClosed(ticket.no, ticket.state))
  if (ticket.assigneeId !== member.id) return reply(memberText.notYours(ticket.no))
  const resolved = core.tickets.change(
    ticket.no,
    { state: 'resolved', resolvedAt: work.now, ...(ticket.acceptedAt === null ? { acceptedAt: work.now } : {}) },
    { at: work.now, type: 'resolved', by: member.id, note: note || null },
  )
  reply(memberText.resolvedReply(ticket.no))
  tellRequester(work, resolved, residentText.resolvedNotice(resolved, note))
}

function handBack(core: Core, work: Work, member: Member, no: number | null, reason: string, reply: Reply): void {
  const ticket = findTicket(core, member, no, ['assigned', 'accepted', 'escalated'], '转', reply)
  if (!ticket) return
  if (!isOpen(ticket)) return reply(memberText.ticketClosed(ticket.no, ticket.state))
  if (ticket.assigneeId !== member.id) return reply(memberText.notYours(ticket.no))
  core.tickets.change(
    ticket.no,
    { state: 'new', assigneeId: null, acceptedAt: null },
    { at: work.now, type: 'handed-back', by: member.id, note: reason || null },
  )
  reply(memberText.handedBackReply(ticket.no))
  work.dispatch({ ticketNo: ticket.no, attempt: ticket.dispatchAttempt + 1 })
}

/** Residents see their own tickets; members and coordinators see any. */
function canSee(sender: Sender, ticket: Ticket): boolean {
  return ticket.requesterId === sender.id || sender.member !== undefined
}

function progress(core: Core, sender: Sender, no: number | null, reply: Reply): void {
  const ticket = no === null ? (core.tickets.openRequestedBy(sender.id)[0] ?? core.tickets.latestRequestedBy(sender.id)) : core.tickets.get(no)
  if (!ticket) return reply(no === null ? residentText.noOpenTicket : residentText.ticketNotFound(no))
  if (!canSee(sender, ticket)) return reply(residentText.notYourTicket(ticket.no))
  const steps = storyOf(core.tickets.events(ticket.no), core.roster.nameOf)
  reply(residentText.progressReport(ticket, ticket.assigneeId ? core.roster.nameOf(ticket.assigneeId) : null, steps))
}

function cancel(core: Core, work: Work, sender: Sender, no: number | null, reply: Reply): void {
  const open = core.tickets.openRequestedBy(sender.id)
  const ticket = no === null ? (open.length === 1 ? open[0] : undefined) : core.tickets.get(no)
  if (!ticket) {
    if (no !== null) return reply(residentText.ticketNotFound(no))
    return reply(open.length === 0 ? residentText.noOpenTicket : memberText.whichTicket(open.map((t) => t.no), '取消'))
  }
  if (ticket.requesterId !== sender.id) return reply(residentText.notYourTicket(ticket.no))
  if (!isOpen(ticket)) return reply(residentText.alreadyClosed(ticket.no, ticket.state))
  core.tickets.change(ticket.no, { state: 'cancelled', closedAt: work.now }, { at: work.now, type: 'cancelled', by: sender.id })
  if (ticket.assigneeId) work.send({ contact: ticket.assigneeId }, memberText.cancelledByResident(ticket.no))
  reply(residentText.cancelledReply(ticket.no))
}
