import { describe, expect, it } from 'vitest'
import type { DigestChartData } from '../src/digest/chart-data.js'
import { DIGEST_CHART_SIZE, renderDigestChart, renderDigestSvg } from '../src/digest/render-chart.js'

function hours(counts: Record<number, number>): number[] {
  const row = Array<number>(24).fill(0)
  for (const [hour, n] of Object.entries(counts)) row[Number(hour)] = n
  return row
}

const fixture: DigestChartData = {
  day: '2024-12-28',
  community: '幸福里社区',
  byHour: {
    买药送药: hours({ 7: 2, 8: 5, 9: 7, 10: 6, 14: 4, 19: 4, 20: 6, 21: 3 }),
    发烧咨询: hours({ 0: 1, 8: 3, 9: 4, 18: 2, 20: 5, 23: 2 }),
  },
  rates: {
    days: ['2024-12-22', '2024-12-23', '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-27', '2024-12-28'],
    response: [0.92, 0.95, null, 0.88, 0.97, 1, 0.96],
    resolution: [0.8, 0.86, null, 0.75, 0.9, 0.93, 0.89],
    satisfaction: [0.9, null, null, 0.85, 0.95, 0.97, 0.94],
  },
}

/** Width and height from the PNG's IHDR chunk, which follows the 8-byte signature and its own length and type. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('digest chart', () => {
  const png = renderDigestChart(fixture)

  it('is a PNG of the intended size, and not an empty one', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(pngSize(png)).toEqual({ width: DIGEST_CHART_SIZE.width, height: DIGEST_CHART_SIZE.height })
    expect(DIGEST_CHART_SIZE).toEqual({ width: 1000, height: 1100 })
    expect(png.length).toBeGreaterThan(20_000)
  })

  it('draws the Chinese as glyphs: another title in Chinese of the same length gives another picture', () => {
    // Boxes (or nothing) in place of missing glyphs would look the same for any five characters.
    expect(renderDigestChart(fixture).equals(png)).toBe(true)
    const other = renderDigestChart({ ...fixture, community: '和平路街道' })
    expect(pngSize(other)).toEqual(pngSize(png))
    expect(other.equals(png)).toBe(false)
  })

  it('writes the title, section names, categories, rates and MM-DD days, in the CJK font', () => {
    const svg = renderDigestSvg(fixture)
    for (const text of ['幸福里社区 2024-12-28 日报', '当日各时段求助', '近7天三率', '买药送药', '发烧咨询', '响应率', '解决率', '满意率', '12-22', '12-28']) {
      expect(svg).toContain(text)
    }
    expect(svg).not.toContain('2024-12-22')
    expect(svg).toContain('WenQuanYi Micro Hei')
  })

  it('refuses rates given as percentages rather than fractions', () => {
    const rates = { ...fixture.rates, response: [92, 95, null, 88, 97, 100, 96] }
    expect(() => renderDigestSvg({ ...fixture, rates })).toThrow(RangeError)
  })
})
