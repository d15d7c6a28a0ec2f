import type { Db } from '../db/open-database.js'
import type { Fields, Urgency } from '../recognise/types.js'
import { OPEN_STATES, type Ticket, type TicketEvent, type TicketEventType, type TicketState } from './types.js'

interface TicketRow {
  no: number
  source_key: string
  room_id: string | null
  requester_id: string
  requester_name: string
  text: string
  category: string
  urgency: Urgency
  fields: string
  state: TicketState
  assignee_id: string | null
  dispatch_attempt: number
  dispatch_wanted: number
  created_at: number
  assigned_at: number | null
  accepted_at: number | null
  resolved_at: number | null
  closed_at: number | null
  rating: number | null
  timer_since: number | null
  timer_steps: number
  timer_key: string | null
  timer_due: number | null
  self_harm: 0 | 1
}

interface EventRow {
  ticket_no: number
  at: number
  type: TicketEventType
  by_id: string | null
  to_id: string | null
  note: string | null
}

const toTicket = (r: TicketRow): Ticket => ({
  no: r.no,
  sourceKey: r.source_key,
  roomId: r.room_id,
  requesterId: r.requester_id,
  requesterName: r.requester_name,
  text: r.text,
  category: r.category,
  urgency: r.urgency,
  fields: JSON.parse(r.fields) as Fields,
  state: r.state,
  assigneeId: r.assignee_id,
  dispatchAttempt: r.dispatch_attempt,
  dispatchWanted: r.dispatch_wanted,
  createdAt: r.created_at,
  assignedAt: r.assigned_at,
  acceptedAt: r.accepted_at,
  resolvedAt: r.resolved_at,
  closedAt: r.closed_at,
  rating: r.rating,
  timerSince: r.timer_since,
  timerSteps: r.timer_steps,
  timerKey: r.timer_key,
  timerDue: r.timer_due,
  selfHarm: r.self_harm === 1,
})

const toEvent = (r: EventRow): TicketEvent => ({
  ticketNo: r.ticket_no,
  at: r.at,
  type: r.type,
  by: r.by_id,
  to: r.to_id,
  note: r.note,
})

/** What a message gives a new ticket; the store sets its number, state and times. */
export type NewTicket = Pick<Ticket, 'sourceKey' | 'roomId' | 'requesterId' | 'requesterName' | 'text' | 'category' | 'urgency' | 'fields' | 'selfHarm'> & {
  readonly at: number
  /** The grid and the building (one spelling, see buildingKey) it came from, for the digest. */
  readonly grid: string | null
  readonly building: string | null
}

/** The columns a state change may set, besides the state itself. */
export interface TicketChange {
  readonly state?: TicketState
  readonly assigneeId?: string | null
  readonly dispatchAttempt?: number
  readonly assignedAt?: number
  readonly acceptedAt?: number | null
  readonly resolvedAt?: number | null
  readonly closedAt?: number | null
  readonly rating?: number | null
  /**
   * A change to `assigned`, `accepted` or `resolved` starts a new chase counting from the event (the
   * accept deadline, the resolve deadline, the rating reminder) unless these are given: a timer's own
   * step passes them to carry the chase on.
   */
  readonly timerSince?: number | null
  readonly timerSteps?: number
}

const OPEN_LIST = OPEN_STATES.map((s) => `'${s}'`).join(', ')
const COLUMNS: Record<keyof TicketChange, string> = {
  state: 'state',
  assigneeId: 'assignee_id',
  dispatchAttempt: 'dispatch_attempt',
  assignedAt: 'assigned_at',
  acceptedAt: 'accepted_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  rating: 'rating',
  timerSince: 'timer_since',
  timerSteps: 'timer_steps',
}

/**
 * Tickets and their event log. Every state change goes through `change`, which writes the event row
 * in the same statement batch: callers run it inside the transaction that also queues what to send.
 */
export function createTicketStore(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO tickets (source_key, room_id, requester_id, requester_name, text, category, urgency, fields, self_harm, state, created_at, grid, building)
       VALUES (@sourceKey, @roomId, @requesterId, @requesterName, @text, @category, @urgency, @fields, @selfHarm, 'new', @at, @grid, @building)
       ON CONFLICT (source_key) DO NOTHING`,
    ),
    byNo: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE no = ?'),
    bySource: db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE source_key = ?'),
    openByAssignee: db.prepare<[string], TicketRow>(
      `SELECT * FROM tickets WHERE assignee_id = ? AND state IN (${OPEN_LIST}) ORDER BY no`,
    ),
    openByRequester: db.prepare<[string], TicketRow>(
      `SELECT * FROM tickets WHERE requester_id = ? AND state IN (${OPEN_LIST}) ORDER BY no DESC`,
    ),
    awaitingRating: db.prepare<[string], TicketRow>(
      "SELECT * FROM tickets WHERE requester_id = ? AND state = 'resolved' ORDER BY resolved_at DESC LIMIT 1",
    ),
    latestByRequester: db.prepare<[string], TicketRow>(
      'SELECT * FROM tickets WHERE requester_id = ? ORDER BY no DESC LIMIT 1',
    ),
    open: db.prepare<[], TicketRow>(`SELECT * FROM tickets WHERE state IN (${OPEN_LIST}) ORDER BY no`),
    all: db.prepare<[], TicketRow>('SELECT * FROM tickets ORDER BY no'),
    openCounts: db.prepare<[], { assignee_id: string; n: number }>(
      `SELECT assignee_id, COUNT(*) AS n FROM tickets WHERE state IN (${OPEN_LIST}) AND assignee_id IS NOT NULL GROUP BY assignee_id`,
    ),
    addEvent: db.prepare(
      'INSERT INTO ticket_events (ticket_no, at, type, by_id, to_id, note) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    events: db.prepare<[number], EventRow>('SELECT * FROM ticket_events WHERE ticket_no = ? ORDER BY id'),
    wantDispatch: db.prepare('UPDATE tickets SET dispatch_wanted = MAX(dispatch_wanted, ?) WHERE no = ?'),
    awaitingDispatch: db.prepare<[], TicketRow>(
      "SELECT * FROM tickets WHERE state = 'new' AND dispatch_wanted > dispatch_attempt ORDER BY no",
    ),
    setTimer: db.prepare('UPDATE tickets SET timer_key = ?, timer_due = ? WHERE no = ?'),
    withTimer: db.prepare<[], { no: number; timer_key: string; timer_due: number }>(
      'SELECT no, timer_key, timer_due FROM tickets WHERE timer_key IS NOT NULL ORDER BY no',
    ),
  }
  /** Tickets changed since the last `takeChanged`: their timers are planned again when the step commits. */
  const changed = new Set<number>()

  const updates = new Map<string, ReturnType<Db['prepare']>>()
  const update = (sets: string) => {
    let statement = updates.get(sets)
    if (!statement) updates.set(sets, (statement = db.prepare(`UPDATE tickets SET ${sets} WHERE no = @no`)))
    return statement
  }

  const store = {
    /** Creates the ticket for a message, or returns null when that message already made one. */
    create(t: NewTicket): Ticket | null {
      const result = q.insert.run({ ...t, fields: JSON.stringify(t.fields), selfHarm: t.selfHarm ? 1 : 0 })
      if (result.changes === 0) return null
      const ticket = store.get(Number(result.lastInsertRowid))!
      store.addEvent(ticket.no, t.at, 'created', t.requesterId, null, null)
      return ticket
    },
    get: (no: number): Ticket | undefined => {
      const row = q.byNo.get(no)
      return row && toTicket(row)
    },
    bySource: (key: string): Ticket | undefined => {
      const row = q.bySource.get(key)
      return row && toTicket(row)
    },
    openAssignedTo: (memberId: string): Ticket[] => q.openByAssignee.all(memberId).map(toTicket),
    openRequestedBy: (contactId: string): Ticket[] => q.openByRequester.all(contactId).map(toTicket),
    latestRequestedBy: (contactId: string): Ticket | undefined => {
      const row = q.latestByRequester.get(contactId)
      return row && toTicket(row)
    },
    open: (): Ticket[] => q.open.all().map(toTicket),
    /** The resident's most recently resolved ticket not yet rated (a redone one may carry its old rating). */
    awaitingRating: (contactId: string): Ticket | undefined => {
      const row = q.awaitingRating.get(contactId)
      return row && toTicket(row)
    },
    all: (): Ticket[] => q.all.all().map(toTicket),
    /** Open tickets per assignee, for balancing the load. */
    openCounts(): Map<string, number> {
      return new Map(q.openCounts.all().map((r) => [r.assignee_id, r.n]))
    },
    events: (no: number): TicketEvent[] => q.events.all(no).map(toEvent),
    /** Records that dispatch `attempt` is wanted, in the transaction that wants it, for the reconciler. */
    wantDispatch: (no: number, attempt: number): void => void q.wantDispatch.run(attempt, no),
    /** Tickets whose wanted dispatch has not run: its job was lost, or is stuck behind a crash. */
    awaitingDispatch: (): Ticket[] => q.awaitingDispatch.all().map(toTicket),

    addEvent(no: number, at: number, type: TicketEventType, by: string | null, to: string | null, note: string | null): void {
      q.addEvent.run(no, at, type, by, to, note)
      changed.add(no)
    },
    /** The tickets changed since the last call; runWork plans their timers before it commits. */
    takeChanged(): number[] {
      const nos = [...changed]
      changed.clear()
      return nos
    },
    /** Records the timer job Redis should hold for a ticket (or none). */
    setTimer: (no: number, key: string | null, dueAt: number | null): void => void q.setTimer.run(key, dueAt, no),
    /** Every ticket with a pending timer: what the reconciler checks Redis against. */
    withTimer: (): { no: number; key: string; dueAt: number }[] =>
      q.withTimer.all().map((r) => ({ no: r.no, key: r.timer_key, dueAt: r.timer_due })),

    /** Applies a change and records the event that explains it. Returns the ticket as it now is. */
    change(
      no: number,
      change: TicketChange,
      /** null only for bookkeeping no one needs to read about (a dispatch that changed nothing). */
      event: { at: number; type: TicketEventType; by?: string | null; to?: string | null; note?: string | null } | null,
    ): Ticket {
      const startsChase =
        (change.state === 'assigned' || change.state === 'accepted' || change.state === 'resolved') &&
        change.timerSince === undefined &&
        change.timerSteps === undefined
      if (startsChase) {
        if (!event) throw new Error(`ticket ${no}: a change of state needs the event that explains it`)
        change = { ...change, timerSince: event.at, timerSteps: 0 }
      }
      else if (change.state !== undefined && change.timerSince === undefined) change = { ...change, timerSince: null, timerSteps: 0 }
      const entries = Object.entries(change) as [keyof TicketChange, unknown][]
      if (entries.length > 0) {
        const sets = entries.map(([key]) => `${COLUMNS[key]} = @${key}`).join(', ')
        update(sets).run({ ...change, no })
      }
      if (event) store.addEvent(no, event.at, event.type, event.by ?? null, event.to ?? null, event.note ?? null)
      changed.add(no)
      return store.get(no)!
    },
  }
  return store
}

export type TicketStore = ReturnType<typeof createTicketStore>
