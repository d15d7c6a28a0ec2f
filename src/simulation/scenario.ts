import { z } from 'zod'
import { parseInstant } from '../clock.js'

/** A scenario of shared/spec/simulation.md, parsed: every problem names its line. */
const person = z.object({ id: z.string().min(1).regex(/^[^@\s]+$/, 'contact ids may not contain @ or spaces'), name: z.string().min(1) })
const setupSchema = z.object({
  start: z.string().refine((s) => parseInstant(s) !== null, 'start must be an ISO 8601 time such as 2026-11-22T21:50:00+08:00'),
  speed: z.number().positive().max(100_000).default(1),
  rooms: z.array(
    z.object({
      id: z.string().min(1),
      topic: z.string().min(1).optional(),
      grid: z.union([z.string(), z.number()]).optional(),
      coordinators: z.boolean().optional(),
      /** Ours, beyond the contract: the buildings of the room's grid, as a roster's rooms file lists them. */
      buildings: z.array(z.string()).optional(),
    }),
  ),
  members: z.array(
    person.extend({
      role: z.string().optional(),
      skills: z.array(z.string()).optional(),
      shift: z.string().optional(),
      grids: z.array(z.union([z.string(), z.number()])).optional(),
    }),
  ),
  residents: z.array(person).default([]),
})
const messageSchema = z.object({
  at: z.number().nonnegative(),
  from: z.string().min(1),
  room: z.string().min(1).optional(),
  text: z.string().optional(),
  id: z.union([z.string().min(1), z.number()]).optional(),
  type: z.enum(['text', 'image', 'voice', 'file']).default('text'),
})
/**
 * Ours, beyond the contract: `"flushRedis": true` also empties the run's Redis keys before the bot
 * comes back, as a Redis without persistence would lose them, to prove the record restores the work.
 */
const restartSchema = z.object({ at: z.number().nonnegative(), restart: z.literal(true), flushRedis: z.boolean().default(false) })
const endSchema = z.object({ at: z.number().nonnegative(), end: z.literal(true) })

export type Setup = z.infer<typeof setupSchema>
export type ScenarioEvent =
  | ({ kind: 'message'; line: number } & z.infer<typeof messageSchema>)
  | { kind: 'restart'; line: number; at: number; flushRedis: boolean }
  | { kind: 'end'; line: number; at: number }

export interface Scenario {
  readonly setup: Setup
  readonly startMs: number
  /** In order of `at`, then of lines. */
  readonly events: readonly ScenarioEvent[]
  /** Community seconds after start when the run ends. */
  readonly endAt: number
}

export class ScenarioError extends Error {
  readonly code = 'ScenarioError'
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')
}

export function parseScenario(text: string): Scenario {
  const lines = text.split(/\r?\n/).map((content, i) => ({ content: content.trim(), line: i + 1 })).filter((l) => l.content)
  const [first, ...rest] = lines
  if (!first) throw new ScenarioError('the scenario is empty: its first line must be {"setup":{…}}')
  const json = (l: { content: string; line: number }): unknown => {
    try {
      return JSON.parse(l.content)
    } catch {
      throw new ScenarioError(`line ${l.line}: not valid JSON`)
    }
  }
  const head = json(first) as { setup?: unknown }
  if (typeof head !== 'object' || head === null || !('setup' in head)) {
    throw new ScenarioError(`line ${first.line}: the first line must be {"setup":{…}}`)
  }
  const setup = setupSchema.safeParse(head.setup)
  if (!setup.success) throw new ScenarioError(`line ${first.line}: setup: ${describe(setup.error)}`)

  const people = new Set([...setup.data.members, ...setup.data.residents].map((p) => p.id))
  const rooms = new Set(setup.data.rooms.map((r) => r.id))
  const events: ScenarioEvent[] = rest.map((l) => {
    const value = json(l) as Record<string, unknown>
    if (value && typeof value === 'object' && 'restart' in value) {
      const e = restartSchema.safeParse(value)
      if (!e.success) throw new ScenarioError(`line ${l.line}: ${describe(e.error)}`)
      return { kind: 'restart', line: l.line, at: e.data.at, flushRedis: e.data.flushRedis }
    }
    if (value && typeof value === 'object' && 'end' in value) {
      const e = endSchema.safeParse(value)
      if (!e.success) throw new ScenarioError(`line ${l.line}: ${describe(e.error)}`)
      return { kind: 'end', line: l.line, at: e.data.at }
    }
    const e = messageSchema.safeParse(value)
    if (!e.success) throw new ScenarioError(`line ${l.line}: ${describe(e.error)}`)
    if (!people.has(e.data.from)) throw new ScenarioError(`line ${l.line}: from "${e.data.from}" is not a member or resident in the setup`)
    if (e.data.room !== undefined && !rooms.has(e.data.room)) throw new ScenarioError(`line ${l.line}: room "${e.data.room}" is not in the setup`)
    if (e.data.type === 'text' && e.data.text === undefined) throw new ScenarioError(`line ${l.line}: a text message needs "text"`)
    return { kind: 'message', line: l.line, ...e.data }
  })
  events.sort((a, b) => a.at - b.at || a.line - b.line)
  const end = events.find((e) => e.kind === 'end')
  const lastAt = events.length ? events[events.length - 1]!.at : 0
  return {
    setup: setup.data,
    startMs: parseInstant(setup.data.start)!,
    events: end ? events.filter((e) => e.at <= end.at && e.kind !== 'end') : events,
    endAt: end ? end.at : lastAt + 3600,
  }
}
