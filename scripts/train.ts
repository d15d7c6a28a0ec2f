/**
 * Rebuilds the recogniser's scorers from the tuning part of the corpus (test/corpus/train-*.jsonl;
 * the held-out files are never read) and writes src/recognise/models/*.json:
 *   npm run train
 * Deterministic: the same corpus and code always write the same files, so a diff shows what changed.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { handlers } from '../handlers/index.js'
import { loadCorpus } from '../src/recognise/corpus.js'
import { serialiseLinearModel } from '../src/recognise/linear-model.js'
import { MODEL_FILES } from '../src/recognise/models.js'
import { trainRecogniser } from '../src/recognise/train-recogniser.js'

const { tuning } = loadCorpus(fileURLToPath(new URL('../test/corpus', import.meta.url)))
const started = Date.now()
const models = trainRecogniser(handlers, tuning)
for (const name of ['emergency', 'kind', 'category'] as const) {
  writeFileSync(MODEL_FILES[name], serialiseLinearModel(models[name]))
  console.log(`${name}: ${models[name].labels.join('/')}, ${models[name].weights.size} features → ${fileURLToPath(MODEL_FILES[name])}`)
}
console.log(`trained on ${tuning.length} messages in ${((Date.now() - started) / 1000).toFixed(1)} s`)
