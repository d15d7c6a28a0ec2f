import { FileBox } from 'file-box'
import { types } from 'wechaty'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import type { MessageType } from './inbound-message.js'

export interface MockPerson {
  readonly id: string
  readonly name: string
}
export interface MockRoom {
  /** A WeChat room id: it must contain `@` (the mock routes sends by that). */
  readonly id: string
  readonly topic: string
  readonly memberIds: readonly string[]
}

/** A message a person writes: text, or a photo, voice note or file as WeChat would show it. */
export interface MockSay {
  readonly from: string
  /** The group, or null for a direct message to the bot. */
  readonly roomId: string | null
  readonly type?: MessageType
  readonly text?: string
  /** The chat's message id; saying the same id again delivers the same message twice. */
  readonly id?: string
}

/** A message from the bot as delivered: to a group (with Wechaty's `@name ` prefix) or one person. */
export interface Heard {
  readonly roomId: string | null
  readonly contactId: string | null
  readonly text: string
}

const FILE_NAMES: Partial<Record<MessageType, string>> = { image: 'photo.jpg', voice: 'voice.silk', video: 'clip.mp4' }

/**
 * A community of people and groups on Wechaty's mock puppet: what the terminal community, the
 * simulation and the tests talk to the bot through, exactly as WeChat would deliver their messages.
 */
export function createMockCommunity(options: { bot: MockPerson; people: readonly MockPerson[]; rooms: readonly MockRoom[] }) {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const botContact = mocker.createContact({ id: options.bot.id, name: options.bot.name })
  const contacts = new Map(options.people.map((p) => [p.id, mocker.createContact({ id: p.id, name: p.name })]))
  for (const room of options.rooms) {
    mocker.createRoom({ id: room.id, topic: room.topic, memberIdList: [options.bot.id, ...room.memberIds] })
  }
  let counter = 0
  const hearers: ((heard: Heard) => void)[] = []
  // What people in the community see the bot say, as the mock delivers it (the bot hears itself).
  botContact.on('message', (message) => {
    if (message.talker().id !== options.bot.id) return
    const heard: Heard = { roomId: message.room()?.id ?? null, contactId: message.listener()?.id ?? null, text: message.text() ?? '' }
    for (const hear of hearers) hear(heard)
  })

  return {
    puppet,
    botId: options.bot.id,
    /** Call after `bot.start()`; the mock logs in only when told to. */
    login: () => mocker.login(botContact),
    /** Calls `hear` with every message the bot sends, as its recipients get it. */
    onBotSays: (hear: (heard: Heard) => void) => void hearers.push(hear),
    /** Delivers one message to the bot, as the puppet would. */
    say(message: MockSay): string {
      const talker = contacts.get(message.from)
      if (!talker) throw new Error(`no one with id ${message.from} in this community`)
      const id = message.id ?? `m${++counter}-${Date.now().toString(36)}`
      const known = mocker.cacheMessagePayload.has(id)
      if (!known) {
        const type = message.type ?? 'text'
        const payload = {
          id,
          talkerId: talker.id,
          timestamp: Date.now(),
          type: types.Message.Text,
          text: message.text ?? '',
          ...(message.roomId ? { roomId: message.roomId, mentionIdList: [] } : { listenerId: options.bot.id }),
        }
        if (type !== 'text') {
          const name = type === 'file' ? message.text || 'file.pdf' : FILE_NAMES[type] ?? 'unknown.bin'
          mocker.cacheFileBoxPayload.set(id, FileBox.fromBase64(Buffer.from('mock').toString('base64'), name).toJSON())
          payload.type = MEDIA_TYPES[type]
          payload.text = type === 'file' ? name : ''
        }
        mocker.MessageMock.create(payload)
      }
      // The same id again is the same message delivered twice, as WeChat does after a reconnect.
      mocker.puppet.emit('message', { messageId: id })
      return id
    },
  }
}

const MEDIA_TYPES: Record<MessageType, types.Message> = {
  text: types.Message.Text,
  image: types.Message.Image,
  voice: types.Message.Audio,
  video: types.Message.Video,
  file: types.Message.Attachment,
  other: types.Message.Unknown,
}

export type MockCommunity = ReturnType<typeof createMockCommunity>
