import type { Chat } from '../chat/wechaty-chat.js'
import type { Core } from '../core.js'
import type { OutboxItem } from './outbox.js'

/** What was sent, and when it was handed to the puppet (community time): for the simulation's transcript and the terminal community. */
export interface SentMessage {
  readonly at: number
  readonly to: OutboxItem['to']
  readonly text: string
  readonly mentions: readonly string[]
  readonly forwarded: boolean
  /** The name of a file sent after the text. */
  readonly file?: string
}

/**
 * Messages for one chat that queued up while the account was pacing are merged into one, up to
 * `maxChars`: every message costs the account, and people read one message more easily than three.
 * A forward stays on its own, since it carries something other than text.
 */
export function takeBatch(pending: readonly OutboxItem[], maxChars: number): OutboxItem[] {
  const [first, ...rest] = pending
  if (!first) return []
  const batch = [first]
  let length = first.text.length
  for (const next of rest) {
    const last = batch.at(-1)!
    if (last.forwardMessageId || next.forwardMessageId || last.file || next.file || length + next.text.length + 2 > maxChars) break
    batch.push(next)
    length += next.text.length + 2
  }
  return batch
}

/**
 * Paces sends: at most one message per `intervalMs` of community time, across every chat. Resolves
 * with the community instant the send may happen at, so what is recorded is what was paced.
 */
export function createPacer(core: Core, intervalMs: number): () => Promise<number> {
  let last = -Infinity
  return async () => {
    // A timer may fire a millisecond early; never let that make a send early.
    for (let left = intervalMs - (core.clock.now() - last); left > 0; left = intervalMs - (core.clock.now() - last)) {
      await new Promise((r) => setTimeout(r, core.clock.toRealMs(left)))
    }
    last = core.clock.now()
    return last
  }
}

/**
 * Sends the oldest unsent messages of one chat. Always oldest first, so a failed send holds back the
 * ones after it in that chat (order kept) and its retry goes out first; rows are marked sent only
 * after the puppet took them, so nothing is dropped.
 */
export async function sendPending(
  core: Core,
  chat: Chat,
  chatId: string,
  options: { pace: () => Promise<number>; maxChars: number; onSent?: (sent: SentMessage) => void },
): Promise<number> {
  const batch = takeBatch(core.outbox.pendingFor(chatId), options.maxChars)
  const first = batch[0]
  if (!first) return 0
  const text = batch.map((m) => m.text).join('\n\n')
  const mentions = [...new Set(batch.flatMap((m) => m.mentions ?? []))]
  const at = await options.pace()
  await chat.send({ to: first.to, text, mentions, forwardMessageId: first.forwardMessageId, file: first.file })
  core.outbox.markSent(batch.map((m) => m.id), core.clock.now())
  options.onSent?.({ at, to: first.to, text, mentions, forwarded: first.forwardMessageId !== undefined, ...(first.file ? { file: first.file.name } : {}) })
  return batch.length
}
