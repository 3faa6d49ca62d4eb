/**
 * The explorer's entry: reads the data blocks, draws the view the address names, and keeps the
 * table's view in the address. Routes: `#/?filters` the overview with the table, `#/act/<id>`
 * an act's page, `#/source/<id>?report=<id>` a source text. Other fragments are jumps within
 * the page and leave the view alone.
 */
import { actPage } from './act-page.js'
import { haystackOf, loadData, loadRecords, type Data } from './data.js'
import { defaultView, filterNames, queryOfView, viewFromQuery, type SortKey, type View } from './filters.js'
import { html } from './html.js'
import { overview } from './overview.js'
import { sourcePage } from './source-page.js'
import { tableRegion } from './table.js'
import { actAt, markLabel } from './timeline.js'

type Route = { name: 'overview'; query: string } | { name: 'act'; id: string } | { name: 'source'; id: string; report?: string }

/** The route of a fragment; undefined for a jump within the page (`#acts`). */
export function routeOf(hash: string): Route | undefined {
  if (hash === '' || hash === '#') return { name: 'overview', query: '' }
  if (!hash.startsWith('#/')) return undefined
  const [path = '', query = ''] = hash.slice(2).split('?', 2) as [string?, string?]
  const [name, ...rest] = path.split('/')
  const id = decodeURIComponent(rest.join('/'))
  if (name === 'act' && id) return { name: 'act', id }
  if (name === 'source' && id) return { name: 'source', id, report: new URLSearchParams(query).get('report') ?? undefined }
  return { name: 'overview', query }
}

/** The act whose timeline mark is under the pointer. */
function markAt(chart: SVGSVGElement, event: MouseEvent) {
  const matrix = chart.getScreenCTM()
  if (!matrix) return undefined
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
  return actAt(point.x, point.y)
}

function start(data: Data): void {
  const app = document.getElementById('app')!
  app.innerHTML = html`<a class="skip" href="#main" data-jump="main">Skip to the content</a>
    <header class="site">
      <p><a href="#/" class="home">Khojaly recognition: explorer</a> <span class="version">data version ${data.version}</span></p>
      <nav aria-label="Sections">
        <ul>
          <li><a href="#/" data-jump="counts-heading">Overview</a></li>
          <li><a href="#/" data-jump="map-section">Map</a></li>
          <li><a href="#/" data-jump="acts">Acts</a></li>
          ${data.sources.map((s) => html`<li><a href="#/source/${encodeURIComponent(s.id)}">Source text${data.sources.length > 1 ? `: ${s.id}` : ''}</a></li>`)}
          <li><a href="#/" data-jump="downloads">Downloads and citing</a></li>
        </ul>
      </nav>
    </header>
    <main id="main" tabindex="-1"></main>
    <footer class="site">
      <p>
        khojaly-recognition ${data.version}. Data under CC BY 4.0; the source texts are reproduced only so that provenance can be checked. Boundaries:
        ${data.atlas.credits.countries}; ${data.atlas.credits.states}.
      </p>
    </footer>`.text
  const main = document.getElementById('main')!
  let view: View = defaultView()
  let overviewHash = '#/'
  let lastAct: string | undefined
  let first = true

  const focus = (element: HTMLElement | null) => {
    if (!element) return
    if (!element.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) element.setAttribute('tabindex', '-1')
    element.focus({ preventScroll: true })
    element.scrollIntoView({ block: 'start' })
  }

  const render = () => {
    const route = routeOf(location.hash)
    if (!route) return
    if (route.name === 'overview') {
      view = viewFromQuery(route.query)
      main.innerHTML = overview(data, view).text
      overviewHash = location.hash || '#/'
      document.title = `Khojaly recognition explorer (${data.version})`
      const link = lastAct ? main.querySelector<HTMLElement>(`a[data-act-link="${CSS.escape(lastAct)}"]`) : null
      if (!first) focus(link ?? document.getElementById('page-title'))
    } else if (route.name === 'act') {
      const full = loadRecords(document)
      // Opened at an act: its records come after this script, so the page is drawn once the parser has read them.
      if (!full) return void document.addEventListener('DOMContentLoaded', render, { once: true })
      lastAct = route.id
      main.innerHTML = actPage(data, full, route.id, overviewHash).text
      const act = full.actById.get(route.id)
      document.title = `${act ? `${act.body ?? act.actType ?? 'Act'}, ${act.jurisdictionName}` : 'No such act'} — Khojaly recognition explorer`
      focus(document.getElementById('page-title'))
    } else {
      main.innerHTML = sourcePage(data, route.id, route.report, overviewHash).text
      document.title = `Source text ${route.id} — Khojaly recognition explorer`
      const mark = main.querySelector<HTMLElement>('mark.current')
      if (mark) mark.id = 'quote-start'
      focus(document.getElementById('page-title'))
      if (mark) mark.scrollIntoView({ block: 'center' })
    }
    first = false
  }

  /** Redraws the table for the current view and writes the view into the address. */
  const updateTable = () => {
    const region = document.getElementById('table-region')
    if (!region) return
    region.innerHTML = tableRegion(data, view).html.text
    const query = queryOfView(view)
    overviewHash = `#/${query ? `?${query}` : ''}`
    history.replaceState(null, '', overviewHash)
  }

  const jump = (target: string) => {
    const element = document.getElementById(target)
    if (element) return focus(element)
    // A section of the overview asked for from another view: go back to the overview first.
    location.hash = overviewHash
    requestAnimationFrame(() => focus(document.getElementById(target)))
  }

  const setFilter = (name: string, value: string) => {
    ;(view as unknown as Record<string, string>)[name] = value
    view.page = 1
    updateTable()
  }

  app.addEventListener('click', (event) => {
    const target = event.target as Element
    const jumpTo = target.closest('[data-jump]')
    if (jumpTo) {
      event.preventDefault()
      return jump(jumpTo.getAttribute('data-jump')!)
    }
    const sort = target.closest('button[data-sort]')
    if (sort) {
      const key = sort.getAttribute('data-sort') as SortKey
      view = { ...view, dir: view.sort === key && view.dir === 'asc' ? 'desc' : 'asc', sort: key, page: 1 }
      updateTable()
      document.querySelector<HTMLElement>(`button[data-sort="${key}"]`)?.focus()
      return
    }
    const page = target.closest('button[data-page]')
    if (page) {
      view = { ...view, page: Number(page.getAttribute('data-page')) }
      updateTable()
      document.getElementById('acts-caption')?.focus()
      return
    }
    if (target.closest('[data-action="clear"]')) {
      view = { ...defaultView(), sort: view.sort, dir: view.dir }
      for (const name of filterNames) {
        const field = document.querySelector<HTMLInputElement | HTMLSelectElement>(`#filters [name="${name}"]`)
        if (field) field.value = ''
      }
      updateTable()
      return
    }
    const shape = target.closest('path[data-code].has-acts')
    if (shape) {
      const code = shape.getAttribute('data-code')!
      const select = document.querySelector<HTMLSelectElement>('#filters [name="jurisdiction"]')
      if (select) select.value = code
      setFilter('jurisdiction', code)
      document.getElementById('acts')?.scrollIntoView({ block: 'start' })
      return
    }
    const chart = target.closest<SVGSVGElement>('svg.timeline')
    const marked = chart ? markAt(chart, event) : undefined
    if (marked) location.hash = `#/act/${encodeURIComponent(marked.act.id)}`
  })

  // The timeline's marks name their act under the pointer (a mouse aid: the table says the same to everyone).
  app.addEventListener('pointermove', (event) => {
    const tip = document.getElementById('timeline-tip')
    if (!tip) return
    const chart = (event.target as Element).closest<SVGSVGElement>('svg.timeline')
    const marked = chart ? markAt(chart, event) : undefined
    if (!chart || !marked) return void (tip.hidden = true)
    const box = tip.parentElement!.getBoundingClientRect()
    tip.textContent = markLabel(marked)
    tip.style.left = `${Math.min(event.clientX - box.left + 12, box.width - 200)}px`
    tip.style.top = `${event.clientY - box.top + 12}px`
    tip.hidden = false
  })

  const onField = (event: Event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement
    if (!field.closest('#filters') || !(filterNames as readonly string[]).includes(field.name)) return
    setFilter(field.name, field.value)
  }
  // A select reports a choice as a change; the search box reports every keystroke as an input.
  app.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName === 'SELECT') onField(event)
  })
  app.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).tagName === 'INPUT') onField(event)
  })
  app.addEventListener('submit', (event) => event.preventDefault())
  window.addEventListener('hashchange', render)
  render()
  performance.mark('explorer-rendered')
  // Once the overview is on the screen and the parser done, read the whole records and make the search's text, while nothing else is asked.
  const warm = () => {
    const full = loadRecords(document)
    if (!full) return
    for (const row of data.rows) haystackOf(row, full)
    // A search drawn before the records were read looked in the index's fields only: draw it again over the whole records.
    const route = routeOf(location.hash)
    if (view.q && route?.name === 'overview') {
      const region = document.getElementById('table-region')
      if (region) region.innerHTML = tableRegion(data, view).html.text
    }
    performance.mark('explorer-records')
  }
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(warm, { timeout: 2000 }) : setTimeout(warm, 50))
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenIdle, { once: true })
  else whenIdle()
}

try {
  // Marks the bench reads: when the script began (the HTML, data and all, is parsed by then) and when the data was read.
  performance.mark('explorer-start')
  const data = loadData(document)
  performance.mark('explorer-data')
  start(data)
} catch (error) {
  const app = document.getElementById('app')
  if (app) app.textContent = `The explorer could not start: ${(error as Error).message}`
  throw error
}
