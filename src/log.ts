import pino, { type DestinationStream, type Logger } from 'pino'
import { maskPhones } from './privacy/mask.js'

export type { Logger }

/**
 * Structured logs on standard error (standard output belongs to `scripts/simulate.ts` and the
 * terminal community), with phone and ID numbers masked in every string written.
 */
export function createLogger(
  level: string,
  name = 'aixin',
  destination: DestinationStream = pino.destination({ fd: 2, sync: true }),
): Logger {
  return pino(
    {
      name,
      level,
      hooks: {
        // Masking at the last step covers every field and every message, whoever logs it.
        streamWrite: (line) => maskPhones(line),
      },
    },
    destination,
  )
}
