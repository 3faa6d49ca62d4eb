/**
 * `npm run build:explorer`: bundles the explorer's page code (explorer/src/, with esbuild) and
 * the map's boundaries (explorer/atlas.ts) into the committed shell, explorer/shell.html. The
 * data build (`npm run build`) only puts the dataset into the shell at its marker, so it needs
 * no bundler. Deterministic: the same sources and locked packages give the same bytes, which
 * CI checks by rebuilding and comparing.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { build, transform } from 'esbuild'
import { explorerDataMarker, explorerRecordsMarker, scriptJson } from '../src/pipeline/emit/explorer-page.js'
import { makeAtlas } from './atlas.js'

const here = (path: string) => new URL(path, import.meta.url)

const bundled = await build({
  entryPoints: [here('src/main.ts').pathname],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  write: false
})
const script = bundled.outputFiles[0]!.text.trimEnd()
// The script is inline: it may not end its own element or open a comment there.
if (/<\/script|<!--/i.test(script)) throw new Error('the bundled script holds "</script" or "<!--"')
const style = (await transform(readFileSync(here('src/style.css'), 'utf8'), { loader: 'css', minify: true })).code.trimEnd()
if (/<\/style/i.test(style)) throw new Error('the stylesheet holds "</style"')
const digest = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

// No request can leave the page: nothing may be fetched, framed or loaded, and the one script that runs is this one, by its hash.
const policy = [
  "default-src 'none'",
  `script-src ${digest(script)}`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

const shell = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>Khojaly recognition explorer</title>
<style>${style}</style>
</head>
<body>
<noscript><p>This page shows the khojaly-recognition dataset and needs JavaScript. The same data is in the JSON and CSV files beside it (datapackage.json lists them).</p></noscript>
<div id="app"></div>
<script type="application/json" data-explorer="atlas">${scriptJson(makeAtlas())}</script>
${explorerDataMarker}
<script>${script}</script>
${explorerRecordsMarker}
</body>
</html>
`
writeFileSync(here('shell.html'), shell)
console.log(`explorer/shell.html: ${(Buffer.byteLength(shell) / 1024).toFixed(0)} KiB (script ${(Buffer.byteLength(script) / 1024).toFixed(0)} KiB)`)
