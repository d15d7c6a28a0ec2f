import type { Fields, Urgency } from '../recognise/types.js'

/** The ticket's life (shared/DESIGN.md): new → assigned → accepted → resolved → rated, with side states. */
export type TicketState = 'new' | 'assigned' | 'accepted' | 'resolved' | 'rated' | 'escalated' | 'cancelled' | 'merged'

export const OPEN_STATES: readonly TicketState[] = ['new', 'assigned', 'accepted', 'escalated']

export interface Ticket {
  readonly no: number
  /** The chat message it came from: the same message delivered twice makes one ticket. */
  readonly sourceKey: string
  /** The group it came from; null when it came by direct message. */
  readonly roomId: string | null
  readonly requesterId: string
  readonly requesterName: string
  readonly text: string
  readonly category: string
  readonly urgency: Urgency
  readonly fields: Fields
  /** Talk of self-harm among its signs: the answer and the page are about keeping someone safe. */
  readonly selfHarm: boolean
  readonly state: TicketState
  readonly assigneeId: string | null
  /** How many times it has been dispatched: names each dispatch job. */
  readonly dispatchAttempt: number
  /** The dispatch attempt last asked for; above `dispatchAttempt` while one is pending. */
  readonly dispatchWanted: number
  readonly createdAt: number
  readonly assignedAt: number | null
  readonly acceptedAt: number | null
  readonly resolvedAt: number | null
  readonly closedAt: number | null
  readonly rating: number | null
  /** When the current chase (accept, then resolve) started counting; null when nothing is chased. */
  readonly timerSince: number | null
  /** Steps of the current chase already taken (reminders, a reassignment). */
  readonly timerSteps: number
  /** The timer job Redis should hold for this ticket, and when it is due. */
  readonly timerKey: string | null
  readonly timerDue: number | null
}

/** Event types are the contract's (shared/spec/simulation.md); add, never rename. */
export type TicketEventType =
  | 'created'
  | 'assigned'
  | 'reminded'
  | 'accepted'
  | 'handed-back'
  | 'reassigned'
  | 'escalated'
  | 'unassigned'
  | 'resolved'
  | 'rated'
  | 'cancelled'
  | 'merged'
  | 'reopened'
  | 'attachment'
  | 'paged'

export interface TicketEvent {
  readonly ticketNo: number
  readonly at: number
  readonly type: TicketEventType
  readonly by: string | null
  readonly to: string | null
  readonly note: string | null
}

export const isOpen = (t: Pick<Ticket, 'state'>): boolean => OPEN_STATES.includes(t.state)
