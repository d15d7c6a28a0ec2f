import type { Handler } from '../src/recognise/handler.js'
import { fever } from './fever.js'
import { medicine } from './medicine.js'
import { other } from './other.js'
import { water } from './water.js'

/** Every category the bot recognises. Adding one is a file beside this and a line here. */
export const handlers: readonly Handler[] = [medicine, fever, water, other]
