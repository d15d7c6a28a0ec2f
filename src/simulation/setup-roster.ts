import { parseMembers, parseRooms, RosterError } from '../roster/parse-roster.js'
import type { MemberEntry, RoomEntry } from '../roster/types.js'
import { toChatRoomId } from './room-ids.js'
import { ScenarioError, type Scenario } from './scenario.js'

/**
 * The setup's members and rooms through the roster import's own parsing, as the spec asks; its
 * problems are the scenario's first line's, named `setup.members[i]`.
 */
export function rosterOf(scenario: Scenario): { members: MemberEntry[]; rooms: RoomEntry[] } {
  const { setup } = scenario
  const members = asScenarioProblems('members', () =>
    parseMembers(setup.members.map((m, i) => ({ line: i, values: { ...m, grids: m.grids?.map(String) } }))),
  )
  const rooms = asScenarioProblems('rooms', () =>
    parseRooms(
      setup.rooms.map((r, i) => ({
        line: i,
        values: {
          id: toChatRoomId(r.id),
          topic: r.topic,
          grid: r.grid === undefined ? undefined : String(r.grid),
          coordinators: r.coordinators ?? false,
          buildings: r.buildings,
        },
      })),
      { requireGrid: false },
    ),
  )
  return { members, rooms }
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
