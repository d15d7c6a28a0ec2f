import type { Deadlines, Handler } from '../recognise/handler.js'

/** The deadline settings `.env` may override, as numbers; `resolveMeans` is the handler's own. */
export type DeadlineSetting = Exclude<keyof Deadlines, 'resolveMeans'>

/** `.env` names: `ACCEPT_MINUTES=5` for every handler, `RESOLVE_MINUTES_WATER=1440` for one. */
export const DEADLINE_ENV: Readonly<Record<DeadlineSetting, string>> = {
  acceptMinutes: 'ACCEPT_MINUTES',
  acceptReminders: 'ACCEPT_REMINDERS',
  reassignments: 'REASSIGNMENTS',
  resolveMinutes: 'RESOLVE_MINUTES',
  resolveReminders: 'RESOLVE_REMINDERS',
  followUpMinutes: 'FOLLOW_UP_MINUTES',
  ratingWindowMinutes: 'RATING_WINDOW_MINUTES',
  ratingReminderMinutes: 'RATING_REMINDER_MINUTES',
}

/** Overrides for every handler (`all`) and per category; a category's own setting wins. */
export interface DeadlineOverrides {
  readonly all: Partial<Record<DeadlineSetting, number>>
  readonly byCategory: Readonly<Record<string, Partial<Record<DeadlineSetting, number>>>>
}

/** The handlers with the community's own deadlines in place of the 52022 defaults. */
export function applyDeadlines(handlers: readonly Handler[], overrides: DeadlineOverrides): Handler[] {
  return handlers.map((h) => ({ ...h, deadlines: { ...h.deadlines, ...overrides.all, ...overrides.byCategory[h.category] } }))
}
