/**
 * The daily digest from the SQLite record, without the bot running:
 *   npx tsx scripts/digest.ts --date 2026-11-21 [--days 30] [--out DIR] [--db FILE]
 * Prints the text as the coordinators' group gets it (one message per paragraph) and writes the chart
 * to DIR/日报-<date>.png (default DIR: $DATA_DIR/digests). The record is the one .env names.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { handlers } from '../handlers/index.js'
import { parseDay } from '../src/clock.js'
import { ConfigError, parseConfig } from '../src/config.js'
import { openDatabase } from '../src/db/open-database.js'
import { buildDigest } from '../src/digest/build-digest.js'
import { renderDigestChart } from '../src/digest/render-chart.js'
import { digestMessages } from '../src/messages/digest.js'
import { createRosterStore } from '../src/roster/roster-store.js'
import { applyDeadlines } from '../src/timers/deadlines.js'

const usage = 'usage: npx tsx scripts/digest.ts --date YYYY-MM-DD [--days N] [--out DIR] [--db FILE]\n'
let values
try {
  ;({ values } = parseArgs({ options: { date: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } } }))
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`)
  process.exit(2)
}
const date = parseDay(values.date ?? '')
const days = Number(values.days ?? 1)
if (date === null || !Number.isInteger(days) || days < 1 || days > 366) {
  process.stderr.write(`not a date (YYYY-MM-DD) or a number of days (1–366)\n${usage}`)
  process.exit(2)
}
if (existsSync('.env')) process.loadEnvFile('.env')
let config
try {
  config = parseConfig(process.env)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}
const file = values.db ?? config.databaseFile
if (!existsSync(file)) {
  process.stderr.write(`no record at ${file}: run the bot first, or name one with --db FILE\n`)
  process.exit(1)
}
const db = openDatabase(file)
try {
  const roster = createRosterStore(db)
  const digest = buildDigest(
    { db, handlers: applyDeadlines(handlers, config.deadlines), nameOf: roster.nameOf, community: config.communityName },
    date,
    days,
    Date.now(),
  )
  process.stdout.write(digestMessages(digest, config.communityName).join('\n\n') + '\n')
  const out = values.out ?? join(config.dataDir, 'digests')
  mkdirSync(out, { recursive: true })
  const png = join(out, `日报-${date}${days > 1 ? `-${days}天` : ''}.png`)
  writeFileSync(png, renderDigestChart(digest.chart))
  process.stderr.write(`chart written to ${png}\n`)
} finally {
  db.close()
}
