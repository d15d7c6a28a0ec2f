import type { Evidence, Recognition } from './types.js'

/** One answer line of the classify contract (shared/spec/help-requests.md). */
export interface ContractAnswer {
  readonly id: string | number | null
  readonly kind: Recognition['kind']
  readonly category: string | null
  readonly urgency: Recognition['urgency']
  readonly fields: Recognition['fields']
  readonly evidence?: readonly Evidence[]
}

export function toContractAnswer(id: string | number | null, recognition: Recognition, explain = false): ContractAnswer {
  const { kind, category, urgency, fields } = recognition
  return explain ? { id, kind, category, urgency, fields, evidence: recognition.explain() } : { id, kind, category, urgency, fields }
}
