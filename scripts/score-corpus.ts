/**
 * Scores the recogniser on the labelled corpus, the tuning part and the held-out part separately.
 *   npm run score                 figures for both parts
 *   npm run score -- --errors     also every mistake on the tuning part (never on the held-out part)
 *   npm run score -- --tuning-only   leave the held-out part unscored while tuning
 *   npm run score -- --only train-c,train-d   score chosen files (a new one before tuning on it; a held-out one, never its errors)
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { handlers } from '../handlers/index.js'
import { loadCorpus, loadCorpusFile } from '../src/recognise/corpus.js'
import { isSameField, scoreAnswers, type LabelledMessage, type Scores } from '../src/recognise/evaluation.js'
import { createRecogniser } from '../src/recognise/recognise.js'
import type { Fields } from '../src/recognise/types.js'

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const recognise = createRecogniser(handlers)
const dir = fileURLToPath(new URL('../test/corpus', import.meta.url))
const { tuning, holdout } = loadCorpus(dir)
const showErrors = process.argv.includes('--errors')
const only = arg('--only')

function report(name: string, messages: LabelledMessage[]): Scores {
  const answers = messages.map((m) => recognise(m.text))
  const s = scoreAnswers(messages, answers)
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%'
  console.log(`\n${name}: ${s.messages} messages`)
  console.log(`  kind macro-F1        ${pct(s.kindMacroF1)}   (request ${pct(s.kindF1.request)}, offer ${pct(s.kindF1.offer)}, none ${pct(s.kindF1.none)})`)
  console.log(`  category accuracy    ${pct(s.categoryAccuracy)}   (strict, missed requests counted wrong: ${pct(s.categoryAccuracyStrict)})`)
  console.log(`  urgency accuracy     ${pct(s.urgencyAccuracy)}   (strict: ${pct(s.urgencyAccuracyStrict)})`)
  console.log(`  emergency recall     ${pct(s.emergencyRecall)}   (${s.emergencies} emergencies; ${s.falseEmergencies} false, ${s.falseEmergenciesPer400.toFixed(1)} per 400)`)
  const by = Object.entries(s.fieldAccuracyBy).map(([k, v]) => `${k} ${pct(v)}`).join(', ')
  console.log(`  field accuracy       ${pct(s.fieldAccuracy)}   (${by})`)
  if (showErrors && name.startsWith('tuning')) {
    messages.forEach((m, i) => {
      const a = answers[i]!
      const wrong: string[] = []
      if (a.kind !== m.kind) wrong.push(`kind ${a.kind}≠${m.kind}`)
      else if (m.kind === 'request') {
        if (a.category !== m.category) wrong.push(`cat ${a.category}≠${m.category}`)
        if (a.urgency !== m.urgency) wrong.push(`urg ${a.urgency}≠${m.urgency}`)
        for (const k of ['temperatureC', 'age', 'location', 'medicines'] as (keyof Fields)[]) {
          if (!isSameField(k, m.fields[k], a.fields[k])) wrong.push(`${k} ${JSON.stringify(a.fields[k])}≠${JSON.stringify(m.fields[k])}`)
        }
      }
      if (wrong.length > 0) console.log(`  ${m.id} ${wrong.join(' · ')}  | ${m.text.slice(0, 120)}`)
    })
  }
  return s
}

if (only) {
  const messages = only.split(',').flatMap((name) => loadCorpusFile(join(dir, `${name}.jsonl`)))
  // Held-out files are scored, never shown: their mistakes must not steer the next change.
  const heldOut = only.split(',').some((name) => name.startsWith('holdout'))
  report(`${heldOut ? 'held-out' : 'tuning'} files ${only}`, messages)
  process.exit(0)
}
report('tuning (train-*.jsonl)', tuning)
if (holdout.length > 0 && !process.argv.includes('--tuning-only')) report('held out (holdout.jsonl, never tuned on)', holdout)
