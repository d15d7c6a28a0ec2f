import type { Db } from '../db/open-database.js'

/** Where a message goes: a group, or one person by direct message. */
export type Recipient = { readonly room: string } | { readonly contact: string }

/** A message the bot has decided to send. */
export interface Outgoing {
  /** Names this message for good: the same key is never sent twice (`ack-12`, `assign-12-1`). */
  readonly key: string
  readonly to: Recipient
  readonly text: string
  /** Contact ids to @-mention (groups only). */
  readonly mentions?: readonly string[]
  /** A chat message to forward after the text (a resident's photo for the assignee). */
  readonly forwardMessageId?: string
  /** A file to send after the text (the digest's chart). */
  readonly file?: { readonly name: string; readonly data: Buffer }
}

export interface OutboxItem extends Outgoing {
  readonly id: number
  readonly chatId: string
  readonly createdAt: number
}

interface OutboxRow {
  id: number
  key: string
  chat_id: string
  is_room: number
  text: string
  mentions: string
  forward_message_id: string | null
  created_at: number
  file_name: string | null
  file_data: Buffer | null
}

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  key: r.key,
  chatId: r.chat_id,
  to: r.is_room ? { room: r.chat_id } : { contact: r.chat_id },
  text: r.text,
  mentions: JSON.parse(r.mentions) as string[],
  forwardMessageId: r.forward_message_id ?? undefined,
  ...(r.file_name && r.file_data ? { file: { name: r.file_name, data: r.file_data } } : {}),
  createdAt: r.created_at,
})

export const chatOf = (to: Recipient): string => ('room' in to ? to.room : to.contact)

/**
 * The transactional outbox: what to send is written in the same transaction as the change that
 * caused it, so a crash can neither lose a message nor send one for a change that never happened.
 * Redis only carries "send row N"; this table is the truth about what was sent.
 */
export function createOutbox(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO outbox (key, chat_id, is_room, text, mentions, forward_message_id, created_at, file_name, file_data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
    ),
    get: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
    pendingFor: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE chat_id = ? AND sent_at IS NULL ORDER BY id'),
    pending: db.prepare<[], OutboxRow>('SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY id'),
    markSent: db.prepare('UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL'),
  }
  return {
    /** Queues a message; returns its row id, or null if that key was queued before. */
    add(message: Outgoing, at: number): number | null {
      const to = message.to
      const result = q.insert.run(
        message.key,
        chatOf(to),
        'room' in to ? 1 : 0,
        message.text,
        JSON.stringify(message.mentions ?? []),
        message.forwardMessageId ?? null,
        at,
        message.file?.name ?? null,
        message.file?.data ?? null,
      )
      return result.changes === 0 ? null : Number(result.lastInsertRowid)
    },
    get: (id: number): OutboxItem | undefined => {
      const row = q.get.get(id)
      return row && toItem(row)
    },
    /** Unsent messages for one chat, oldest first: the order they must go out in. */
    pendingFor: (chatId: string): OutboxItem[] => q.pendingFor.all(chatId).map(toItem),
    pending: (): OutboxItem[] => q.pending.all().map(toItem),
    markSent(ids: readonly number[], at: number): void {
      db.transaction(() => ids.forEach((id) => q.markSent.run(at, id)))()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
