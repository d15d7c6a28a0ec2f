/**
 * The recogniser's command line (shared/spec/help-requests.md):
 *   npx tsx scripts/classify.ts [--explain] < messages.jsonl > answers.jsonl
 * One JSON line in, one JSON line out, in order, to the end of input. --explain adds the evidence
 * behind each answer.
 */
import { createInterface } from 'node:readline'
import { once } from 'node:events'
import { handlers } from '../handlers/index.js'
import { classifyLine } from '../src/recognise/classify-lines.js'
import { createRecogniser } from '../src/recognise/recognise.js'

const recognise = createRecogniser(handlers)
const options = { explain: process.argv.includes('--explain') }
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })

for await (const line of lines) {
  // A blank line is a line too: answering it keeps the output aligned with the input.
  const answer = line.trim().length === 0 ? JSON.stringify({ id: null, error: 'empty line' }) : classifyLine(line, recognise, options)
  if (!process.stdout.write(answer + '\n')) await once(process.stdout, 'drain')
}
