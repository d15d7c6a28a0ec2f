import { localMinuteOfDay } from '../clock.js'
import type { Deadlines } from '../recognise/handler.js'
import type { Ticket } from '../tickets/types.js'

const MINUTE = 60_000

/**
 * What a ticket's timer does when it fires. Before acceptance: remind the assignee, move the ticket
 * to the next fitting member, call the coordinators. After acceptance: remind the member once the
 * deadline has passed, then tell the coordinators it is overdue.
 */
export type TimerStep = 'remind-accept' | 'reassign' | 'escalate' | 'remind-resolve' | 'overdue' | 'remind-rating'

export interface PlannedTimer {
  /** The timer job's id: the same chase step always gets the same id, so adding it twice is once. */
  readonly key: string
  readonly dueAt: number
  readonly step: TimerStep
}

/** The job that carries out a planned timer. */
export interface TicketTimerJob {
  readonly ticketNo: number
  /** The planned timer this job carries out; any other key means the ticket moved on. */
  readonly key: string
  readonly dueAt: number
}

const times = <T>(step: T, n: number): T[] => Array.from({ length: n }, () => step)

/** The chase after an assignment, one step per `acceptMinutes` of silence. */
export function acceptChase(d: Deadlines): TimerStep[] {
  return [...times<TimerStep>('remind-accept', d.acceptReminders), ...times<TimerStep>('reassign', d.reassignments), 'escalate']
}

/** The chase after an acceptance: at the deadline, then every `followUpMinutes`. */
export function resolveChase(d: Deadlines): TimerStep[] {
  return [...times<TimerStep>('remind-resolve', d.resolveReminders), 'overdue']
}

/**
 * The one timer a ticket needs now, derived from the record alone: the reconciler can re-create it
 * after Redis lost it, and a timer that fires after the ticket moved on finds its key no longer
 * planned and does nothing.
 */
export function planTimer(ticket: Ticket, deadlines: Deadlines): PlannedTimer | null {
  if (ticket.timerSince === null) return null
  const key = `timer-${ticket.no}-${ticket.state}-${ticket.timerSince}-${ticket.timerSteps}`
  if (ticket.state === 'resolved') {
    // One reminder to rate, never more, and never at night.
    if (ticket.timerSteps > 0) return null
    return { key, dueAt: outOfQuietHours(ticket.timerSince + deadlines.ratingReminderMinutes * MINUTE), step: 'remind-rating' }
  }
  const chase = ticket.state === 'assigned' ? acceptChase(deadlines) : ticket.state === 'accepted' ? resolveChase(deadlines) : null
  const step = chase?.[ticket.timerSteps]
  if (!step) return null
  const wait =
    ticket.state === 'assigned'
      ? deadlines.acceptMinutes
      : ticket.timerSteps === 0
        ? deadlines.resolveMinutes
        : deadlines.followUpMinutes
  return { key, dueAt: ticket.timerSince + wait * MINUTE, step }
}

const QUIET_FROM = 22 * 60
const QUIET_UNTIL = 8 * 60

/** A resident is not asked for anything between 22:00 and 08:00: such a time moves to 08:00. */
export function outOfQuietHours(at: number): number {
  const minute = localMinuteOfDay(at)
  if (minute >= QUIET_UNTIL && minute < QUIET_FROM) return at
  const wait = minute >= QUIET_FROM ? 24 * 60 - minute + QUIET_UNTIL : QUIET_UNTIL - minute
  return at - (at % MINUTE) + wait * MINUTE
}
