/** The lowest blood-oxygen saturation stated (血氧90, 指脉氧只有88%), from the digits-only text. */
// 血氧仪，刚给老人测了只有90: the reading may come a few words after the device.
// 血氧掉到90的话: a threshold asked about, not a reading.
// 一直在90: the digits form turns 一直 into 1直, so a lone digit may stand between.
const BLOOD_OXYGEN = /(?:血氧|雪氧|血养|氧饱和度|饱和度|氧饱|指脉氧|指夹|夹手指|手指夹|血痒|spo2|spo₂|sp02)[^\n]{0,12}?(?<!\d)(\d{2,3})(?:[.点]\d)?\s*%?(?!\d|\s*(?:的话|以下|时|块|元|岁|个|天|号|栋|楼|分钟|小时))/g
// 夹了一下手指头显示87: an oximeter named by the finger it clips.
const FINGER_READING = /(?:(?:夹|测)[^,.!?]{0,6}(?:手指|指头)|(?:手指|指头)[^\d,.!?]{0,6}?(?:夹|测))[^\d,.!?]{0,6}?(?:显示|只有|才|是|出来)\s*(\d{2})(?![\d.度])/g
// 血氧是96 刚才再测只有90了: a second reading after the first.
const READ_AGAIN = /(?:再测|又测|复测|再量|重新测|测了一下|测了下|测出来|掉到|降到|跌到|只有)[^\d,.!?]{0,6}?(\d{2})(?![\d.度]|\s*(?:的话|以下|时))/g

// A character every pattern above needs: most messages have none and skip the scans.
const MENTIONS_OXIMETER = /[氧饱痒养指]|sp[o0₂]/

export function extractBloodOxygen(digits: string): number | undefined {
  if (!MENTIONS_OXIMETER.test(digits)) return undefined
  let lowest = lowestReading(digits, BLOOD_OXYGEN, undefined)
  lowest = lowestReading(digits, FINGER_READING, lowest)
  return lowest === undefined ? undefined : lowestReading(digits, READ_AGAIN, lowest)
}

function lowestReading(digits: string, pattern: RegExp, lowest: number | undefined): number | undefined {
  for (const match of digits.matchAll(pattern)) {
    const value = Number(match[1])
    if (value >= 50 && value <= 100 && (lowest === undefined || value < lowest)) lowest = value
  }
  return lowest
}
