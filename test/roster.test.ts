import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../src/db/open-database.js'
import { importRosterFiles } from '../src/roster/import-roster-files.js'
import { columnName, parseMembers, parseRooms, RosterError, type RosterRow } from '../src/roster/parse-roster.js'
import { readRosterCsv } from '../src/roster/read-roster-csv.js'
import { createRosterStore, type RosterStore } from '../src/roster/roster-store.js'
import type { MemberEntry, RoomEntry } from '../src/roster/types.js'

/** Rows as a setup list gives them: line = index + 2, as if line 1 were the header. */
const rows = (...values: RosterRow['values'][]): RosterRow[] => values.map((v, i) => ({ line: i + 2, values: v }))

/** Runs `fn`, expects a RosterError and returns its problems. */
function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(RosterError)
    return (error as RosterError).problems
  }
  throw new Error('expected a RosterError, but nothing was thrown')
}

let dir: string
let db: Db | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aixin-test-'))
})
afterEach(() => {
  db?.close()
  db = undefined
  rmSync(dir, { recursive: true, force: true })
})

function csv(name: string, content: string): string {
  const file = join(dir, name)
  writeFileSync(file, content)
  return file
}

function openStore(): RosterStore {
  db = openDatabase(join(dir, 'record', 'community.sqlite'))
  return createRosterStore(db)
}

describe('columnName', () => {
  it('maps Chinese headers, case and a BOM to our column names', () => {
    expect(columnName('\uFEFFid')).toBe('id')
    expect(columnName(' ID ')).toBe('id')
    expect(columnName('微信ID')).toBe('id')
    expect(columnName('姓名')).toBe('name')
    expect(columnName('角色')).toBe('role')
    expect(columnName('技能')).toBe('skills')
    expect(columnName('负责网格')).toBe('grids')
    expect(columnName('班次')).toBe('shift')
    expect(columnName('群名')).toBe('topic')
    expect(columnName('是否协调群')).toBe('coordinators')
    expect(columnName('Grid')).toBe('grid')
  })
})

describe('parseMembers', () => {
  it('reads English columns and values', () => {
    const members = parseMembers(
      rows({ id: 'c-wang', name: '王医生', role: 'member', skills: 'doctor;delivery', grids: '3;4', shift: 'night' }),
    )
    expect(members).toEqual([
      { id: 'c-wang', name: '王医生', role: 'member', skills: ['doctor', 'delivery'], grids: ['3', '4'], shift: '晚班' },
    ])
  })

  it('reads Chinese values and skill aliases', () => {
    const members = parseMembers(
      rows(
        { id: 'c-wang', name: '王医生', role: '队员', skills: '家庭医生', grids: '3', shift: '夜班' },
        { id: 'c-zhao', name: '赵书记', role: '书记', skills: '', grids: '', shift: '白班' },
        { id: 'c-sun', name: '孙师傅', role: '志愿者', skills: '维修、供电', grids: '*', shift: '24h' },
        { id: 'c-zhou', name: '周警官', role: '协调员', skills: '民警；其他', grids: '4', shift: 'Day' },
      ),
    )
    expect(members.map((m) => [m.id, m.role, m.skills, m.shift])).toEqual([
      ['c-wang', 'member', ['doctor'], '晚班'],
      ['c-zhao', 'coordinator', [], '白班'],
      ['c-sun', 'member', ['water', 'power'], '全天'],
      ['c-zhou', 'coordinator', ['police', 'general'], '白班'],
    ])
  })

  it('accepts English skill names in any case', () => {
    const [member] = parseMembers(rows({ id: 'c-a', name: 'A', skills: 'Doctor WATER' }))
    expect(member?.skills).toEqual(['doctor', 'water'])
  })

  it.each([
    ['semicolons', '3;4;5'],
    ['full-width semicolons', '3；4；5'],
    ['enumeration commas', '3、4、5'],
    ['commas', '3,4,5'],
    ['full-width commas', '3，4，5'],
    ['spaces', '3 4  5'],
    ['mixed separators with spaces', ' 3 ; 4、 5 '],
    ['slashes and bars', '3/4|5'],
  ])('splits a list separated by %s', (_, grids) => {
    const [member] = parseMembers(rows({ id: 'c-a', name: 'A', grids }))
    expect(member?.grids).toEqual(['3', '4', '5'])
  })

  it('takes a list given as an array (a simulation setup)', () => {
    const [member] = parseMembers(rows({ id: 'c-a', name: 'A', skills: [' doctor ', ''], grids: ['3', ' 4 '] }))
    expect(member?.skills).toEqual(['doctor'])
    expect(member?.grids).toEqual(['3', '4'])
  })

  it('defaults the role to member and the shift to 全天', () => {
    const [member] = parseMembers(rows({ id: 'c-a', name: 'A', skills: 'general', grids: '*' }))
    expect(member).toMatchObject({ role: 'member', shift: '全天' })
    const [blank] = parseMembers(rows({ id: 'c-b', name: 'B', role: '  ', shift: '' }))
    expect(blank).toMatchObject({ role: 'member', shift: '全天' })
  })

  it('trims ids and names', () => {
    const [member] = parseMembers(rows({ id: '  c-a ', name: ' 王医生 ' }))
    expect(member).toMatchObject({ id: 'c-a', name: '王医生' })
  })

  it('reports a duplicate id with the line of the second row', () => {
    const problems = problemsOf(() =>
      parseMembers(rows({ id: 'c-a', name: 'A' }, { id: 'c-b', name: 'B' }, { id: 'c-a', name: 'A again' })),
    )
    expect(problems).toEqual(['line 4: the id "c-a" appears twice'])
  })

  it('refuses an id with @ (a group id) or inner spaces', () => {
    const problems = problemsOf(() =>
      parseMembers(rows({ id: 'r-g3@chatroom', name: 'A' }, { id: 'c b', name: 'B' })),
    )
    expect(problems).toEqual([
      'line 2: the id "r-g3@chatroom" looks like a group id or has spaces',
      'line 3: the id "c b" looks like a group id or has spaces',
    ])
  })

  it('reports every problem of every row at once, each with its line', () => {
    const problems = problemsOf(() =>
      parseMembers(
        rows(
          { id: 'c-a', name: 'A', role: 'boss', skills: 'doctor', shift: '白班' },
          { id: 'c-ok', name: 'OK', skills: 'doctor' },
          { id: 'c-b', name: 'B', skills: 'doctor;magic;飞行', shift: '白班' },
          { id: 'c-c', name: 'C', shift: '早班' },
          { id: '', name: '', role: 'Chief', shift: 'Evening' },
        ),
      ),
    )
    expect(problems).toEqual([
      'line 2: the role "boss" is not member or coordinator (成员 / 协调员)',
      'line 4: unknown skill magic, 飞行 (use doctor, delivery, water, power, police, general)',
      'line 5: the shift "早班" is not 白班, 晚班 or 全天',
      "line 6: the id is empty (the member's WeChat contact id)",
      'line 6: the name is empty',
      'line 6: the role "chief" is not member or coordinator (成员 / 协调员)',
      'line 6: the shift "evening" is not 白班, 晚班 or 全天',
    ])
  })

  it('throws a RosterError whose message lists the problems', () => {
    expect(() => parseMembers(rows({ id: 'c-a', name: '' }))).toThrow(
      /the roster was not imported:\n {2}- line 2: the name is empty/,
    )
  })

  it('returns an empty roster for no rows', () => {
    expect(parseMembers([])).toEqual([])
  })
})

describe('parseRooms', () => {
  it('reads residents’ groups and the coordinators’ group', () => {
    const rooms = parseRooms(
      rows(
        { id: 'r-g3@chatroom', topic: '幸福里3网格群', grid: '3', coordinators: '否' },
        { id: 'r-coord@chatroom', topic: '爱心专班协调群', grid: '', coordinators: '是' },
        { id: 'r-g4@chatroom', topic: '', grid: '4', coordinators: '' },
      ),
    )
    expect(rooms).toEqual([
      { id: 'r-g3@chatroom', topic: '幸福里3网格群', grid: '3', coordinators: false },
      { id: 'r-coord@chatroom', topic: '爱心专班协调群', grid: null, coordinators: true },
      // No topic: the id stands in for it.
      { id: 'r-g4@chatroom', topic: 'r-g4@chatroom', grid: '4', coordinators: false },
    ])
  })

  it.each([
    ['是', true],
    ['YES', true],
    ['y', true],
    ['1', true],
    ['√', true],
    [true, true],
    ['否', false],
    ['No', false],
    ['0', false],
    ['false', false],
    [false, false],
  ] as const)('reads the coordinators flag %j as %s', (flag, expected) => {
    const [room] = parseRooms(rows({ id: 'r@chatroom', topic: 'T', grid: '3', coordinators: flag }))
    expect(room?.coordinators).toBe(expected)
  })

  it('reports every bad row at once, each with its line', () => {
    const problems = problemsOf(() =>
      parseRooms(
        rows(
          { id: 'r-1@chatroom', topic: 'A', grid: '3', coordinators: '否' },
          { id: 'r-2@chatroom', topic: 'B', grid: '', coordinators: '否' },
          { id: 'r-1@chatroom', topic: 'C', grid: '4', coordinators: '否' },
          { id: '', topic: 'D', grid: '5', coordinators: 'maybe' },
        ),
      ),
    )
    expect(problems).toEqual([
      "line 3: a residents' group needs its grid",
      'line 4: the group id "r-1@chatroom" appears twice',
      'line 5: the group id is empty',
      'line 5: coordinators must be 是 or 否 (yes/no), got "maybe"',
    ])
  })
})

describe('readRosterCsv', () => {
  it('reads a members file as Excel saves it: BOM, CRLF, quoted cells', () => {
    const file = csv(
      'members.csv',
      '\uFEFFid,name,role,skills,grids,shift\r\n' +
        '"c-wang","王, 医生",member,"doctor;delivery","3,4",晚班\r\n' +
        'c-li,"李 ""小李"" 志愿者",成员,家庭医生,*,\r\n',
    )
    const { kind, rows: read } = readRosterCsv(file)
    expect(kind).toBe('members')
    expect(read).toEqual([
      {
        line: 2,
        values: { id: 'c-wang', name: '王, 医生', role: 'member', skills: 'doctor;delivery', grids: '3,4', shift: '晚班' },
      },
      { line: 3, values: { id: 'c-li', name: '李 "小李" 志愿者', role: '成员', skills: '家庭医生', grids: '*', shift: '' } },
    ])
    expect(parseMembers(read).map((m) => [m.id, m.name, m.skills, m.grids, m.shift])).toEqual([
      ['c-wang', '王, 医生', ['doctor', 'delivery'], ['3', '4'], '晚班'],
      ['c-li', '李 "小李" 志愿者', ['doctor'], ['*'], '全天'],
    ])
  })

  it('reads Chinese headers', () => {
    const file = csv('成员.csv', '\uFEFF微信ID,姓名,角色,技能,负责网格,班次\r\nc-wang,王医生,协调员,医生、送药,3；4,白班\r\n')
    const { kind, rows: read } = readRosterCsv(file)
    expect(kind).toBe('members')
    expect(parseMembers(read)).toEqual([
      { id: 'c-wang', name: '王医生', role: 'coordinator', skills: ['doctor', 'delivery'], grids: ['3', '4'], shift: '白班' },
    ])
  })

  it('keeps physical line numbers across blank lines', () => {
    const file = csv(
      'members.csv',
      'id,name,skills,shift\r\n' + // 1
        'c-a,A,doctor,白班\r\n' + // 2
        '\r\n' + // 3
        'c-b,B,doctor,白班\r\n' + // 4
        '\r\n' + // 5
        '\r\n' + // 6
        'c-c,C,magic,白班\r\n' + // 7
        'c-d,D,doctor,早班', // 8, no final newline
    )
    const { rows: read } = readRosterCsv(file)
    expect(read.map((r) => [r.line, r.values.id])).toEqual([
      [2, 'c-a'],
      [4, 'c-b'],
      [7, 'c-c'],
      [8, 'c-d'],
    ])
    expect(problemsOf(() => parseMembers(read))).toEqual([
      'line 7: unknown skill magic (use doctor, delivery, water, power, police, general)',
      'line 8: the shift "早班" is not 白班, 晚班 or 全天',
    ])
  })

  it('gives missing trailing cells as empty strings', () => {
    const file = csv('members.csv', 'id,name,role,skills,grids,shift\nc-a,A\n')
    expect(readRosterCsv(file).rows[0]?.values).toEqual({ id: 'c-a', name: 'A', role: '', skills: '', grids: '', shift: '' })
  })

  it('treats a file with a topic column as the rooms file', () => {
    const file = csv('rooms.csv', 'id,topic,grid,coordinators\r\nr-g3@chatroom,幸福里3网格群,3,否\r\n')
    const { kind, rows: read } = readRosterCsv(file)
    expect(kind).toBe('rooms')
    expect(parseRooms(read)).toEqual([{ id: 'r-g3@chatroom', topic: '幸福里3网格群', grid: '3', coordinators: false }])
  })

  it('treats a file with a 群名 column as the rooms file', () => {
    const file = csv('群.csv', '\uFEFF群ID,群名,grid,是否协调群\r\nr-coord@chatroom,爱心专班协调群,,是\r\n')
    const { kind, rows: read } = readRosterCsv(file)
    expect(kind).toBe('rooms')
    expect(parseRooms(read)).toEqual([{ id: 'r-coord@chatroom', topic: '爱心专班协调群', grid: null, coordinators: true }])
  })

  it('reads a residents’ group’s grid from a Chinese 网格 column', () => {
    const file = csv('群.csv', '\uFEFF群ID,群名,网格,协调群\r\nr-g3@chatroom,幸福里3网格群,3,否\r\n')
    expect(parseRooms(readRosterCsv(file).rows)).toEqual([{ id: 'r-g3@chatroom', topic: '幸福里3网格群', grid: '3', coordinators: false }])
  })

  it('refuses a file whose first line has no id column', () => {
    const file = csv('members.csv', 'c-a,A,doctor\r\nc-b,B,doctor\r\n')
    expect(problemsOf(() => readRosterCsv(file))).toEqual([`${file}: line 1 must be a header with an id column`])
  })

  it('refuses an empty file', () => {
    const file = csv('members.csv', '\uFEFF\r\n\r\n')
    expect(problemsOf(() => readRosterCsv(file))).toEqual([`${file}: the file is empty`])
  })

  it('reports a file it cannot read as a RosterError', () => {
    const file = join(dir, 'missing.csv')
    const [problem, ...rest] = problemsOf(() => readRosterCsv(file))
    expect(rest).toEqual([])
    expect(problem).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a readable CSV file \\(`))
  })
})

const MEMBERS_CSV =
  '\uFEFFid,name,role,skills,grids,shift\r\n' +
  'c-wang,王医生,member,doctor,3;4,晚班\r\n' +
  'c-li,李志愿者,member,delivery;general,*,全天\r\n' +
  'c-zhao,赵书记,coordinator,,,全天\r\n'
const ROOMS_CSV =
  'id,topic,grid,coordinators\r\n' + 'r-g3@chatroom,幸福里3网格群,3,否\r\n' + 'r-coord@chatroom,爱心专班协调群,,是\r\n'

describe('importRosterFiles', () => {
  it('imports good member and room files into the store', () => {
    const store = openStore()
    expect(store.isEmpty()).toBe(true)
    const counts = importRosterFiles([csv('members.csv', MEMBERS_CSV), csv('rooms.csv', ROOMS_CSV)], store)
    expect(counts).toEqual({ members: 3, rooms: 2 })
    expect(store.isEmpty()).toBe(false)
    expect(store.members().map((m) => [m.id, m.name, m.role, m.skills, m.grids, m.shift, m.position])).toEqual([
      ['c-wang', '王医生', 'member', ['doctor'], ['3', '4'], '晚班', 0],
      ['c-li', '李志愿者', 'member', ['delivery', 'general'], ['*'], '全天', 1],
      ['c-zhao', '赵书记', 'coordinator', [], [], '全天', 2],
    ])
    expect(store.member('c-wang')).toMatchObject({ dutyOverride: null, overrideUntil: null, lastAssignedAt: null })
    expect(store.rooms()).toEqual([
      { id: 'r-g3@chatroom', topic: '幸福里3网格群', grid: '3', coordinators: false, position: 0, buildings: [] },
      { id: 'r-coord@chatroom', topic: '爱心专班协调群', grid: null, coordinators: true, position: 1, buildings: [] },
    ])
    expect(store.room('r-g3@chatroom')?.grid).toBe('3')
    expect(store.coordinatorRooms().map((r) => r.id)).toEqual(['r-coord@chatroom'])
  })

  it('recognises the files by their header, not their order or name', () => {
    const store = openStore()
    const counts = importRosterFiles([csv('a.csv', ROOMS_CSV), csv('b.csv', MEMBERS_CSV)], store)
    expect(counts).toEqual({ members: 3, rooms: 2 })
  })

  it('imports nothing when one row of one file is bad, and names the file in each problem', () => {
    const store = openStore()
    importRosterFiles([csv('members.csv', MEMBERS_CSV), csv('rooms.csv', ROOMS_CSV)], store)
    const before = { members: store.members(), rooms: store.rooms() }

    const badMembers = csv(
      'members-new.csv',
      'id,name,role,skills,grids,shift\r\n' +
        'c-new,新志愿者,member,delivery,*,全天\r\n' +
        'c-bad,坏行,member,cooking,*,全天\r\n',
    )
    const goodRooms = csv('rooms-new.csv', 'id,topic,grid,coordinators\r\nr-g9@chatroom,九网格群,9,否\r\n')
    const problems = problemsOf(() => importRosterFiles([badMembers, goodRooms], store))
    expect(problems).toEqual([
      `${badMembers} line 3: unknown skill cooking (use doctor, delivery, water, power, police, general)`,
    ])
    // Neither the bad members file nor the good rooms file changed anything.
    expect(store.members()).toEqual(before.members)
    expect(store.rooms()).toEqual(before.rooms)
    expect(store.member('c-new')).toBeUndefined()
  })

  it('reports the problems of every file at once', () => {
    const store = openStore()
    const badMembers = csv('members.csv', 'id,name,shift\r\nc-a,A,早班\r\n')
    const badRooms = csv('rooms.csv', 'id,topic,grid,coordinators\r\nr-1@chatroom,A,,否\r\n')
    const missing = join(dir, 'nowhere.csv')
    const problems = problemsOf(() => importRosterFiles([badMembers, badRooms, missing], store))
    expect(problems).toHaveLength(3)
    expect(problems[0]).toBe(`${badMembers} line 2: the shift "早班" is not 白班, 晚班 or 全天`)
    expect(problems[1]).toBe(`${badRooms} line 2: a residents' group needs its grid`)
    // Already starts with the file: not prefixed twice.
    expect(problems[2]).toMatch(/^\/.*nowhere\.csv: not a readable CSV file/)
    expect(problems[2]?.startsWith(`${missing} ${missing}`)).toBe(false)
    expect(store.isEmpty()).toBe(true)
  })

  it('keeps the rooms when only a members file is given', () => {
    const store = openStore()
    importRosterFiles([csv('members.csv', MEMBERS_CSV), csv('rooms.csv', ROOMS_CSV)], store)
    const counts = importRosterFiles([csv('members2.csv', 'id,name,skills\r\nc-li,李志愿者,delivery\r\n')], store)
    expect(counts).toEqual({ members: 1, rooms: 2 })
    expect(store.members().map((m) => m.id)).toEqual(['c-li'])
    expect(store.rooms().map((r) => r.id)).toEqual(['r-g3@chatroom', 'r-coord@chatroom'])
  })

  it('imports the sample roster shipped in scripts/roster cleanly', () => {
    const store = openStore()
    const members = fileURLToPath(new URL('../scripts/roster/members.csv', import.meta.url))
    const rooms = fileURLToPath(new URL('../scripts/roster/rooms.csv', import.meta.url))
    expect(importRosterFiles([members, rooms], store)).toEqual({ members: 6, rooms: 3 })
    expect(store.members().map((m) => m.id)).toEqual(['c-wang', 'c-chen', 'c-li', 'c-sun', 'c-zhou', 'c-zhao'])
    expect(store.member('c-wang')).toMatchObject({ name: '王医生', skills: ['doctor'], grids: ['3', '4'], shift: '晚班' })
    expect(store.member('c-zhao')).toMatchObject({ role: 'coordinator', skills: [], grids: [] })
    expect(store.rooms().map((r) => [r.id, r.grid, r.coordinators])).toEqual([
      ['r-g3@chatroom', '3', false],
      ['r-g4@chatroom', '4', false],
      ['r-coord@chatroom', null, true],
    ])
  })
})

describe('roster store', () => {
  const entry = (id: string, name: string, extra: Partial<MemberEntry> = {}): MemberEntry => ({
    id,
    name,
    role: 'member',
    skills: ['delivery'],
    grids: ['*'],
    shift: '全天',
    ...extra,
  })
  const room: RoomEntry = { id: 'r-g3@chatroom', topic: '3网格群', grid: '3', coordinators: false }

  it('persists in a real SQLite file across reopening', () => {
    const file = join(dir, 'record', 'community.sqlite')
    db = openDatabase(file)
    createRosterStore(db).replace([entry('c-a', 'A')], [room])
    db.close()
    db = openDatabase(file)
    const reopened = createRosterStore(db)
    expect(reopened.members().map((m) => m.id)).toEqual(['c-a'])
    expect(reopened.rooms().map((r) => r.id)).toEqual(['r-g3@chatroom'])
  })

  it('keeps a remaining member’s live state when the roster is replaced', () => {
    const store = openStore()
    store.replace([entry('c-a', 'A'), entry('c-b', 'B')], [room])
    store.setDutyOverride('c-b', 'off', 1_800_000_000_000)
    store.markAssigned('c-b', 1_700_000_000_000)

    store.replace([entry('c-b', 'B 改名', { shift: '白班', skills: ['doctor'] }), entry('c-c', 'C')], [room])
    expect(store.member('c-b')).toEqual({
      id: 'c-b',
      name: 'B 改名',
      role: 'member',
      skills: ['doctor'],
      grids: ['*'],
      shift: '白班',
      position: 0,
      dutyOverride: 'off',
      overrideUntil: 1_800_000_000_000,
      lastAssignedAt: 1_700_000_000_000,
    })
    expect(store.member('c-c')).toMatchObject({ position: 1, dutyOverride: null, lastAssignedAt: null })
  })

  it('deactivates members who left but still knows their names', () => {
    const store = openStore()
    store.replace([entry('c-a', '王医生'), entry('c-b', 'B')], [room])
    store.replace([entry('c-b', 'B')], [room])
    expect(store.member('c-a')).toBeUndefined()
    expect(store.members().map((m) => m.id)).toEqual(['c-b'])
    expect(store.nameOf('c-a')).toBe('王医生')
    expect(store.nameOf('c-b')).toBe('B')
    // Someone never on the roster is named by their id.
    expect(store.nameOf('c-stranger')).toBe('c-stranger')
  })

  it('brings back a member who returns to the roster', () => {
    const store = openStore()
    store.replace([entry('c-a', 'A')], [])
    store.replace([], [])
    expect(store.member('c-a')).toBeUndefined()
    store.replace([entry('c-a', 'A')], [])
    expect(store.member('c-a')?.name).toBe('A')
  })

  it('replaces the rooms whole and orders members by their new position', () => {
    const store = openStore()
    store.replace([entry('c-a', 'A'), entry('c-b', 'B')], [room, { id: 'r-c@chatroom', topic: 'C', grid: null, coordinators: true }])
    store.replace([entry('c-b', 'B'), entry('c-a', 'A')], [{ id: 'r-g4@chatroom', topic: '4网格群', grid: '4', coordinators: false }])
    expect(store.members().map((m) => [m.id, m.position])).toEqual([
      ['c-b', 0],
      ['c-a', 1],
    ])
    expect(store.rooms().map((r) => r.id)).toEqual(['r-g4@chatroom'])
    expect(store.room('r-g3@chatroom')).toBeUndefined()
    expect(store.coordinatorRooms()).toEqual([])
  })

  it('is empty only with neither members nor rooms', () => {
    const store = openStore()
    expect(store.isEmpty()).toBe(true)
    store.replace([], [room])
    expect(store.isEmpty()).toBe(false)
    store.replace([entry('c-a', 'A')], [])
    expect(store.isEmpty()).toBe(false)
    store.replace([], [])
    expect(store.isEmpty()).toBe(true)
  })
})

describe('buildings of a grid', () => {
  it('reads a rooms file’s 楼栋 column and finds a building’s grid however it is written', () => {
    const rooms = parseRooms([
      { line: 2, values: { id: 'r-g3@chatroom', topic: '3网格群', grid: '3', buildings: '5号楼;6栋、2期3栋' } },
      { line: 3, values: { id: 'r-g4@chatroom', topic: '4网格群', grid: '4', buildings: '七栋' } },
    ])
    expect(rooms[0]!.buildings).toEqual(['5号楼', '6栋', '2期3栋'])
    const store = createRosterStore(openDatabase(':memory:'))
    store.replace([], rooms)
    expect(store.gridOfBuilding('5栋')).toBe('3')
    expect(store.gridOfBuilding('五号楼')).toBe('3')
    expect(store.gridOfBuilding('7号楼')).toBe('4')
    expect(store.gridOfBuilding('二期3号楼')).toBe('3')
    // Another phase's 3栋 is another building.
    expect(store.gridOfBuilding('3栋')).toBeUndefined()
    expect(store.gridOfBuilding(undefined)).toBeUndefined()
  })

  it('refuses buildings on a group with no grid', () => {
    expect(() => parseRooms([{ line: 2, values: { id: 'r-coord@chatroom', topic: '协调群', coordinators: '是', buildings: '5栋' } }])).toThrow(/line 2: buildings belong to a grid/)
  })
})
