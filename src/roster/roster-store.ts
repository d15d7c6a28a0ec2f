import type { Db } from '../db/open-database.js'
import { buildingKey } from '../privacy/building.js'
import type { Member, MemberEntry, Room, RoomEntry, Shift, Skill } from './types.js'

interface MemberRow {
  id: string
  name: string
  role: Member['role']
  skills: string
  grids: string
  shift: Shift
  position: number
  duty_override: 'on' | 'off' | null
  override_until: number | null
  last_assigned_at: number | null
}

interface RoomRow {
  id: string
  topic: string
  grid: string | null
  coordinators: number
  position: number
  buildings: string
}

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  name: r.name,
  role: r.role,
  skills: JSON.parse(r.skills) as Skill[],
  grids: JSON.parse(r.grids) as string[],
  shift: r.shift,
  position: r.position,
  dutyOverride: r.duty_override,
  overrideUntil: r.override_until,
  lastAssignedAt: r.last_assigned_at,
})

const toRoom = (r: RoomRow): Room => ({ ...r, coordinators: r.coordinators === 1, buildings: JSON.parse(r.buildings) as string[] })

/** Members and rooms as the record holds them. Roles come from here, by contact id, never by name. */
export function createRosterStore(db: Db) {
  const q = {
    members: db.prepare<[], MemberRow>('SELECT * FROM members WHERE active = 1 ORDER BY position'),
    member: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ? AND active = 1'),
    anyMember: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ?'),
    rooms: db.prepare<[], RoomRow>('SELECT * FROM rooms ORDER BY position'),
    room: db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE id = ?'),
    upsertMember: db.prepare(
      `INSERT INTO members (id, name, role, skills, grids, shift, position, active)
       VALUES (@id, @name, @role, @skills, @grids, @shift, @position, 1)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, skills = excluded.skills,
         grids = excluded.grids, shift = excluded.shift, position = excluded.position, active = 1`,
    ),
    deactivateMembers: db.prepare('UPDATE members SET active = 0'),
    deleteRooms: db.prepare('DELETE FROM rooms'),
    insertRoom: db.prepare(
      'INSERT INTO rooms (id, topic, grid, coordinators, position, buildings) VALUES (@id, @topic, @grid, @coordinators, @position, @buildings)',
    ),
    setOverride: db.prepare('UPDATE members SET duty_override = ?, override_until = ? WHERE id = ?'),
    markAssigned: db.prepare('UPDATE members SET last_assigned_at = ? WHERE id = ?'),
  }

  return {
    members: (): Member[] => q.members.all().map(toMember),
    member: (id: string): Member | undefined => {
      const row = q.member.get(id)
      return row && toMember(row)
    },
    /** A member's name even after they left the roster, for old tickets' stories. */
    nameOf: (id: string): string => q.anyMember.get(id)?.name ?? id,
    rooms: (): Room[] => q.rooms.all().map(toRoom),
    /** A group by id; none for null (a direct message's ticket has no group). */
    room: (id: string | null): Room | undefined => {
      if (id === null) return undefined
      const row = q.room.get(id)
      return row && toRoom(row)
    },
    coordinatorRooms: (): Room[] => q.rooms.all().map(toRoom).filter((r) => r.coordinators),
    /** The grid a building belongs to, by the rooms that list it; undefined when none does. */
    gridOfBuilding(building: string | undefined): string | undefined {
      if (!building) return undefined
      const key = buildingKey(building)
      return q.rooms
        .all()
        .map(toRoom)
        .find((r) => r.grid && r.buildings.some((b) => buildingKey(b) === key))?.grid ?? undefined
    },
    isEmpty: (): boolean => q.members.all().length === 0 && q.rooms.all().length === 0,

    /**
     * Replaces the roster with a coordinator's file in one transaction. Members who stay keep their
     * live state (overrides, last assignment); members who left are kept inactive so old tickets
     * still name them.
     */
    replace(members: readonly MemberEntry[], rooms: readonly RoomEntry[]): void {
      db.transaction(() => {
        q.deactivateMembers.run()
        members.forEach((m, position) =>
          q.upsertMember.run({
            id: m.id,
            name: m.name,
            role: m.role,
            skills: JSON.stringify(m.skills),
            grids: JSON.stringify(m.grids),
            shift: m.shift,
            position,
          }),
        )
        q.deleteRooms.run()
        rooms.forEach((r, position) =>
          q.insertRoom.run({
            id: r.id,
            topic: r.topic,
            grid: r.grid,
            coordinators: r.coordinators ? 1 : 0,
            position,
            buildings: JSON.stringify(r.buildings ?? []),
          }),
        )
      })()
    },
    setDutyOverride(id: string, override: 'on' | 'off', until: number): void {
      q.setOverride.run(override, until, id)
    },
    markAssigned(id: string, at: number): void {
      q.markAssigned.run(at, id)
    },
  }
}

export type RosterStore = ReturnType<typeof createRosterStore>
