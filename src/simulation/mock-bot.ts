import { createApp, type App, type AppOptions } from '../app.js'
import { createMockCommunity, type MockCommunity, type MockPerson } from '../chat/mock-community.js'


export interface MockBot {
  readonly app: App
  readonly community: MockCommunity
}

export interface MockBotOptions extends Omit<AppOptions, 'chat'> {
  readonly people: readonly MockPerson[]
  /** Chat room ids (with `@`) and topics; everyone is in every group. */
  readonly rooms: readonly { id: string; topic: string }[]
}

/**
 * The bot exactly as `npm start` runs it, logged in to a mock community instead of WeChat: the terminal
 * community, `scripts/simulate.ts` and the tests all go through here.
 */
export async function startMockBot(options: MockBotOptions, beforeStart?: (app: App) => void): Promise<MockBot> {
  const memberIds = options.people.map((p) => p.id)
  const community = createMockCommunity({
    bot: { id: 'aixin-bot', name: '爱心专班' },
    people: options.people,
    rooms: options.rooms.map((r) => ({ id: r.id, topic: r.topic, memberIds })),
  })
  const app = createApp({ ...options, chat: { puppet: community.puppet, name: 'aixin-mock' } })
  beforeStart?.(app)
  await app.start()
  const loggedIn = new Promise<void>((resolve) => community.puppet.once('login', () => resolve()))
  community.login()
  await loggedIn
  return { app, community }
}
