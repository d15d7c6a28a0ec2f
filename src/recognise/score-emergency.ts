import { isPassedOn, type KindSignals } from './kind-signals.js'
import { predictionEvidence, type Prediction } from './linear-model.js'
import type { Evidence } from './types.js'

export const EMERGENCY_LABELS = ['emergency', 'other'] as const
export type EmergencyLabel = (typeof EMERGENCY_LABELS)[number]

/** The evidence rule of a danger the scorer read where no rule found one. */
export const SCORED_EMERGENCY_RULE = 'emergency: scorer'

/**
 * How sure the scorer must be. Chosen on the held-out files, counted and never read (so they are a
 * little optimistic since): first at 0.9, where it caught 21 of the 51 emergencies the rules missed
 * in 4,500 messages and added 1 false one (0.8: 30 and 7; 0.7: 33 and 20). Trained again with
 * train-ac's near misses it grew more careful, and 0.8 against 0.9 then caught 5 more of 4,900's
 * emergencies for 2 more false ones: a missed emergency costs more than a false page. Trained with
 * train-ag's passing scares it grew more careful again; this time the line was chosen by leaving each
 * training file out in turn, not on the held-out files: over 10,610 messages 0.75 caught 6
 * more of 2,157 emergencies than 0.8 for 13 more false ones (0.7: 9 and 28).
 */
const SURE = 0.75

/**
 * The danger a resident tells in words no rule has (妈妈躺在客厅地上 我叫她她不理我 眼睛闭着), as the emergency
 * scorer reads it: trained on every labelled emergency and near miss with the kind scorer's features, and
 * scored with the kind scorer in one pass (createJointScorer). It only adds to the rules: it is asked
 * only where no rule found a sign, and what is forwarded, announced or sold is advice, not someone in trouble.
 */
export function scoredEmergency(prediction: Prediction<EmergencyLabel>, signals: KindSignals): Evidence[] {
  if (isPassedOn(signals) || prediction.label !== 'emergency' || prediction.confidence < SURE) return []
  return [predictionEvidence('emergency', prediction, SCORED_EMERGENCY_RULE)]
}
