import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { columnName, RosterError, type RosterRow } from './parse-roster.js'

export type RosterFileKind = 'members' | 'rooms'

/**
 * Reads a roster CSV as Excel saves it (UTF-8 with or without BOM, CRLF, quoted cells). A file with a
 * `topic` (群名) column is the rooms file; otherwise it lists members.
 */
export function readRosterCsv(file: string): { kind: RosterFileKind; rows: RosterRow[] } {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(readFileSync(file), {
      // Excel saves UTF-8 with a BOM; `info` gives each record's line for error messages.
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as typeof records
  } catch (error) {
    throw new RosterError([`${file}: not a readable CSV file (${(error as Error).message})`])
  }
  const [header, ...body] = records
  if (!header) throw new RosterError([`${file}: the file is empty`])
  const columns = header.record.map(columnName)
  if (!columns.includes('id')) throw new RosterError([`${file}: line 1 must be a header with an id column`])
  const kind: RosterFileKind = columns.includes('topic') ? 'rooms' : 'members'
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((c, j) => [c, record[j] ?? ''])),
  }))
  return { kind, rows }
}
