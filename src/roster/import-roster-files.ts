import { parseMembers, parseRooms, RosterError } from './parse-roster.js'
import { readRosterCsv } from './read-roster-csv.js'
import type { RosterStore } from './roster-store.js'
import type { MemberEntry, RoomEntry } from './types.js'

/**
 * Imports roster CSV files (members, rooms, or both) in one transaction. Every bad row of every file is
 * reported, prefixed with its file, and then nothing changes. A kind of file not given keeps what the
 * record has.
 */
export function importRosterFiles(files: readonly string[], roster: RosterStore): { members: number; rooms: number } {
  const problems: string[] = []
  let members: MemberEntry[] | undefined
  let rooms: RoomEntry[] | undefined
  for (const file of files) {
    try {
      const { kind, rows } = readRosterCsv(file)
      if (kind === 'members') members = [...(members ?? []), ...parseMembers(rows)]
      else rooms = [...(rooms ?? []), ...parseRooms(rows)]
    } catch (error) {
      if (!(error instanceof RosterError)) throw error
      problems.push(...error.problems.map((p) => (p.startsWith(file) ? p : `${file} ${p}`)))
    }
  }
  if (problems.length) throw new RosterError(problems)
  const nextMembers = members ?? roster.members()
  const nextRooms = rooms ?? roster.rooms()
  roster.replace(nextMembers, nextRooms)
  return { members: nextMembers.length, rooms: nextRooms.length }
}
