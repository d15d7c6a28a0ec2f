/**
 * Draws the digest's day-at-a-glance chart as a PNG for the WeChat group, on the server and without a browser:
 * ECharts renders an SVG string (its server-side SVG renderer), resvg rasterises it.
 *
 * The Chinese needs the WenQuanYi Micro Hei font among the system fonts (apt package fonts-wqy-microhei, which
 * scripts/setup.sh installs); without it every character comes out as a box or not at all.
 */
import { Resvg } from '@resvg/resvg-js'
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts'
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  type GraphicComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { DigestChartData } from './chart-data.js'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, GraphicComponent, SVGRenderer])

type Option = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | GraphicComponentOption
>

/** The PNG's size in pixels: portrait, so it fills a phone's screen when opened in the group. */
export const DIGEST_CHART_SIZE = { width: 1000, height: 1100 } as const

export const DIGEST_CHART_FONT = 'WenQuanYi Micro Hei'

const HOURS = 24
const LEGEND_ROW = 36
const TEXT = '#333'
const MUTED = '#666'
const SPLIT = '#e6e6e6'
/** Categories in the order they come, one colour each (ECharts' palette and a few more, cycled). */
const CATEGORY_COLOURS = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#2f4554', '#d48265', '#61a0a8']
const RATES = [
  { key: 'response', name: '响应率', colour: '#5470c6', symbol: 'circle' },
  { key: 'resolution', name: '解决率', colour: '#3ba272', symbol: 'rect' },
  { key: 'satisfaction', name: '满意率', colour: '#fc8452', symbol: 'triangle' },
] as const

/**
 * The chart as an SVG document (what `renderDigestChart` rasterises). Rates are fractions, 0–1, drawn as
 * percentages; a rate outside 0–1 throws, so a caller passing percentages finds out at once.
 */
export function renderDigestSvg(data: DigestChartData): string {
  const { width, height } = DIGEST_CHART_SIZE
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(buildOption(data))
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** The chart as a PNG, DIGEST_CHART_SIZE pixels on white. */
export function renderDigestChart(data: DigestChartData): Buffer {
  const svg = renderDigestSvg(data)
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: DIGEST_CHART_FONT, sansSerifFamily: DIGEST_CHART_FONT },
    fitTo: { mode: 'width', value: DIGEST_CHART_SIZE.width },
    background: '#ffffff',
    logLevel: 'off',
  })
  return resvg.render().asPng()
}

function buildOption(data: DigestChartData): Option {
  const categories = Object.keys(data.byHour)
  const counts = categories.map((c) => hourly(data.byHour[c] ?? []))
  const totals = Array.from({ length: HOURS }, (_, h) => counts.reduce((sum, row) => sum + (row[h] ?? 0), 0))
  const total = totals.reduce((a, b) => a + b, 0)

  const { days } = data.rates
  const rates = RATES.map((r) => ({ ...r, values: percentages(r.name, data.rates[r.key], days.length) }))
  const anyRate = rates.some((r) => r.values.some((v) => v !== null))

  const barSeries: BarSeriesOption[] = categories.map((name, i) => ({
    type: 'bar',
    name,
    stack: 'requests',
    xAxisIndex: 0,
    yAxisIndex: 0,
    barWidth: '64%',
    itemStyle: { color: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] },
    data: counts[i],
  }))
  // An invisible bar on top of each stack, carrying the hour's total as its label.
  const totalSeries: BarSeriesOption = {
    type: 'bar',
    name: '\u0000total',
    stack: 'requests',
    xAxisIndex: 0,
    yAxisIndex: 0,
    silent: true,
    itemStyle: { color: 'transparent' },
    label: {
      show: true,
      position: 'top',
      distance: 4,
      fontSize: 20,
      fontWeight: 'bold',
      color: TEXT,
      formatter: (p) => (totals[p.dataIndex] ? String(totals[p.dataIndex]) : ''),
    },
    data: totals.map(() => 0),
  }
  const lineSeries: LineSeriesOption[] = rates.map((r) => ({
    type: 'line',
    name: r.name,
    xAxisIndex: 1,
    yAxisIndex: 1,
    connectNulls: false,
    showAllSymbol: true,
    symbol: r.symbol,
    symbolSize: 14,
    lineStyle: { width: 4, color: r.colour },
    itemStyle: { color: r.colour },
    data: r.values,
  }))

  // Many categories wrap the legend onto more rows: the bar chart gives up height for them.
  const legendShift = (legendRows(categories) - 1) * LEGEND_ROW
  const barTop = 200 + legendShift
  const barHeight = 330 - legendShift

  const empty: GraphicComponentOption[] = []
  if (total === 0) empty.push(note('当日无求助', barTop + barHeight / 2 - 20))
  if (!anyRate) empty.push(note('近7天无数据', 840))

  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: DIGEST_CHART_FONT, color: TEXT },
    title: [
      { text: `${data.community} ${data.day} 日报`, left: 'center', top: 22, textStyle: { fontSize: 40, fontWeight: 'bold', color: '#222' } },
      { text: `当日各时段求助（共 ${total} 件）`, left: 40, top: 100, textStyle: { fontSize: 28, fontWeight: 'bold', color: TEXT } },
      { text: '近7天三率（%）', left: 40, top: 610, textStyle: { fontSize: 28, fontWeight: 'bold', color: TEXT } },
    ],
    legend: [
      {
        data: categories,
        // Each category's count for the day beside its name.
        formatter: (name) => `${name} ${counts[categories.indexOf(name)]?.reduce((x, y) => x + y, 0) ?? 0}`,
        left: 40,
        right: 40,
        top: 148,
        itemWidth: 28,
        itemHeight: 18,
        itemGap: 24,
        textStyle: { fontSize: 22, color: TEXT },
      },
      {
        data: RATES.map((r) => r.name),
        // The day's own value beside each name: the number people look for.
        formatter: (name) => {
          const last = rates.find((r) => r.name === name)?.values.at(-1)
          return `${name} 今日${last === null || last === undefined ? ' —' : ` ${last}%`}`
        },
        left: 40,
        top: 658,
        itemWidth: 40,
        itemHeight: 16,
        itemGap: 32,
        textStyle: { fontSize: 22, color: TEXT },
      },
    ],
    grid: [
      { left: 70, right: 40, top: barTop, height: barHeight },
      { left: 70, right: 40, top: 710, height: 320 },
    ],
    xAxis: [
      {
        type: 'category',
        gridIndex: 0,
        data: Array.from({ length: HOURS }, (_, h) => String(h)),
        axisTick: { alignWithLabel: true, interval: 1 },
        axisLabel: { fontSize: 20, color: MUTED, interval: 1, formatter: (h: string) => `${h}时` },
        axisLine: { lineStyle: { color: '#999' } },
      },
      {
        type: 'category',
        gridIndex: 1,
        data: days.map(monthDay),
        boundaryGap: true,
        axisTick: { alignWithLabel: true },
        axisLabel: { fontSize: 22, color: MUTED },
        axisLine: { lineStyle: { color: '#999' } },
      },
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        minInterval: 1,
        // Room above the tallest bar for its total; at least 0–4 on a quiet day.
        boundaryGap: [0, '12%'],
        max: (v) => (v.max < 4 ? 4 : null),
        axisLabel: { fontSize: 20, color: MUTED },
        splitLine: { lineStyle: { color: SPLIT } },
      },
      {
        type: 'value',
        gridIndex: 1,
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { fontSize: 20, color: MUTED },
        splitLine: { lineStyle: { color: SPLIT } },
      },
    ],
    graphic: empty,
    series: [...barSeries, totalSeries, ...lineSeries],
  }
}

/** How many rows the category legend takes, as ECharts wraps it in the 920 px between the margins. */
function legendRows(categories: readonly string[]): number {
  let rows = 1
  let x = 0
  for (const name of categories) {
    const item = 28 + 5 + [...`${name} 000`].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 13 : 22), 0)
    if (x > 0 && x + item > 920) {
      rows += 1
      x = 0
    }
    x += item + 24
  }
  return rows
}

/** 24 counts, missing hours as 0. */
function hourly(counts: readonly number[]): number[] {
  return Array.from({ length: HOURS }, (_, h) => {
    const n = counts[h]
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0
  })
}

/** A rate series as percentages, one per day; missing and null values are gaps. */
function percentages(name: string, values: readonly (number | null)[], length: number): (number | null)[] {
  return Array.from({ length }, (_, i) => {
    const v = values[i]
    if (v === null || v === undefined) return null
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`${name} must be a fraction from 0 to 1 or null, got ${v}`)
    return Math.round(v * 1000) / 10
  })
}

/** YYYY-MM-DD → MM-DD; anything else as given. */
function monthDay(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.slice(5) : day
}

function note(text: string, top: number): GraphicComponentOption {
  return { type: 'text', left: 'center', top, style: { text, fontSize: 26, fill: '#999', fontFamily: DIGEST_CHART_FONT } }
}
