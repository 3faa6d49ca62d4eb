/**
 * Preloaded with `node --import ./bench/record-modules.mjs`: records the URL of every ES
 * module the process resolves into the file named by BENCH_MODULES_OUT.
 */
import { register } from 'node:module'

register('./module-hooks.mjs', import.meta.url, { data: { out: process.env.BENCH_MODULES_OUT } })
