/**
 * Loads the roster a coordinator keeps in Excel into the community's record:
 *   npx tsx scripts/import-roster.ts scripts/roster/members.csv scripts/roster/rooms.csv
 * Each file is recognised by its header (a 群名/topic column makes it the rooms file). Every bad row is
 * reported with its line, and then nothing is imported: the roster is replaced whole or not at all.
 */
import { ConfigError, parseConfig } from '../src/config.js'
import { openDatabase } from '../src/db/open-database.js'
import { importRosterFiles } from '../src/roster/import-roster-files.js'
import { RosterError } from '../src/roster/parse-roster.js'
import { createRosterStore } from '../src/roster/roster-store.js'

const files = process.argv.slice(2)
if (files.length === 0) {
  process.stderr.write('usage: npx tsx scripts/import-roster.ts members.csv [rooms.csv]\n')
  process.exit(2)
}
try {
  const config = parseConfig(process.env)
  const db = openDatabase(config.databaseFile)
  try {
    const counts = importRosterFiles(files, createRosterStore(db))
    process.stdout.write(`roster imported into ${config.databaseFile}: ${counts.members} members, ${counts.rooms} groups\n`)
  } finally {
    db.close()
  }
} catch (error) {
  if (!(error instanceof RosterError || error instanceof ConfigError)) throw error
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}
