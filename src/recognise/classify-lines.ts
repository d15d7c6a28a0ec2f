import type { Recognise } from './recognise.js'
import { toContractAnswer } from './contract.js'

export interface ClassifyOptions {
  readonly explain: boolean
}

/**
 * One input line of the classify contract to one output line: an answer, or
 * {"id":…,"error":…} for a line that is not a message. Never throws, so one bad line never stops
 * the stream.
 */
export function classifyLine(line: string, recognise: Recognise, options: ClassifyOptions): string {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch (error) {
    return JSON.stringify({ id: null, error: `not JSON: ${(error as Error).message}` })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return JSON.stringify({ id: null, error: 'expected an object like {"id":"m1","text":"…"}' })
  }
  const message = value as Record<string, unknown>
  // The id is echoed as given, so a caller can join answers to its messages by it.
  const id = typeof message.id === 'string' || typeof message.id === 'number' ? message.id : null
  if (typeof message.text !== 'string') {
    return JSON.stringify({ id, error: 'text must be a string' })
  }
  return JSON.stringify(toContractAnswer(id, recognise(message.text), options.explain))
}
