import type { Skill } from '../recognise/handler.js'
import { isOnDuty } from './on-duty.js'
import { EVERY_GRID, type Member } from './types.js'

export interface PickRequest {
  readonly skill: Skill
  /** The grid of the room the request came from; null (a direct message) fits every member. */
  readonly grid: string | null
  readonly now: number
  /** Members who may not get it (they handed it back). */
  readonly exclude: ReadonlySet<string>
  /** Open tickets per member id. */
  readonly openCount: (memberId: string) => number
}

export function coversGrid(member: Member, grid: string | null): boolean {
  return grid === null || member.grids.includes(EVERY_GRID) || member.grids.includes(grid)
}

/** Every member who could take the request now, best first. */
export function rankMembers(members: readonly Member[], request: PickRequest): Member[] {
  const fitting = members.filter(
    (m) =>
      !request.exclude.has(m.id) &&
      m.skills.includes(request.skill) &&
      coversGrid(m, request.grid) &&
      isOnDuty(m, request.now),
  )
  // The rule in shared/spec/simulation.md: fewest open tickets, then assigned least recently
  // (never assigned counts as longest ago), then roster order.
  return fitting
    .map((m) => ({ m, open: request.openCount(m.id), last: m.lastAssignedAt ?? -Infinity }))
    .sort((a, b) => a.open - b.open || a.last - b.last || a.m.position - b.m.position)
    .map(({ m }) => m)
}

export function pickMember(members: readonly Member[], request: PickRequest): Member | undefined {
  return rankMembers(members, request)[0]
}
