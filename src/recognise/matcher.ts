/**
 * Multi-keyword matcher (Aho–Corasick over UTF-16 code units).
 *
 * Hundreds of keywords are checked in one left-to-right pass, so the cost is linear in the
 * text length whatever the size of the lexicon: a 50,000-character paste costs the same per
 * character as a five-word message. A regex alternation of the same words backtracks per position.
 */
export interface Term<T> {
  readonly word: string
  readonly value: T
}

export interface Hit<T> {
  readonly start: number
  readonly end: number
  readonly word: string
  readonly value: T
}

interface Node<T> {
  readonly next: Map<number, Node<T>>
  fail: Node<T> | null
  /** Terms ending at this node, including those inherited through fail links. */
  out: Term<T>[]
}

export interface Matcher<T> {
  /**
   * Every occurrence, minus any hit that lies strictly inside a longer one of the same group
   * (so 已经退烧了 hides the 退烧 inside it, 布洛芬混悬液 hides 布洛芬).
   */
  findAll(text: string): Hit<T>[]
}

/** Which hits may hide each other (a small group number); by default all of them. */
export type GroupOf<T> = (value: T) => number

function createNode<T>(): Node<T> {
  return { next: new Map(), fail: null, out: [] }
}

export function createMatcher<T>(terms: readonly Term<T>[], groupOf: GroupOf<T> = () => 0): Matcher<T> {
  const root = createNode<T>()
  for (const term of terms) {
    if (term.word.length === 0) continue
    let node = root
    for (let i = 0; i < term.word.length; i++) {
      const code = term.word.charCodeAt(i)
      let child = node.next.get(code)
      if (!child) {
        child = createNode<T>()
        node.next.set(code, child)
      }
      node = child
    }
    node.out.push(term)
  }
  linkFailures(root)
  const automaton = compile(root)
  return { findAll: (text) => dropNested(scan(automaton, text), groupOf) }
}

/**
 * The trie as flat arrays: node ids, transitions in one open-addressing table keyed by (node,
 * character), fail links by id. A step is a multiply and a probe or two, not a Map lookup per node.
 */
interface Automaton<T> {
  /**
   * The root's transitions by character, ROOT where none: most steps start at the root (a word's first
   * character, or a character after a mismatch), and a direct read there saves a probe. 16 bits hold
   * every node id (MAX_NODES), and half the table's size keeps more of it in the cache.
   */
  readonly fromRoot: Uint16Array
  readonly transitions: Transitions
  readonly fail: Int32Array
  /** Terms ending at each node (inherited through fail links), undefined where none do. */
  readonly out: readonly (readonly Term<T>[] | undefined)[]
}

const ROOT = 0

function compile<T>(root: Node<T>): Automaton<T> {
  const nodes: Node<T>[] = [root]
  const ids = new Map<Node<T>, number>([[root, ROOT]])
  for (let head = 0; head < nodes.length; head++) {
    for (const child of nodes[head]!.next.values()) {
      ids.set(child, nodes.length)
      nodes.push(child)
    }
  }
  const edges: [node: number, code: number, to: number][] = []
  const fail = new Int32Array(nodes.length)
  nodes.forEach((node, id) => {
    fail[id] = node.fail ? ids.get(node.fail)! : ROOT
    for (const [code, child] of node.next) edges.push([id, code, ids.get(child)!])
  })
  const fromRoot = new Uint16Array(0x10000)
  for (const [code, child] of root.next) fromRoot[code] = ids.get(child)!
  return { fromRoot, transitions: new Transitions(edges), fail, out: nodes.map((node) => (node.out.length > 0 ? node.out : undefined)) }
}

class Transitions {
  /** Key (node and character in one Int32) and target side by side, so a probe reads one cache line. */
  private readonly slots: Int32Array
  private readonly mask: number
  private readonly shift: number

  constructor(edges: readonly (readonly [number, number, number])[]) {
    let bits = 4
    while (1 << bits < edges.length * 2) bits++
    this.shift = 32 - bits
    this.mask = (1 << bits) - 1
    this.slots = new Int32Array(2 << bits)
    for (let slot = 0; slot <= this.mask; slot++) this.slots[2 * slot + 1] = -1
    for (const [node, code, to] of edges) {
      if (node >= MAX_NODES) throw new Error(`matcher: more than ${MAX_NODES} trie nodes`)
      const key = keyOf(node, code)
      let slot = this.slotOf(key)
      while (this.slots[2 * slot + 1] !== -1) slot = (slot + 1) & this.mask
      this.slots[2 * slot] = key
      this.slots[2 * slot + 1] = to
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift
  }

  /** The node reached from `node` on `code`, or -1. */
  get(node: number, code: number): number {
    const slots = this.slots
    const key = keyOf(node, code)
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const to = slots[2 * slot + 1]!
      if (to === -1 || slots[2 * slot] === key) return to
    }
  }
}

// A node id and a UTF-16 unit make one Int32 key; the lexicon's trie has about 7,500 nodes.
const MAX_NODES = 0x10000

function keyOf(node: number, code: number): number {
  return (node << 16) | code
}

function linkFailures<T>(root: Node<T>): void {
  const queue: Node<T>[] = []
  for (const child of root.next.values()) {
    child.fail = root
    queue.push(child)
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!
    for (const [code, child] of node.next) {
      let fail = node.fail
      while (fail && !fail.next.has(code)) fail = fail.fail
      child.fail = fail?.next.get(code) ?? root
      if (child.fail.out.length > 0) child.out = [...child.out, ...child.fail.out]
      queue.push(child)
    }
  }
}

function scan<T>(automaton: Automaton<T>, text: string): Hit<T>[] {
  const { fromRoot, transitions, fail, out } = automaton
  const hits: Hit<T>[] = []
  let node = ROOT
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let next = -1
    while (node !== ROOT && (next = transitions.get(node, code)) === -1) node = fail[node]!
    node = node === ROOT ? fromRoot[code]! : next
    if (node === ROOT) continue
    const terms = out[node]
    if (terms !== undefined) {
      for (const term of terms) hits.push({ start: i + 1 - term.word.length, end: i + 1, word: term.word, value: term.value })
    }
  }
  return hits
}

function dropNested<T>(hits: Hit<T>[], groupOf: GroupOf<T>): Hit<T>[] {
  if (hits.length < 2) return hits
  hits.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Hit<T>[] = []
  // Per group, the hit reaching furthest so far: sorted by start, anything inside it is nested.
  const coverStart: number[] = []
  const coverEnd: number[] = []
  for (const hit of hits) {
    const group = groupOf(hit.value)
    const end = coverEnd[group] ?? -1
    const start = coverStart[group] ?? -1
    const inside = hit.start >= start && hit.end <= end
    if (inside && !(hit.start === start && hit.end === end)) continue
    kept.push(hit)
    if (hit.end > end) {
      coverStart[group] = hit.start
      coverEnd[group] = hit.end
    }
  }
  return kept
}
