import { handlers } from '../../handlers/index.js'
import { createRecogniser } from '../../src/recognise/recognise.js'

/** The recogniser exactly as the bot and scripts/classify.ts build it. */
export const recognise = createRecogniser(handlers)
