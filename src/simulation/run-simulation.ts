import { createClock, formatInstant } from '../clock.js'
import type { MockSay } from '../chat/mock-community.js'
import type { Logger } from '../log.js'
import type { SentMessage } from '../outbound/send-pending.js'
import type { QueueSettings } from '../queue/queues.js'
import type { Handler } from '../recognise/handler.js'
import { parseMembers, parseRooms, RosterError } from '../roster/parse-roster.js'
import type { Ticket, TicketEvent } from '../tickets/types.js'
import { fromChatRoomId, startMockBot, toChatRoomId, type MockBot } from './mock-bot.js'
import { ScenarioError, type Scenario } from './scenario.js'

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
  // The setup's members and rooms go through the roster import's own parsing, as the spec asks; its
  // problems are the scenario's first line's.
  const members = asScenarioProblems('members', () =>
    parseMembers(setup.members.map((m, i) => ({ line: i, values: { ...m, grids: m.grids?.map(String) } }))),
  )
  const roomEntries = asScenarioProblems('rooms', () =>
    parseRooms(
      setup.rooms.map((r, i) => ({
        line: i,
        values: { id: toChatRoomId(r.id), topic: r.topic, grid: r.grid === undefined ? undefined : String(r.grid), coordinators: r.coordinators ?? false },
      })),
      { requireGrid: false },
    ),
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
  // Everything said so far: after a restart Wechaty replays recent messages, as WeChat does after a
  // reconnect, and the bot's record tells the ones it already handled from the ones the crash took.
  const said: MockSay[] = []
  for (const event of scenario.events) {
    await untilCommunity(event.at)
    if (event.kind === 'restart') {
      await bot.app.crash()
      bot = await start(false)
      for (const message of said) bot.community.say(message)
      continue
    }
    if (event.kind !== 'message') continue
    const message: MockSay = {
      from: event.from,
      roomId: event.room === undefined ? null : toChatRoomId(event.room),
      type: event.type,
      text: event.text,
      id: event.id === undefined ? undefined : String(event.id),
    }
    said.push({ ...message, id: bot.community.say(message) })
  }
  await untilCommunity(scenario.endAt)
  await settle(bot)
  options.log.debug({ realMs: Date.now() - anchor }, 'simulation ran')
  print(JSON.stringify({ summary: summarise(bot) }))
  await bot.app.stop()
}

function asScenarioProblems<T>(list: 'members' | 'rooms', parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (!(error instanceof RosterError)) throw error
    const problems = error.problems.map((p) => p.replace(/^line (\d+)/, (_m, i: string) => `setup.${list}[${i}]`))
    throw new ScenarioError(`line 1: ${problems.join('; ')}`)
  }
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
