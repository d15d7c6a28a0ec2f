import { expect } from 'vitest'
import { runScript } from './run-script.js'

/** A line of scripts/simulate.ts's transcript, with its community time in epoch ms. */
export interface Sent {
  readonly at: number
  readonly to: { readonly room?: string; readonly contact?: string }
  readonly text: string
  readonly mentions?: readonly string[]
}

export interface SummaryEvent {
  readonly at: number
  readonly type: string
  readonly by?: string
  readonly to?: string
  readonly note?: string
}

export interface SummaryTicket {
  readonly no: number
  readonly state: string
  readonly assignee: string | null
  readonly urgency: string
  readonly category: string
  readonly events: readonly SummaryEvent[]
}

export interface Run {
  readonly sent: readonly Sent[]
  readonly tickets: readonly SummaryTicket[]
  /** What one contact received by DM, in order. */
  dmsTo(contact: string): Sent[]
  /** What was said in one group, in order. */
  saidIn(room: string): Sent[]
  ticket(no: number): SummaryTicket
}

const MINUTE = 60_000
export const minutes = (n: number): number => n * MINUTE

/** Community time `seconds` after the scenario's start. */
export const after = (start: string, seconds: number): number => Date.parse(start) + seconds * 1000

/**
 * Runs a scenario through scripts/simulate.ts as a process, exactly as the contract describes, and
 * parses what it printed. Fails the test with the simulation's stderr when it does not exit 0.
 */
export async function simulate(setup: object, events: readonly object[]): Promise<Run> {
  const input = [{ setup }, ...events].map((e) => JSON.stringify(e)).join('\n') + '\n'
  const { lines, code, stderr } = await runScript('scripts/simulate.ts', input, [], { REDIS_URL: '' })
  expect(code, stderr).toBe(0)
  const sent = lines.slice(0, -1).map((l) => {
    const line = JSON.parse(l) as Omit<Sent, 'at'> & { at: string }
    return { ...line, at: Date.parse(line.at) }
  })
  const { summary } = JSON.parse(lines.at(-1)!) as { summary: { tickets: (Omit<SummaryTicket, 'events'> & { events: (Omit<SummaryEvent, 'at'> & { at: string })[] })[] } }
  const tickets = summary.tickets.map((t) => ({ ...t, events: t.events.map((e) => ({ ...e, at: Date.parse(e.at) })) }))
  return {
    sent,
    tickets,
    dmsTo: (contact) => sent.filter((s) => s.to.contact === contact),
    saidIn: (room) => sent.filter((s) => s.to.room === room),
    ticket: (no) => {
      const t = tickets.find((x) => x.no === no)
      if (!t) throw new Error(`no ticket #${no} in the summary: ${JSON.stringify(tickets)}`)
      return t
    },
  }
}

/** The first event of a type (after `from`, if given), failing clearly when there is none. */
export function eventOf(ticket: SummaryTicket, type: string, from = 0): SummaryEvent {
  const e = ticket.events.find((x) => x.type === type && x.at >= from)
  if (!e) throw new Error(`ticket #${ticket.no} has no '${type}' event: ${ticket.events.map((x) => x.type).join(', ')}`)
  return e
}
