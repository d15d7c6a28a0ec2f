/** The lowest blood-oxygen saturation stated (血氧90, 指脉氧只有88%), from the digits-only text. */
const BLOOD_OXYGEN = /(?:血氧|氧饱和度|饱和度|指脉氧|血痒)[^\d]{0,6}(\d{2,3})(?:[.点]\d)?\s*%?/g

export function extractBloodOxygen(digits: string): number | undefined {
  let lowest: number | undefined
  for (const match of digits.matchAll(BLOOD_OXYGEN)) {
    const value = Number(match[1])
    if (value >= 50 && value <= 100 && (lowest === undefined || value < lowest)) lowest = value
  }
  return lowest
}
