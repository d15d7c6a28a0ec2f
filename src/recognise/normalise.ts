import traditionalCharacters from 'opencc-js/dict/TSCharacters'
import taiwanVariants from 'opencc-js/dict/TWVariantsRev'
import hongKongVariants from 'opencc-js/dict/HKVariantsRev'

/**
 * A message in the forms the recogniser reads.
 *
 * `plain` is aligned with `original` position by position: every change is one code unit for one
 * (full width → half width, traditional → simplified, upper → lower case) and anything removed
 * (emoji codes, @mentions, links) is blanked with spaces. So a span found in `plain` slices the
 * resident's own words out of `original`, as the contract wants locations and medicines reported.
 */
export interface NormalisedText {
  /** The resident's text, less the spaces of word-by-word typing (see squeezeWordSpaces). */
  readonly original: string
  readonly plain: string
  /** Where each character of `original` stood in what was written, when spaces were squeezed out. */
  readonly writtenAt: Int32Array | null
  readonly written: string
  /** Things removed from `plain` that still say something about the message. */
  readonly marks: TextMarks
}

export interface TextMarks {
  readonly mentionsAll: boolean
  /** The message opened by quoting another (blanked in `plain`: the quoted words are someone else's). */
  readonly quoted: boolean
  readonly links: number
  /** WeChat emoji codes by name ([强] → 强), where they stood. Blanked in `plain`: [翻白眼] is no symptom. */
  readonly emojiCodes: readonly EmojiCode[]
}

export interface EmojiCode {
  readonly name: string
  readonly start: number
  readonly end: number
}

const charTable = buildCharTable()

function buildCharTable(): Uint16Array {
  const table = new Uint16Array(0x10000)
  for (let code = 0; code < table.length; code++) table[code] = code
  // Full-width ASCII (！？，０-９Ａ-Ｚ) to half width, and the ideographic space to a space.
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0
  table[0x3000] = 0x20
  for (let code = 0x41; code <= 0x5a; code++) table[code] = code + 0x20
  for (let code = 0xff21; code <= 0xff3a; code++) table[code] = code - 0xfee0 + 0x20
  // Zero-width and WeChat's mention separator (U+2005) become plain spaces.
  for (const code of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2005, 0xfeff, 0x00a0]) table[code] = 0x20
  // Characters that are already simplified (么, 后, 里) are never rewritten, even where OpenCC
  // lists them as traditional forms of something else (么 → 幺 would break every 怎么).
  const simplified = new Set(traditionalCharacters.split('|').map((entry) => entry.split(' ')[1]))
  // Traditional first, so a regional variant chains through it to the simplified form.
  for (const dictionary of [traditionalCharacters, taiwanVariants, hongKongVariants]) {
    addSingleCharacterPairs(table, dictionary, simplified)
  }
  // Chinese punctuation residents mix freely with ASCII: read it as ASCII.
  table['。'.charCodeAt(0)] = '.'.charCodeAt(0)
  table['、'.charCodeAt(0)] = ','.charCodeAt(0)
  table['～'.charCodeAt(0)] = '~'.charCodeAt(0)
  return table
}

/**
 * OpenCC lists "trad simp [alt…]|…". Only one-to-one BMP pairs keep positions aligned; phrase
 * entries are not needed for keyword matching. A character that may already be simplified
 * (乾 → 干 乾, 著 → 着 著) is left alone rather than guessed.
 */
function addSingleCharacterPairs(table: Uint16Array, dictionary: string, simplified: ReadonlySet<string | undefined>): void {
  for (const entry of dictionary.split('|')) {
    const [from, ...targets] = entry.split(' ')
    const to = targets[0]
    if (!from || !to || from.length !== 1 || to.length !== 1 || targets.includes(from) || simplified.has(from)) continue
    const target = table[to.charCodeAt(0)]!
    table[from.charCodeAt(0)] = target
  }
}

// WeChat's emoji codes: [捂脸] [抱拳] [Smile]; also the old /::) style.
const EMOJI_CODE = /\[[\u4e00-\u9fa5a-z]{1,5}\]|\/::?[a-z()<>!~@$*&|:-]{1,3}/g
const LINK = /(?:https?:\/\/|www\.)[\x21-\x7e]+/g
// WeChat's quoted reply: 「王阿姨：家里没水了」, a line of - - -, then the reply; or 回复 王阿姨："…" ——.
const QUOTE = /^\s*「[^」\n]{0,400}」[^\S\n]*(?:\n\s*(?:-\s*){3,}(?=\n|$))?|^\s*回复\s*[^:\n]{1,12}:\s*“[^”]{0,400}”\s*(?:\n?\s*—{1,2})?/
// A mention runs to the next space (@我 in 可以@我 is an offer, not a mention); a voice-typed one with no space is cut after a title or 4 chars.
const MENTION = /@(?!我)[^\s@,.!?:;]{1,12}?(?:\s|(?<=(?:医生|大夫|书记|主任|老师|阿姨|叔叔|师傅|管家|物业|社区|志愿者|群主))|$)|@(?!我)[^\s@,.!?:;]{1,4}/g

const blank = (match: string): string => ' '.repeat(match.length)

/** The resident's own characters behind a span of `plain` (spaces squeezed out inside it come back). */
export function writtenSpan(text: NormalisedText, start: number, end: number): string {
  const at = text.writtenAt
  if (at === null) return text.original.slice(start, end)
  if (end <= start) return ''
  return text.written.slice(at[start]!, at[end - 1]! + 1)
}

const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff
const isSpace = (code: number): boolean => code === 0x20 || code === 0x3000
// NaN (past either end of the text) is no word character either.
const isWordChar = (code: number): boolean => code > 0x20 && !isSpace(code)

/** A space between two words, one of them Chinese: 摔 地上, 住 3栋 (not 38 5, where it parts numbers). */
function isWordGap(text: string, i: number): boolean {
  if (!isSpace(text.charCodeAt(i))) return false
  const before = text.charCodeAt(i - 1)
  const after = text.charCodeAt(i + 1)
  return isWordChar(before) && isWordChar(after) && (isHan(before) || isHan(after))
}

// Word by word: at least this many gaps between words, and words this long on average or shorter.
const MIN_WORD_GAPS = 3
const MAX_WORD_LENGTH = 2.5

/**
 * 奶奶 摔 地上 起 不 来: typed or dictated word by word, a space after every word or two. Such a
 * message is read with those spaces gone, so 起不来 is found as one word. Spaces between longer runs
 * (有没有退烧药 3栋) are pauses the writer meant, and stay.
 */
function squeezeWordSpaces(written: string): { text: string; at: Int32Array } | null {
  if (!hasSpaces(written, MIN_WORD_GAPS)) return null
  let gaps = 0
  let words = 0
  let wordChars = 0
  for (let i = 0; i < written.length; i++) {
    const code = written.charCodeAt(i)
    if (isWordGap(written, i)) gaps++
    if (!isWordChar(code)) continue
    wordChars++
    if (i === 0 || !isWordChar(written.charCodeAt(i - 1))) words++
  }
  if (gaps < MIN_WORD_GAPS || wordChars > MAX_WORD_LENGTH * words) return null
  const at = new Int32Array(written.length)
  let text = ''
  for (let i = 0; i < written.length; i++) {
    if (isWordGap(written, i)) continue
    at[text.length] = i
    text += written[i]
  }
  return { text, at: at.subarray(0, text.length) }
}

// Most messages have no space, or one or two: no need to look at them character by character.
function hasSpaces(text: string, count: number): boolean {
  let found = 0
  for (let at = text.indexOf(' '); at >= 0 && found < count; at = text.indexOf(' ', at + 1)) found++
  for (let at = text.indexOf('\u3000'); at >= 0 && found < count; at = text.indexOf('\u3000', at + 1)) found++
  return found >= count
}

export function normaliseText(written: string): NormalisedText {
  const squeezed = squeezeWordSpaces(written)
  const original = squeezed?.text ?? written
  let mapped = ''
  // Chunked so that a megabyte paste does not build a megabyte argument list.
  for (let offset = 0; offset < original.length; offset += 4096) {
    const end = Math.min(original.length, offset + 4096)
    const codes = new Array<number>(end - offset)
    for (let i = offset; i < end; i++) codes[i - offset] = charTable[original.charCodeAt(i)]!
    mapped += String.fromCharCode(...codes)
  }
  const emojiCodes: EmojiCode[] = []
  let links = 0
  let mentionsAll = false
  let quoted = false
  // Most messages hold none of these marks: a pattern runs only over a text with the character it needs.
  let plain = mapped.replace(QUOTE, (match) => ((quoted = true), blank(match)))
  if (plain.includes('http') || plain.includes('www.')) plain = plain.replace(LINK, (match) => (links++, blank(match)))
  if (plain.includes('[') || plain.includes('/')) {
    plain = plain.replace(EMOJI_CODE, (match, start: number) => {
      emojiCodes.push({ name: match.replace(/^\[|\]$/g, ''), start, end: start + match.length })
      return blank(match)
    })
  }
  if (plain.includes('@')) {
    plain = plain.replace(MENTION, (match) => {
      if (match.startsWith('@所有人') || match.startsWith('@all')) mentionsAll = true
      return blank(match)
    })
  }
  return { original, plain, writtenAt: squeezed?.at ?? null, written, marks: { mentionsAll, quoted, links, emojiCodes } }
}
