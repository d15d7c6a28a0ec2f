/**
 * `npm start` for now: reads a sample of group chatter (scripts/sample-group.txt, or a file named
 * on the command line, one message per line) and prints what the bot makes of each message and,
 * for a request, the standard answer it would post in the group.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { handlers } from '../handlers/index.js'
import { createRecogniser } from '../src/recognise/recognise.js'

const file = process.argv[2] ?? fileURLToPath(new URL('./sample-group.txt', import.meta.url))
const recognise = createRecogniser(handlers)
const byCategory = new Map(handlers.map((h) => [h.category, h]))

for (const text of readFileSync(file, 'utf8').split('\n').filter((line) => line.trim().length > 0)) {
  const r = recognise(text)
  console.log(`\n» ${text}`)
  if (r.kind !== 'request') {
    console.log(`  ${r.kind === 'offer' ? 'offer: kept for matching, no reply' : 'not a request: no reply'}`)
    continue
  }
  const handler = byCategory.get(r.category)!
  const fields = Object.entries(r.fields).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : v}`).join(' ')
  console.log(`  request · ${r.category} · ${r.urgency}${fields ? ' · ' + fields : ''} → ${handler.skill}`)
  if (r.urgency === 'emergency') console.log('  ⚠ emergency: the reply starts with 请立即拨打120')
  console.log(`  reply: ${handler.answer({ urgency: r.urgency, fields: r.fields })}`)
}
