import type { Db } from '../db/open-database.js'
import type { InboundMessage } from '../chat/inbound-message.js'

/** What intake remembers: which messages it has handled (and how), and the offers it kept. */
export function createIntakeStore<Outcome extends string>(db: Db) {
  const q = {
    seen: db.prepare<[string], { outcome: Outcome }>('SELECT outcome FROM inbound_seen WHERE message_id = ?'),
    markSeen: db.prepare('INSERT INTO inbound_seen (message_id, at, outcome) VALUES (?, ?, ?)'),
    addOffer: db.prepare(
      'INSERT INTO offers (source_key, room_id, from_id, from_name, text, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
  }
  return {
    outcomeOf: (messageId: string): Outcome | undefined => q.seen.get(messageId)?.outcome,
    markSeen: (messageId: string, at: number, outcome: Outcome): void => void q.markSeen.run(messageId, at, outcome),
    /** Kept for matching with medicine requests (有多余的布洛芬). */
    addOffer: (m: InboundMessage, at: number): void => void q.addOffer.run(m.id, m.roomId, m.fromId, m.fromName, m.text, at),
  }
}
