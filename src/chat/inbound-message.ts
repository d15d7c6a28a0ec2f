/** What the bot sees of a chat message, whatever the account and the puppet. */
export type MessageType = 'text' | 'image' | 'voice' | 'video' | 'file' | 'other'

export interface InboundMessage {
  /** The chat's message id: a message delivered twice has the same id. */
  readonly id: string
  /** The group it was written in; null for a direct message to the bot. */
  readonly roomId: string | null
  /** Who wrote it, by contact id (what the bot trusts) and display name (what people read). */
  readonly fromId: string
  readonly fromName: string
  readonly type: MessageType
  /** The text; for a file, its name; empty for images and voice. */
  readonly text: string
  /** Community time it was received. */
  readonly at: number
}

/** Messages longer than this are cut before anything reads them: no resident writes more. */
export const MAX_TEXT_CHARS = 4000
