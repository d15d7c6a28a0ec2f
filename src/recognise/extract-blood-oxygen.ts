/** The lowest blood-oxygen saturation stated (血氧90, 指脉氧只有88%), from the digits-only text. */
// 血氧仪，刚给老人测了只有90: the reading may come a few words after the device.
// 血氧掉到90的话: a threshold asked about, not a reading.
const BLOOD_OXYGEN = /(?:血氧|氧饱和度|饱和度|氧饱|指脉氧|血痒|spo2|spo₂|sp02)[^\d]{0,12}(\d{2,3})(?:[.点]\d)?\s*%?(?!\d|\s*(?:的话|以下|时))/g
// 夹了一下手指头显示87: an oximeter named by the finger it clips.
const FINGER_READING = /(?:夹|测)[^\d,.!?]{0,6}(?:手指|指头)[^\d,.!?]{0,6}?(?:显示|只有|才|是)\s*(\d{2})(?![\d.度])/g
// 血氧是96 刚才再测只有90了: a second reading after the first.
const READ_AGAIN = /(?:再测|又测|复测|再量|重新测)[^\d,.!?]{0,6}?(\d{2})(?![\d.度])/g

export function extractBloodOxygen(digits: string): number | undefined {
  let lowest: number | undefined
  const consider = (value: number) => {
    if (value >= 50 && value <= 100 && (lowest === undefined || value < lowest)) lowest = value
  }
  for (const match of digits.matchAll(BLOOD_OXYGEN)) consider(Number(match[1]))
  for (const match of digits.matchAll(FINGER_READING)) consider(Number(match[1]))
  if (lowest !== undefined) for (const match of digits.matchAll(READ_AGAIN)) consider(Number(match[1]))
  return lowest
}
