import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { LabelledMessage } from './evaluation.js'

const KINDS = new Set(['request', 'offer', 'none'])
const URGENCIES = new Set(['emergency', 'urgent', 'normal'])

/** Parses one corpus line, or says what is wrong with it. */
export function parseLabelledLine(line: string, where: string): LabelledMessage {
  const value: unknown = JSON.parse(line)
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not an object`)
  const o = value as Record<string, unknown>
  if (typeof o.id !== 'string' || typeof o.text !== 'string') throw new Error(`${where}: id and text must be strings`)
  if (typeof o.kind !== 'string' || !KINDS.has(o.kind)) throw new Error(`${where}: kind must be request, offer or none`)
  const isRequest = o.kind === 'request'
  if (isRequest && (typeof o.category !== 'string' || typeof o.urgency !== 'string' || !URGENCIES.has(o.urgency))) {
    throw new Error(`${where}: a request needs a category and an urgency`)
  }
  return {
    id: o.id,
    text: o.text,
    kind: o.kind as LabelledMessage['kind'],
    category: isRequest ? (o.category as string) : null,
    urgency: isRequest ? (o.urgency as LabelledMessage['urgency']) : null,
    fields: isRequest && typeof o.fields === 'object' && o.fields !== null ? (o.fields as LabelledMessage['fields']) : {},
  }
}

export function loadCorpusFile(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => parseLabelledLine(line, `${path}:${n}`))
}

/** The corpus in its two parts: what tuning may look at, and the held-out part it never does. */
export function loadCorpus(dir: string): { tuning: LabelledMessage[]; holdout: LabelledMessage[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
  const tuning = files.filter((f) => f.startsWith('train')).flatMap((f) => loadCorpusFile(join(dir, f)))
  const holdout = files.filter((f) => f.startsWith('holdout')).flatMap((f) => loadCorpusFile(join(dir, f)))
  return { tuning, holdout }
}
