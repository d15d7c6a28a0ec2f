import { createClock, formatInstant } from '../clock.js'
import type { Logger } from '../log.js'
import type { SentMessage } from '../outbound/send-pending.js'
import type { QueueSettings } from '../queue/queues.js'
import type { Handler } from '../recognise/handler.js'
import { parseMembers, parseRooms } from '../roster/parse-roster.js'
import type { Ticket, TicketEvent } from '../tickets/types.js'
import { fromChatRoomId, startMockBot, toChatRoomId, type MockBot } from './mock-bot.js'
import type { Scenario } from './scenario.js'

export interface SimulationOptions {
  readonly scenario: Scenario
  readonly databaseFile: string
  readonly queue: QueueSettings
  readonly handlers: readonly Handler[]
  readonly log: Logger
  /** Each line of the transcript, in the order sent, then the summary. */
  readonly print: (line: string) => void
  readonly outboundIntervalMs?: number
}

/** How long, in real ms, the run waits for queues to settle after the end. */
const SETTLE_LIMIT_MS = 15_000

/** Runs a scenario against the whole bot on the community clock (shared/spec/simulation.md). */
export async function runSimulation(options: SimulationOptions): Promise<void> {
  const { scenario, print } = options
  const { setup } = scenario
  const clock = createClock({ communityMs: scenario.startMs, realMs: Date.now(), speed: setup.speed })
  const people = [...setup.members, ...setup.residents].map((p) => ({ id: p.id, name: p.name }))
  const rooms = setup.rooms.map((r) => ({ id: toChatRoomId(r.id), topic: r.topic ?? r.id }))
  // The setup's members and rooms go through the roster import's own parsing, as the spec asks.
  const members = parseMembers(setup.members.map((m, i) => ({ line: i + 1, values: { ...m, grids: m.grids?.map(String) } })))
  const roomEntries = parseRooms(
    setup.rooms.map((r, i) => ({
      line: i + 1,
      values: { id: toChatRoomId(r.id), topic: r.topic, grid: r.grid === undefined ? undefined : String(r.grid), coordinators: r.coordinators ?? false },
    })),
    { requireGrid: false },
  )

  const onSent = (sent: SentMessage) => {
    const to = 'room' in sent.to ? { room: fromChatRoomId(sent.to.room) } : { contact: sent.to.contact }
    const line: Record<string, unknown> = { at: formatInstant(sent.at), to, text: sent.text }
    if (sent.mentions.length) line.mentions = sent.mentions
    if (sent.forwarded) line.forwarded = true
    print(JSON.stringify(line))
  }
  const start = (first: boolean) =>
    startMockBot(
      {
        databaseFile: options.databaseFile,
        queue: options.queue,
        clock,
        log: options.log,
        handlers: options.handlers,
        outboundIntervalMs: options.outboundIntervalMs ?? 1000,
        outboundMergeMaxChars: 600,
        reconcileEveryMinutes: 3,
        people,
        rooms,
        onSent,
      },
      (app) => first && app.core.roster.replace(members, roomEntries),
    )

  let bot: MockBot = await start(true)
  // The community's first second begins once the bot is up: start-up is not community time.
  clock.reanchor(scenario.startMs)
  const anchor = Date.now()
  const untilCommunity = async (at: number) => {
    const wait = clock.toRealMs(scenario.startMs + at * 1000 - clock.now())
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
  for (const event of scenario.events) {
    await untilCommunity(event.at)
    if (event.kind === 'restart') {
      await bot.app.crash()
      bot = await start(false)
      continue
    }
    if (event.kind !== 'message') continue
    bot.community.say({
      from: event.from,
      roomId: event.room === undefined ? null : toChatRoomId(event.room),
      type: event.type,
      text: event.text,
      id: event.id === undefined ? undefined : String(event.id),
    })
  }
  await untilCommunity(scenario.endAt)
  await settle(bot)
  options.log.debug({ realMs: Date.now() - anchor }, 'simulation ran')
  print(JSON.stringify({ summary: summarise(bot) }))
  await bot.app.stop()
}

async function settle(bot: MockBot): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS
  let quiet = 0
  while (quiet < 2 && Date.now() < deadline) {
    quiet = (await bot.app.isIdle()) ? quiet + 1 : 0
    await new Promise((r) => setTimeout(r, 20))
  }
}

function summarise(bot: MockBot) {
  const { tickets } = bot.app.core
  return {
    tickets: tickets.all().map((t: Ticket) => ({
      no: t.no,
      state: t.state,
      kind: 'request',
      category: t.category,
      urgency: t.urgency,
      room: t.roomId === null ? null : fromChatRoomId(t.roomId),
      requester: t.requesterId,
      assignee: t.assigneeId,
      rating: t.rating,
      events: tickets.events(t.no).map((e: TicketEvent) => ({
        at: formatInstant(e.at),
        type: e.type,
        ...(e.by ? { by: e.by } : {}),
        ...(e.to ? { to: e.to } : {}),
        ...(e.note ? { note: e.note } : {}),
      })),
    })),
  }
}
