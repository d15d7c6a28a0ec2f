import type { Fields, Urgency } from './types.js'

/** Skills as the roster names them (shared/spec/simulation.md). */
export type Skill = 'doctor' | 'delivery' | 'water' | 'power' | 'police' | 'general'

/**
 * Deadlines in community minutes and how hard the bot chases them; the 52022 practice gives the
 * defaults, `.env` may override any of them (src/timers/deadlines.ts).
 */
export interface Deadlines {
  /** A member must accept within this; each later step of the chase waits this long again. */
  readonly acceptMinutes: number
  /** Reminders to the assignee before the ticket is taken from them. */
  readonly acceptReminders: number
  /** Times an unaccepted ticket moves to the next fitting member before the coordinators are called. */
  readonly reassignments: number
  /** Solved (or, for complex problems, a plan given) within this after acceptance. */
  readonly resolveMinutes: number
  /** Whether the resolve deadline asks for the problem solved or for a plan to solve it. */
  readonly resolveMeans: 'solved' | 'plan'
  /** Reminders to the member once the resolve deadline has passed, before the coordinators are told. */
  readonly resolveReminders: number
  /** The wait after an overdue reminder before the next step. */
  readonly followUpMinutes: number
  /** How long after resolution a resident's rating counts. */
  readonly ratingWindowMinutes: number
  /** When a resident who has not rated is reminded, once (moved out of the night, 22:00–08:00). */
  readonly ratingReminderMinutes: number
}

/** The handler a category no handler claims (one removed since, say) is served by. */
export function fallbackHandler(handlers: readonly Handler[]): Handler {
  return handlers.find((h) => h.fallback) ?? handlers[0]!
}

/**
 * 52022: accept within 5 minutes; one reminder, one move to the next member, then the coordinators.
 * The rating follows the 回访 practice: asked at resolution, counted for 24 hours, reminded once.
 */
export const ACCEPT_52022 = {
  acceptMinutes: 5,
  acceptReminders: 1,
  reassignments: 1,
  ratingWindowMinutes: 24 * 60,
  ratingReminderMinutes: 2 * 60,
} as const

/**
 * Words a handler recognises, each with a weight. Roles:
 * - `topic`: the message is about this category (退烧药, 水压, 电梯).
 * - `ask`: with a topic present, the writer asks for this category's help (有没有 for medicine,
 *   怎么吃 for fever).
 * - `problem`: a reported fault that needs someone to act even when nothing is asked (没水, 停电了).
 * - `urgent`: makes a request of this category urgent (水管爆了).
 * - `fever`: someone has a fever (发烧, 烧到, 有热度), as opposed to an infection or a cough: a
 *   child, a baby, an elderly person or someone with an underlying disease is then urgent.
 */
export interface Signal {
  readonly role: 'topic' | 'ask' | 'problem' | 'urgent' | 'fever'
  readonly weight: number
  readonly words: readonly string[]
}

/** The request as a handler's answer sees it. */
export interface AnswerContext {
  readonly urgency: Urgency
  readonly fields: Fields
}

export interface Handler {
  readonly category: string
  /** The category as people read it in tickets and digests (买药送药). */
  readonly label: string
  /** Who can take it (a roster skill). */
  readonly skill: Skill
  readonly deadlines: Deadlines
  /** When two categories score alike, the higher priority wins (medicine is the physical need). */
  readonly priority: number
  readonly signals: readonly Signal[]
  /** Medicine and supply names reported in `fields.medicines` (also topics of this handler). */
  readonly medicines?: readonly string[]
  /**
   * The medical handler: a stated temperature counts as its topic, symptoms reported without a
   * question are a request for its advice, and an emergency no other category claims comes to it
   * when its strong words (symptoms, infection) are present.
   */
  readonly meansFever?: boolean
  /** An elderly person needing this kind of help is urgent (fever and medicine, per the contract). */
  readonly urgentForVulnerable?: boolean
  /** Where a request lands when no category's words are present. Exactly one handler says so. */
  readonly fallback?: boolean
  /** The standard answer posted in the group, written with the health centre or property office. */
  answer(request: AnswerContext): string
}
