/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas: one file per record type and
 * one per entity file, each with a stable `$id` carrying the major version. The envelope
 * schemas refer to the record schemas by `$id` rather than embedding them, so a validator
 * loads each once (see PITFALLS: an embedded `$id` breaks `$ref` resolution in Ajv).
 */
import { z } from 'zod'
import { entities } from '../../schema/entities.js'
import { envelopeOf } from '../../schema/envelope.js'

/** Base of every schema `$id` for a major version: where the published package serves them. */
export function schemaBase(version: string): string {
  return `https://unpkg.com/khojaly-recognition@${version.split('.')[0]}/schemas/`
}

/** File name of the schema of a record type or entity file. */
export const schemaFileName = (name: string) => `${name}.schema.json`

/** Every schema, by file name, in a stable order. */
export function generateJsonSchemas(version: string): Map<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>()
  for (const entity of entities) {
    registry.add(entity.schema, { id: entity.recordName })
    registry.add(envelopeOf(entity.schema).meta({ title: `${entity.name}.json`, description: `The file ${entity.name}.json: ${entity.description}` }), {
      id: entity.name
    })
  }
  const base = schemaBase(version)
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => base + schemaFileName(id) })
  const files = new Map<string, Record<string, unknown>>()
  for (const entity of entities) {
    for (const id of [entity.recordName, entity.name]) files.set(schemaFileName(id), schemas[id] as Record<string, unknown>)
  }
  return files
}
