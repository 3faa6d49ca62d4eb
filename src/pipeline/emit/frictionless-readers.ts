/**
 * What makes datapackage.json readable by every Frictionless reader, v1 and v2 alike, on top
 * of the v2 descriptor:
 *
 * - every table resource carries v1's `profile: "tabular-data-resource"`: readers built on
 *   v1 (the frictionless package for R among them) refuse a table resource without it
 *   ("must have a profile property with value tabular-data-resource"); v2 readers ignore it;
 * - every field with an enum also carries v2's `categories` (the same values), which v2
 *   readers use to read the column as a categorical (an R factor, a pandas category);
 * - the package names its `contributors` (v2 form, `roles`).
 */

/** Who made the dataset, as CITATION.cff names them. */
export const contributors = [{ title: 'khojaly-recognition contributors', roles: ['creator'] }] as const

/** The v1 profile of a table resource. */
export const tabularResourceProfile = 'tabular-data-resource'

type Json = Record<string, unknown>

/** Why the profile is there, for the codebook. */
export const profileReason =
  'Every table resource of `datapackage.json` also carries `"profile": "tabular-data-resource"`, a Data Package v1 property: readers built on v1, such as the frictionless package for R, refuse a table resource without it, and v2 readers ignore it. Fields with a fixed list of values carry v2 `categories` beside their `enum`, so that v2 readers can read them as categorical columns.'

/** The descriptor with the v1 profile on each table resource, categories on each enum field, and contributors. */
export function forEveryReader<D extends Json>(descriptor: D): D {
  const resources = (descriptor.resources as Json[] | undefined)?.map((resource) => {
    if (resource.type !== 'table' || typeof resource.schema !== 'object' || resource.schema === null) return resource
    const schema = resource.schema as Json & { fields: Json[] }
    const fields = schema.fields.map((field) => {
      const values = (field.constraints as { enum?: unknown[] } | undefined)?.enum
      return values ? { ...field, categories: [...values] } : field
    })
    const { name, ...rest } = resource
    return { name, profile: tabularResourceProfile, ...rest, schema: { ...schema, fields } }
  })
  const { resources: _, ...rest } = descriptor
  return { ...rest, contributors: contributors.map((c) => ({ ...c, roles: [...c.roles] })), resources } as unknown as D
}
