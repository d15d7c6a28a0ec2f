/** The lowest blood-oxygen saturation stated (血氧90, 指脉氧只有88%), from the digits-only text. */
// 血氧仪，刚给老人测了只有90: the reading may come a few words after the device.
const BLOOD_OXYGEN = /(?:血氧|氧饱和度|饱和度|氧饱|指脉氧|血痒|spo2|spo₂|sp02)[^\d]{0,12}(\d{2,3})(?:[.点]\d)?\s*%?/g

export function extractBloodOxygen(digits: string): number | undefined {
  let lowest: number | undefined
  for (const match of digits.matchAll(BLOOD_OXYGEN)) {
    const value = Number(match[1])
    if (value >= 50 && value <= 100 && (lowest === undefined || value < lowest)) lowest = value
  }
  return lowest
}
