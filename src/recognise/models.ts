import { KINDS } from './decide-kind.js'
import { loadLinearModel, type LinearModel } from './linear-model.js'
import { EMERGENCY_LABELS, type EmergencyLabel } from './score-emergency.js'
import type { Kind } from './types.js'

/** The trained scorers the recogniser decides with: rebuilt by `npm run train`, committed with the code. */
export interface RecogniserModels {
  readonly kind: LinearModel<Kind>
  readonly category: LinearModel
  readonly emergency: LinearModel<EmergencyLabel>
}

export const MODEL_FILES = {
  kind: new URL('./models/kind.json', import.meta.url),
  category: new URL('./models/category.json', import.meta.url),
  emergency: new URL('./models/emergency.json', import.meta.url),
} as const

export function loadRecogniserModels(): RecogniserModels {
  return {
    kind: loadLinearModel(MODEL_FILES.kind, KINDS),
    category: loadLinearModel(MODEL_FILES.category),
    emergency: loadLinearModel(MODEL_FILES.emergency, EMERGENCY_LABELS),
  }
}
