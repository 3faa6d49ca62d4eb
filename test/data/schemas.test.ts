import { readdirSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { entities } from '../../src/schema/entities.js'
import { entityFile, entityNames } from '../helpers/published.js'

const schemaDir = new URL('../../schemas/', import.meta.url)
const schemas = readdirSync(schemaDir)
  .filter((n) => n.endsWith('.schema.json'))
  .map((n) => ({ name: n, schema: JSON.parse(readFileSync(new URL(n, schemaDir), 'utf8')) }))

describe('every JSON file validates against its emitted JSON Schema', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  ;(addFormats as unknown as (a: Ajv2020) => void)(ajv)
  for (const { schema } of schemas) ajv.addSchema(schema)

  it('has a record schema and a file schema per entity, draft 2020-12, $id with the major version', () => {
    const major = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version.split('.')[0]
    expect(schemas.map((s) => s.name).sort()).toEqual(entities.flatMap((e) => [`${e.name}.schema.json`, `${e.recordName}.schema.json`]).sort())
    for (const { name, schema } of schemas) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(schema.$id).toBe(`https://unpkg.com/khojaly-recognition@${major}/schemas/${name}`)
    }
  })

  for (const name of entityNames) {
    it(`${name}.json passes Ajv2020 in strict mode`, () => {
      const validate = ajv.getSchema(schemas.find((s) => s.name === `${name}.schema.json`)!.schema.$id)!
      const valid = validate(entityFile(name))
      expect(validate.errors ?? []).toEqual([])
      expect(valid).toBe(true)
    })
  }

  it('rejects a record that breaks the schema (a Cyrillic letter in a normalized field)', () => {
    const file = entityFile('acts')
    const validate = ajv.getSchema(schemas.find((s) => s.name === 'acts.schema.json')!.schema.$id)!
    file.records[0]!.jurisdictionName = 'Кhojaly'
    expect(validate(file)).toBe(false)
  })
})

describe('every record parses with its zod schema', () => {
  for (const entity of entities) {
    it(entity.name, () => {
      for (const record of entityFile(entity.name).records) expect(entity.schema.safeParse(record).error, record.id).toBeUndefined()
    })
  }
})
