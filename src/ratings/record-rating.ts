import type { Core, Work } from '../core.js'
import { tellCoordinators } from '../dispatch/dispatch-ticket.js'
import * as coordinatorText from '../messages/coordinator.js'
import { storyOf } from '../messages/labels.js'
import * as residentText from '../messages/resident.js'
import { formatClockTime } from '../clock.js'
import { parseRating } from './parse-rating.js'

/** Ratings given this long after the window still get a polite answer; later, the words are just words. */
const LATE_ANSWER_MS = 7 * 24 * 3600_000

/**
 * A resident's short message after their ticket was resolved may be its rating. Within the window it
 * is recorded (1–2 tells the coordinators the ticket's story); after it, the resident is thanked and
 * told it does not count. Returns false when the message is no rating, or there is nothing to rate.
 */
export function takeRating(core: Core, work: Work, resident: { id: string; roomId: string | null }, text: string): boolean {
  const ticket = core.tickets.awaitingRating(resident.id)
  if (!ticket || ticket.resolvedAt === null) return false
  const rating = parseRating(text)
  if (rating === null) return false
  const reply = (message: string) =>
    resident.roomId ? work.send({ room: resident.roomId }, message, { mentions: [resident.id] }) : work.send({ contact: resident.id }, message)
  const handler = core.handler(ticket.category)
  const age = work.now - ticket.resolvedAt
  if (age > handler.deadlines.ratingWindowMinutes * 60_000) {
    if (age > LATE_ANSWER_MS) return false
    reply(residentText.lateRating(ticket.no))
    return true
  }
  const rated = core.tickets.change(ticket.no, { state: 'rated', rating }, { at: work.now, type: 'rated', by: resident.id, note: String(rating) })
  reply(residentText.ratedThanks(ticket.no, rating))
  if (rating <= 2) {
    // The coordinators read the member's own words on what was done.
    const story = storyOf(core.tickets.events(ticket.no), core.roster.nameOf).map(
      ({ at, what, event }) => `${formatClockTime(at)} ${what}${event.type === 'resolved' && event.note ? `：${event.note}` : ''}`,
    )
    const room = core.roster.room(rated.roomId)
    tellCoordinators(core, work, coordinatorText.lowRating(rated, handler, room?.topic ?? null, rating, story))
  }
  return true
}
