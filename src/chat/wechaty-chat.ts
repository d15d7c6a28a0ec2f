import { FileBox } from 'file-box'
import { WechatyBuilder, types, type Contact, type Message } from 'wechaty'
import type { impls } from 'wechaty-puppet'
import type { Clock } from '../clock.js'
import type { Logger } from '../log.js'
import type { OutboxItem } from '../outbound/outbox.js'
import { MAX_TEXT_CHARS, type InboundMessage, type MessageType } from './inbound-message.js'

/**
 * The only module that speaks Wechaty: it turns chat messages into `InboundMessage` values and sends
 * what the outbound queue holds. Any puppet works behind it (a WeChat or WeCom service, or the mock).
 */
export interface Chat {
  /** Sends one message; throws when the puppet fails, so the outbound job retries it. */
  send(item: Pick<OutboxItem, 'to' | 'text' | 'mentions' | 'forwardMessageId' | 'file'>): Promise<void>
  /** Stops listening: messages that arrive after this are left for the next start to replay. */
  detach(): void
}

const TYPES: Partial<Record<types.Message, MessageType>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Emoticon]: 'image',
  [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video',
  [types.Message.Attachment]: 'file',
}

/** Wechaty replays old messages after a reconnect; ones older than this are history, not requests. */
const STALE_AFTER_SECONDS = 2 * 3600

export async function toInboundMessage(message: Message, clock: Clock): Promise<InboundMessage | null> {
  if (message.self() || message.age() > STALE_AFTER_SECONDS) return null
  const talker = message.talker()
  const room = message.room()
  const type = TYPES[message.type()] ?? 'other'
  const text = type === 'text' || type === 'file' ? message.text().slice(0, MAX_TEXT_CHARS) : ''
  // In a group people know each other by their group nickname; fall back to the WeChat name.
  const fromName = (room ? await room.alias(talker).catch(() => undefined) : undefined) || talker.name() || talker.id
  return { id: message.id, roomId: room?.id ?? null, fromId: talker.id, fromName, type, text, at: clock.now() }
}

export interface ChatOptions {
  /** A puppet instance (the mock), or a puppet's package name (a WeChat or WeCom service). */
  readonly puppet: impls.PuppetInterface | string
  readonly puppetToken?: string
  /** Names the memory card that keeps the login across restarts. */
  readonly name: string
  readonly clock: Clock
  readonly log: Logger
  readonly onMessage: (message: InboundMessage) => Promise<void>
  readonly onLogin?: (userId: string) => void
  /** Returns false when the logout was expected (the bot is stopping). */
  readonly onLogout?: () => unknown
  /** A login QR code to show; `url` is what the code encodes. */
  readonly onScan?: (url: string) => void
}

export function createWechatyChat(options: ChatOptions): Chat & { start(): Promise<void>; stop(): Promise<void> } {
  const { clock, log } = options
  const bot =
    typeof options.puppet === 'string'
      ? WechatyBuilder.build({ name: options.name, puppet: options.puppet as never, puppetOptions: { token: options.puppetToken } })
      : WechatyBuilder.build({ name: options.name, puppet: options.puppet })
  let attached = true
  const listener = async (message: Message) => {
    if (!attached) return
    try {
      const inbound = await toInboundMessage(message, clock)
      if (inbound) await options.onMessage(inbound)
    } catch (error) {
      // The message is not lost: Wechaty replays it after a reconnect, and its id dedupes it.
      log.error({ err: error, messageId: message.id }, 'could not take in a chat message')
    }
  }
  bot.on('message', listener)
  bot.on('login', (user) => {
    log.info({ user: user.id }, 'logged in')
    options.onLogin?.(user.id)
  })
  bot.on('logout', (user) => {
    if (options.onLogout?.() === false) return
    log.warn({ user: user.id }, 'logged out: scan the QR code to log in again')
  })
  bot.on('scan', (url, status) => {
    if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) options.onScan?.(url)
  })
  bot.on('error', (error) => log.error({ err: error }, 'wechaty error'))

  return {
    start: () => bot.start(),
    stop: () => bot.stop(),
    async send({ to, text, mentions = [], forwardMessageId, file }) {
      let target
      if ('room' in to) {
        const room = await bot.Room.find({ id: to.room })
        if (!room) throw new Error(`room ${to.room} is not known to this account`)
        const contacts = (await Promise.all(mentions.map((id) => bot.Contact.find({ id })))).filter((c): c is Contact => c !== undefined)
        if (text) await room.say(text, ...contacts)
        target = room
      } else {
        const contact = await bot.Contact.find({ id: to.contact })
        if (!contact) throw new Error(`contact ${to.contact} is not known to this account`)
        if (text) await contact.say(text)
        target = contact
      }
      // Base64, not a buffer: puppets (the mock, puppet services) serialise the box to pass it on.
      if (file) await target.say(FileBox.fromBase64(file.data.toString('base64'), file.name))
      if (forwardMessageId) {
        // After a restart the original may be gone from the puppet's cache; the text already told them.
        const original = await bot.Message.find({ id: forwardMessageId })
        if (original) await original.forward(target)
      }
    },
    detach() {
      attached = false
      bot.off('message', listener)
    },
  }
}
