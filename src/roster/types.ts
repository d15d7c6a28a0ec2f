import type { Skill } from '../recognise/handler.js'

export type { Skill }
export const SKILLS: readonly Skill[] = ['doctor', 'delivery', 'water', 'power', 'police', 'general']

/** 白班 08:00–20:00, 晚班 20:00–08:00, 全天 around the clock, all in Asia/Shanghai. */
export type Shift = '白班' | '晚班' | '全天'
export type Role = 'member' | 'coordinator'
/** `*` covers every grid. */
export const EVERY_GRID = '*'

export interface Member {
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly skills: readonly Skill[]
  readonly grids: readonly string[]
  readonly shift: Shift
  /** Order in the roster file: the last tie-break. */
  readonly position: number
  /** Set by 值班 / 下班 until the next shift change. */
  readonly dutyOverride: 'on' | 'off' | null
  readonly overrideUntil: number | null
  readonly lastAssignedAt: number | null
}

export interface Room {
  readonly id: string
  readonly topic: string
  /** The grid this group serves; the coordinators' group has none. */
  readonly grid: string | null
  readonly coordinators: boolean
  readonly position: number
  /** The buildings of this group's grid, as written (5栋, 2期3号楼): a request's building finds its grid. */
  readonly buildings: readonly string[]
}

/** What a roster import (CSV, or a simulation's setup) provides; live state is kept by the store. */
export type MemberEntry = Pick<Member, 'id' | 'name' | 'role' | 'skills' | 'grids' | 'shift'>
export type RoomEntry = Pick<Room, 'id' | 'topic' | 'grid' | 'coordinators'> & { readonly buildings?: readonly string[] }
