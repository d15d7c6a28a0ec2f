import { findDrugNames, type NameSpan } from './drug-names.js'
import { extractAge } from './extract-age.js'
import { extractLocation } from './extract-location.js'
import { cueCount, type Features } from './features.js'
import { writtenSpan } from './normalise.js'
import type { Fields } from './types.js'

/** The contract's fields for a request: only what the message states. */
export function extractFields(features: Features): Fields {
  const fields: Fields = {}
  if (features.temperatureC !== undefined) fields.temperatureC = features.temperatureC
  // 我家老猫十五岁了: an animal's age is no one's.
  const age = cueCount(features, 'pet') > 0 ? undefined : extractAge(features.digits)
  if (age !== undefined) fields.age = age
  const location = extractLocation(features.text)
  if (location !== undefined) fields.location = location
  const medicines = namedMedicines(features)
  if (medicines.length > 0) fields.medicines = medicines
  return fields
}

// 儿童布洛芬, 苯磺酸左旋氨氯地平, 低分子肝素: whom it is for, or the salt, form or kind the label names first.
const NAME_BEFORE = /(?:儿童|小儿|成人|婴儿|宝宝|低分子|人血|(?:(?:苯磺酸|马来酸|盐酸|硫酸|酒石酸|琥珀酸|甲磺酸)(?:左旋)?|左旋))$/
// 耳温枪显示100.8华氏度: a thermometer named as where a reading came from is not asked for (the corpus
// agrees on 温度计 and the guns; an oximeter is listed either way, 体温计 half the time).
const INSTRUMENT = /(?:温度计|体温枪|额温枪|耳温枪)$/
const READ_FROM = /^[^,.!?]{0,3}?(?:显示|测出|量出|测了|量了|测的|量的|夹上去|是华氏|一测|一量)/
const DOSAGE_FORM = /^(?:棉片|肠溶片|气雾剂|喷雾剂|缓释胶囊|缓释片|混悬液|混悬滴剂|滴剂|胶囊|颗粒|口服液|糖浆|泡腾片|冲剂|喷雾|片|水|栓)/

/** Medicine names as the resident wrote them, in order, once each. */
function namedMedicines(features: Features): string[] {
  const spans: NameSpan[] = []
  const { plain } = features.text
  for (const hit of features.hits) {
    if (hit.value.source !== 'medicine') continue
    // 儿童布洛芬, 连花清瘟胶囊, 对乙酰氨基酚片: the form is part of the name as written.
    const start = hit.start - (NAME_BEFORE.exec(plain.slice(Math.max(0, hit.start - 5), hit.start))?.[0].length ?? 0)
    const end = hit.end + (DOSAGE_FORM.exec(plain.slice(hit.end, hit.end + 4))?.[0].length ?? 0)
    if (INSTRUMENT.test(plain.slice(start, end)) && READ_FROM.test(plain.slice(end, end + 8))) continue
    spans.push({ start, end })
  }
  // A listed name's start is surer than a shape's: 到奥司他韦 is 奥司他韦, 红霉素眼膏 extends 红霉素.
  const unlisted = findDrugNames(plain).filter((found) => {
    const listed = spans.findIndex((s) => s.start < found.end && found.start < s.end)
    if (listed < 0) return true
    spans[listed] = { start: spans[listed]!.start, end: Math.max(spans[listed]!.end, found.end) }
    return false
  })
  if (unlisted.length > 0) spans.push(...unlisted)
  const names: string[] = []
  for (const { start, end } of unlisted.length > 0 ? spans.sort((a, b) => a.start - b.start) : spans) {
    const name = writtenSpan(features.text, start, end)
    if (!names.includes(name)) names.push(name)
  }
  // 布洛芬 and, later, 布洛芬混悬液: the longer name says it all.
  return names.filter((name) => !names.some((other) => other !== name && other.includes(name)))
}
