import { SKILLS, type MemberEntry, type Role, type RoomEntry, type Shift, type Skill } from './types.js'

/**
 * Turns a roster's rows (from a CSV a coordinator keeps in Excel, or a simulation's setup) into
 * members and rooms. Column names and values may be English or Chinese; every bad row is reported
 * with its line so the coordinator can fix the file, and a file with any bad row imports nothing.
 */
export interface RosterRow {
  /** The line in the source file (or the index in a setup list), for error messages. */
  readonly line: number
  readonly values: Readonly<Record<string, string | readonly string[] | boolean | undefined>>
}

export class RosterError extends Error {
  readonly code = 'RosterError'
  constructor(readonly problems: readonly string[]) {
    super(`the roster was not imported:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

const COLUMN_ALIASES: Record<string, string> = {
  微信id: 'id', 联系人id: 'id', 编号: 'id', 姓名: 'name', 名字: 'name', 角色: 'role', 技能: 'skills',
  网格: 'grids', 负责网格: 'grids', 班次: 'shift', 群id: 'id', 群名: 'topic', 群名称: 'topic',
  协调群: 'coordinators', 是否协调群: 'coordinators', grid: 'grid', 楼栋: 'buildings', 包含楼栋: 'buildings',
}
const ROLE_ALIASES: Record<string, Role> = {
  member: 'member', 成员: 'member', 队员: 'member', 志愿者: 'member', 专班成员: 'member',
  coordinator: 'coordinator', 协调员: 'coordinator', 书记: 'coordinator', 网格长: 'coordinator',
}
const SKILL_ALIASES: Record<string, Skill> = {
  家庭医生: 'doctor', 医生: 'doctor', 送药: 'delivery', 跑腿: 'delivery', 配送: 'delivery', 水: 'water',
  供水: 'water', 水电: 'water', 维修: 'water', 电: 'power', 供电: 'power', 民警: 'police', 警务: 'police',
  综合: 'general', 通用: 'general', 其他: 'general',
}
const SHIFT_ALIASES: Record<string, Shift> = {
  白班: '白班', day: '白班', 晚班: '晚班', 夜班: '晚班', night: '晚班', 全天: '全天', all: '全天', '24h': '全天',
}
const YES = new Set(['1', 'true', 'yes', 'y', '是', '√', '✓'])
const NO = new Set(['', '0', 'false', 'no', 'n', '否'])
const LIST_SEPARATORS = /[\s,，;；、|/]+/

/** Normalises a header cell: trims, drops a BOM, lower-cases, and maps Chinese names to ours. */
export function columnName(header: string): string {
  const name = header.replace(/^\uFEFF/, '').trim().toLowerCase()
  return COLUMN_ALIASES[name] ?? name
}

function list(value: RosterRow['values'][string]): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean)
  if (typeof value !== 'string') return []
  return value.split(LIST_SEPARATORS).filter(Boolean)
}

function text(value: RosterRow['values'][string]): string {
  return typeof value === 'string' ? value.trim() : ''
}

export function parseMembers(rows: readonly RosterRow[]): MemberEntry[] {
  const problems: string[] = []
  const seen = new Set<string>()
  const members: MemberEntry[] = []
  for (const { line, values } of rows) {
    const at = `line ${line}`
    const id = text(values.id)
    const name = text(values.name)
    const roleText = text(values.role).toLowerCase() || 'member'
    const role = ROLE_ALIASES[roleText]
    const skills = list(values.skills).map((s) => (SKILLS as readonly string[]).includes(s.toLowerCase()) ? (s.toLowerCase() as Skill) : SKILL_ALIASES[s])
    const shiftText = text(values.shift).toLowerCase() || '全天'
    const shift = SHIFT_ALIASES[shiftText]
    const rowProblems: string[] = []
    if (!id) rowProblems.push(`${at}: the id is empty (the member's WeChat contact id)`)
    else if (/[@\s]/.test(id)) rowProblems.push(`${at}: the id "${id}" looks like a group id or has spaces`)
    else if (seen.has(id)) rowProblems.push(`${at}: the id "${id}" appears twice`)
    if (!name) rowProblems.push(`${at}: the name is empty`)
    if (!role) rowProblems.push(`${at}: the role "${roleText}" is not member or coordinator (成员 / 协调员)`)
    const badSkills = list(values.skills).filter((_, i) => skills[i] === undefined)
    if (badSkills.length) rowProblems.push(`${at}: unknown skill ${badSkills.join(', ')} (use ${SKILLS.join(', ')})`)
    if (!shift) rowProblems.push(`${at}: the shift "${shiftText}" is not 白班, 晚班 or 全天`)
    problems.push(...rowProblems)
    if (rowProblems.length === 0) {
      seen.add(id)
      const grids = list(values.grids)
      members.push({ id, name, role: role!, skills: skills as Skill[], grids, shift: shift! })
    }
  }
  if (problems.length) throw new RosterError(problems)
  return members
}

/**
 * `requireGrid`: a coordinator's file must give every residents' group its grid (a forgotten grid is
 * a mistake worth stopping for); a simulation's setup may leave it out, and then every member covers it.
 */
export function parseRooms(rows: readonly RosterRow[], options: { requireGrid?: boolean } = {}): RoomEntry[] {
  const { requireGrid = true } = options
  const problems: string[] = []
  const seen = new Set<string>()
  const rooms: RoomEntry[] = []
  for (const { line, values } of rows) {
    const at = `line ${line}`
    const id = text(values.id)
    const topic = text(values.topic)
    // 网格 names a group's grid in a rooms file (and a member's grids in a members file).
    const grid = text(values.grid) || text(values.grids) || null
    const flag = values.coordinators
    const coordinatorsText = typeof flag === 'boolean' ? (flag ? 'true' : 'false') : text(flag).toLowerCase()
    const rowProblems: string[] = []
    if (!id) rowProblems.push(`${at}: the group id is empty`)
    else if (seen.has(id)) rowProblems.push(`${at}: the group id "${id}" appears twice`)
    if (!YES.has(coordinatorsText) && !NO.has(coordinatorsText)) {
      rowProblems.push(`${at}: coordinators must be 是 or 否 (yes/no), got "${coordinatorsText}"`)
    }
    const coordinators = YES.has(coordinatorsText)
    if (requireGrid && !coordinators && !grid) rowProblems.push(`${at}: a residents' group needs its grid`)
    if (list(values.buildings).length && !grid) rowProblems.push(`${at}: buildings belong to a grid, but this group has none`)
    problems.push(...rowProblems)
    if (rowProblems.length === 0) {
      seen.add(id)
      const buildings = list(values.buildings)
      rooms.push({ id, topic: topic || id, grid, coordinators, ...(buildings.length ? { buildings } : {}) })
    }
  }
  if (problems.length) throw new RosterError(problems)
  return rooms
}
