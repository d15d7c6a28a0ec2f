import { dayOf } from '../clock.js'
import { buildDigest } from './build-digest.js'
import type { Core, Work } from '../core.js'
import { digestMessages } from '../messages/digest.js'
import type { Recipient } from '../outbound/outbox.js'
import { renderDigestChart } from './render-chart.js'

/** The day whose digest is due at `now`: yesterday from 08:00, the day before until then. */
const DIGEST_HOUR = 8
export const DIGEST_DONE = 'digest_done_for'

export function dueDigestDay(now: number): string {
  return dayOf(now - (DIGEST_HOUR + 24) * 3600_000)
}

/**
 * The digest of `days` days ending with `lastDay`, to one chat: its text in messages of readable
 * length, then the chart as a PNG file.
 */
export function sendDigest(core: Core, work: Work, to: Recipient, lastDay: string, days = 1): void {
  const digest = buildDigest(
    { db: core.db, handlers: core.handlers, nameOf: core.roster.nameOf, community: core.communityName },
    lastDay,
    days,
    work.now,
  )
  for (const text of digestMessages(digest, core.communityName)) work.send(to, text)
  work.send(to, '', { file: { name: `日报-${lastDay}.png`, data: renderDigestChart(digest.chart) } })
}

/**
 * The 08:00 digest, once per day whatever the number of ticks or workers: the record keeps the last
 * day sent, in the step's transaction. A bot that was down at 08:00 sends it when it is back.
 */
export function sendDailyDigest(core: Core, work: Work): 'sent' | 'not-due' {
  const due = dueDigestDay(work.now)
  const done = core.meta.get(DIGEST_DONE)
  if (done !== undefined && done >= due) return 'not-due'
  core.meta.set(DIGEST_DONE, due)
  for (const room of core.roster.coordinatorRooms()) sendDigest(core, work, { room: room.id }, due)
  return 'sent'
}
