import type { MockSay } from '../chat/mock-community.js'
import { createClock, formatInstant } from '../clock.js'
import type { Logger } from '../log.js'
import type { SentMessage } from '../outbound/send-pending.js'
import type { QueueSettings } from '../queue/queues.js'
import type { Handler } from '../recognise/handler.js'
import type { Ticket, TicketEvent } from '../tickets/types.js'
import { startMockBot, type MockBot } from './mock-bot.js'
import { fromChatRoomId, toChatRoomId } from './room-ids.js'
import type { Scenario, ScenarioEvent } from './scenario.js'
import { rosterOf } from './setup-roster.js'

/** One life of the bot in a simulation: from a start or a restart to the next restart or the end. */
export interface SegmentOptions {
  readonly scenario: Scenario
  /** The index in `scenario.events` this life starts at; the first life loads the roster. */
  readonly from: number
  readonly databaseFile: string
  readonly queue: QueueSettings
  readonly handlers: readonly Handler[]
  readonly log: Logger
  /** Each message the bot sends, as a transcript line, then the summary. */
  readonly print: (line: string) => void
  readonly outboundIntervalMs?: number
}

/** How long, in real ms, the run waits for queues to settle after the end. */
const SETTLE_LIMIT_MS = 15_000
const STOP_LIMIT_MS = 5_000

/** A message event's chat id: its own, or one fixed by its line so every life of the bot agrees. */
const messageIdOf = (event: Extract<ScenarioEvent, { kind: 'message' }>) => (event.id === undefined ? `line-${event.line}` : String(event.id))

/**
 * Runs the bot from event `from` until the next restart (returned: the caller crashes the process)
 * or the end (the summary is printed and the bot stopped). The community clock stands still while
 * the bot starts: start-up is not community time, so events and timers keep their community times.
 */
export async function runSegment(options: SegmentOptions): Promise<{ restartAt: number } | { ended: true }> {
  const { scenario, from, print } = options
  const { setup } = scenario
  const restartedAt = from === 0 ? 0 : scenario.events[from - 1]!.at
  const startsAt = scenario.startMs + restartedAt * 1000
  const clock = createClock({ communityMs: startsAt, realMs: Date.now(), speed: setup.speed })
  // Start-up is not community time: at 50,000x a second's boot would skip the 20:00 handover.
  clock.freeze(startsAt)
  const onSent = (sent: SentMessage) => {
    const to = 'room' in sent.to ? { room: fromChatRoomId(sent.to.room) } : { contact: sent.to.contact }
    const line: Record<string, unknown> = { at: formatInstant(sent.at), to, text: sent.text }
    if (sent.mentions.length) line.mentions = sent.mentions
    if (sent.forwarded) line.forwarded = true
    if (sent.file) line.file = sent.file
    print(JSON.stringify(line))
  }
  const roster = from === 0 ? rosterOf(scenario) : null
  const bot: MockBot = await startMockBot(
    {
      databaseFile: options.databaseFile,
      queue: options.queue,
      clock,
      log: options.log,
      handlers: options.handlers,
      outboundIntervalMs: options.outboundIntervalMs ?? 1000,
      outboundMergeMaxChars: 600,
      reconcileEveryMinutes: 3,
      people: [...setup.members, ...setup.residents].map((p) => ({ id: p.id, name: p.name })),
      rooms: setup.rooms.map((r) => ({ id: toChatRoomId(r.id), topic: r.topic ?? r.id })),
      onSent,
    },
    (app) => roster && app.core.roster.replace(roster.members, roster.rooms),
  )
  clock.reanchor(startsAt)
  const untilCommunity = async (at: number) => {
    const wait = clock.toRealMs(scenario.startMs + at * 1000 - clock.now())
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  }
  const say = (event: Extract<ScenarioEvent, { kind: 'message' }>) =>
    bot.community.say({
      from: event.from,
      roomId: event.room === undefined ? null : toChatRoomId(event.room),
      type: event.type,
      text: event.text,
      id: messageIdOf(event),
    } satisfies MockSay)

  // After a restart Wechaty replays recent messages, as WeChat does after a reconnect; the bot's
  // record tells the ones it already handled from the ones the crash took.
  for (const event of scenario.events.slice(0, from)) if (event.kind === 'message') say(event)
  for (let i = from; i < scenario.events.length; i++) {
    const event = scenario.events[i]!
    await untilCommunity(event.at)
    if (event.kind === 'restart') return { restartAt: i }
    if (event.kind === 'message') say(event)
  }
  await untilCommunity(scenario.endAt)
  // The run ends here: timers due later do not fire while it settles.
  await bot.app.quiesce()
  await settle(bot)
  print(JSON.stringify({ summary: summarise(bot) }))
  // The summary is out; a stop that hangs must not hold the run.
  await Promise.race([bot.app.stop(), new Promise((r) => setTimeout(r, STOP_LIMIT_MS).unref())])
  return { ended: true }
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
