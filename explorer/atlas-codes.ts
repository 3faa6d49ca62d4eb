/**
 * The one table from the atlases' ids to ISO 3166: world-atlas gives each country its ISO
 * 3166-1 numeric code (read as alpha-2 through iso-3166's own table of the standard); us-atlas
 * gives each state its FIPS 5-2 code, mapped to ISO 3166-2 below. Tested against iso-3166's
 * names and against every jurisdiction of the record (test/explorer/atlas.test.ts).
 */
import { iso31661NumericToAlpha2 } from 'iso-3166'

/** us-atlas state ids (FIPS 5-2) and the ISO 3166-2 code of each. */
export const usStateCodes: Readonly<Record<string, string>> = {
  '01': 'US-AL', // Alabama
  '02': 'US-AK', // Alaska
  '04': 'US-AZ', // Arizona
  '05': 'US-AR', // Arkansas
  '06': 'US-CA', // California
  '08': 'US-CO', // Colorado
  '09': 'US-CT', // Connecticut
  '10': 'US-DE', // Delaware
  '11': 'US-DC', // District of Columbia
  '12': 'US-FL', // Florida
  '13': 'US-GA', // Georgia
  '15': 'US-HI', // Hawaii
  '16': 'US-ID', // Idaho
  '17': 'US-IL', // Illinois
  '18': 'US-IN', // Indiana
  '19': 'US-IA', // Iowa
  '20': 'US-KS', // Kansas
  '21': 'US-KY', // Kentucky
  '22': 'US-LA', // Louisiana
  '23': 'US-ME', // Maine
  '24': 'US-MD', // Maryland
  '25': 'US-MA', // Massachusetts
  '26': 'US-MI', // Michigan
  '27': 'US-MN', // Minnesota
  '28': 'US-MS', // Mississippi
  '29': 'US-MO', // Missouri
  '30': 'US-MT', // Montana
  '31': 'US-NE', // Nebraska
  '32': 'US-NV', // Nevada
  '33': 'US-NH', // New Hampshire
  '34': 'US-NJ', // New Jersey
  '35': 'US-NM', // New Mexico
  '36': 'US-NY', // New York
  '37': 'US-NC', // North Carolina
  '38': 'US-ND', // North Dakota
  '39': 'US-OH', // Ohio
  '40': 'US-OK', // Oklahoma
  '41': 'US-OR', // Oregon
  '42': 'US-PA', // Pennsylvania
  '44': 'US-RI', // Rhode Island
  '45': 'US-SC', // South Carolina
  '46': 'US-SD', // South Dakota
  '47': 'US-TN', // Tennessee
  '48': 'US-TX', // Texas
  '49': 'US-UT', // Utah
  '50': 'US-VT', // Vermont
  '51': 'US-VA', // Virginia
  '53': 'US-WA', // Washington
  '54': 'US-WV', // West Virginia
  '55': 'US-WI', // Wisconsin
  '56': 'US-WY', // Wyoming
  '60': 'US-AS', // American Samoa
  '66': 'US-GU', // Guam
  '69': 'US-MP', // Commonwealth of the Northern Mariana Islands
  '72': 'US-PR', // Puerto Rico
  '78': 'US-VI' // United States Virgin Islands
}

/** The ISO 3166 code of an atlas feature: alpha-2 for a world-atlas country, `US-xx` for a us-atlas state; undefined for a feature with no code (such as Kosovo or Somaliland in world-atlas). */
export function atlasCode(atlas: 'countries' | 'states', id: string | number | undefined): string | undefined {
  if (id === undefined) return undefined
  return atlas === 'countries' ? iso31661NumericToAlpha2[String(id)] : usStateCodes[String(id)]
}
