import { dayOf, formatClockTime, parseDay } from '../clock.js'
import type { Core, Work } from '../core.js'
import { tellRequester } from '../dispatch/dispatch-ticket.js'
import * as coordinatorText from '../messages/coordinator.js'
import * as memberText from '../messages/member.js'
import * as residentText from '../messages/resident.js'
import { currentShift, isOnDuty, nextShiftChange } from '../roster/on-duty.js'
import type { Member } from '../roster/types.js'
import { isOverdue } from '../tickets/overdue.js'
import { isOpen, type Ticket } from '../tickets/types.js'
import type { Command } from './parse-command.js'
import { sendDigest } from '../digest/send-digest.js'
import type { Recipient } from '../outbound/outbox.js'

type CoordinatorCommand = Extract<Command, { name: 'pending' | 'assign' | 'roster' | 'close' | 'reopen' | 'digest' }>
type Reply = (text: string) => void

/** 待办, 派, 排班, 关闭, 重办: the caller has checked the sender is a coordinator. */
export function runCoordinatorCommand(
  core: Core,
  work: Work,
  coordinator: Member,
  command: CoordinatorCommand,
  reply: Reply,
  /** Where the answer goes, for answers of more than one message (the digest). */
  to: Recipient,
): void {
  switch (command.name) {
    case 'pending':
      return reply(pending(core, work.now))
    case 'roster':
      return reply(roster(core, work.now))
    case 'assign':
      return assign(core, work, coordinator, command.no, command.target, reply)
    case 'close':
      return close(core, work, coordinator, command.no, command.reason, reply)
    case 'reopen':
      return reopen(core, work, coordinator, command.no, reply)
    case 'digest': {
      const day = digestDay(command.day, work.now)
      if (!day) return reply(coordinatorText.digestUsage)
      return sendDigest(core, work, to, day)
    }
  }
}

function pending(core: Core, now: number): string {
  const items = core.tickets.open().map((ticket) => {
    const handler = core.handler(ticket.category)
    return {
      ticket,
      label: handler.label,
      roomTopic: ticket.roomId ? (core.roster.room(ticket.roomId)?.topic ?? null) : null,
      ownerName: ticket.assigneeId ? core.roster.nameOf(ticket.assigneeId) : null,
      ageMs: now - ticket.createdAt,
      overdue: isOverdue(ticket, handler.deadlines, now),
    }
  })
  return coordinatorText.pendingList(items)
}

function roster(core: Core, now: number): string {
  const next = nextShiftChange(now)
  const members = core.roster.members().filter((m) => m.role === 'member')
  return coordinatorText.rosterReport(
    currentShift(now),
    formatClockTime(next),
    members.filter((m) => isOnDuty(m, now)),
    members.filter((m) => isOnDuty(m, next)),
    currentShift(next),
  )
}

/** A coordinator's word settles who has a ticket: by name, or by contact id when names repeat. */
function findMember(core: Core, target: string, reply: Reply): Member | null {
  const members = core.roster.members()
  const byId = members.find((m) => m.id === target)
  if (byId) return byId
  const named = members.filter((m) => m.name === target)
  if (named.length === 1) return named[0]!
  reply(named.length === 0 ? coordinatorText.memberNotFound(target) : coordinatorText.memberAmbiguous(target, named.map((m) => m.id)))
  return null
}

function openTicket(core: Core, no: number, reply: Reply): Ticket | null {
  const ticket = core.tickets.get(no)
  if (!ticket) reply(residentText.ticketNotFound(no))
  else if (!isOpen(ticket)) reply(coordinatorText.notOpen(no, ticket.state))
  else return ticket
  return null
}

function assign(core: Core, work: Work, coordinator: Member, no: number, target: string, reply: Reply): void {
  if (!target) return reply(coordinatorText.assignUsage)
  const ticket = openTicket(core, no, reply)
  if (!ticket) return
  const member = findMember(core, target, reply)
  if (!member) return
  if (ticket.assigneeId === member.id && ticket.state !== 'escalated') return reply(coordinatorText.alreadyWith(no, member.name))
  const assigned = core.tickets.change(
    no,
    { state: 'assigned', assigneeId: member.id, assignedAt: work.now, acceptedAt: null },
    { at: work.now, type: 'assigned', by: coordinator.id, to: member.id, note: 'by coordinator' },
  )
  core.roster.markAssigned(member.id, work.now)
  const room = core.roster.room(ticket.roomId)
  work.send({ contact: member.id }, memberText.assignment(assigned, core.handler(ticket.category), room?.topic ?? null, true))
  if (ticket.assigneeId && ticket.assigneeId !== member.id) {
    work.send({ contact: ticket.assigneeId }, memberText.reassignedByCoordinator(no, member.name))
  }
  reply(coordinatorText.assignedReply(no, member.name, isOnDuty(member, work.now)))
}

function close(core: Core, work: Work, coordinator: Member, no: number | null, reason: string, reply: Reply): void {
  if (no === null) return reply(coordinatorText.closeUsage)
  const ticket = openTicket(core, no, reply)
  if (!ticket) return
  const closed = core.tickets.change(
    no,
    { state: 'cancelled', closedAt: work.now },
    { at: work.now, type: 'cancelled', by: coordinator.id, note: reason || 'closed by coordinator' },
  )
  if (ticket.assigneeId) work.send({ contact: ticket.assigneeId }, memberText.closedByCoordinator(no))
  tellRequester(work, closed, residentText.closedNotice(no, reason))
  reply(coordinatorText.closedReply(no))
}

/** 重办: an unsatisfied 回访 sends the ticket back to be done again, by whoever fits now. */
function reopen(core: Core, work: Work, coordinator: Member, no: number | null, reply: Reply): void {
  if (no === null) return reply(coordinatorText.reopenUsage)
  const ticket = core.tickets.get(no)
  if (!ticket) return reply(residentText.ticketNotFound(no))
  if (ticket.state !== 'resolved' && ticket.state !== 'rated') return reply(coordinatorText.notReopenable(no, ticket.state))
  const reopened = core.tickets.change(
    no,
    // The rating stays: an unsatisfied 回访 still counts in 满意率 until the resident rates the redo.
    { state: 'new', assigneeId: null, acceptedAt: null, resolvedAt: null },
    { at: work.now, type: 'reopened', by: coordinator.id, note: ticket.rating === null ? null : `rated ${ticket.rating}` },
  )
  work.dispatch({ ticketNo: no, attempt: ticket.dispatchAttempt + 1 })
  tellRequester(work, reopened, residentText.reopenedNotice(no))
  reply(coordinatorText.reopenedReply(no))
}

/** 日报: today so far; 昨天; or a date as typed (2026-11-21, 2026/11/21, 2026年11月21日). Null when no date. */
function digestDay(typed: string | null, now: number): string | null {
  if (typed === null || typed === '今天') return dayOf(now)
  if (typed === '昨天') return dayOf(now - 24 * 3600_000)
  return parseDay(typed)
}
