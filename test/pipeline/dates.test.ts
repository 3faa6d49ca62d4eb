import { describe, expect, it } from 'vitest'
import { edtfBounds, partsToEdtf, readDatePhrase } from '../../src/pipeline/recognize/dates.js'

const edtfOf = (phrase: string) => partsToEdtf(readDatePhrase(phrase) ?? {})

describe('date phrases become EDTF that claims no more than the words', () => {
  it.each([
    ['On February 25, 2010', '2010-02-25'],
    ['March 2011', '2011-03'],
    ['In 2011', '2011'],
    ['November 15-17, 2012', '2012-11-15/2012-11-17'],
    ['28th June of 2011', '2011-06-28'],
    ['at the end of 2011', '2011-41'],
    ['in the autumn of 2007', '2007-27'],
    ['In May 2009', '2009-05'],
    ['December 9, 1948', '1948-12-09']
  ])('%s → %s', (phrase, expected) => {
    expect(edtfOf(phrase)).toBe(expected)
  })

  it('gives no EDTF for a phrase without a year', () => {
    expect(readDatePhrase('May 17')).toEqual({ month: 5, day: 17 })
    expect(edtfOf('May 17')).toBeUndefined()
    expect(readDatePhrase('20th anniversary')).toBeUndefined()
  })
})

describe('EDTF bounds contain every day the value can mean', () => {
  it.each([
    ['2010-02-25', '2010-02-25', '2010-02-25'],
    ['2011-03', '2011-03-01', '2011-03-31'],
    ['2012-02', '2012-02-01', '2012-02-29'],
    ['2011', '2011-01-01', '2011-12-31'],
    ['2012-11-15/2012-11-17', '2012-11-15', '2012-11-17'],
    ['2011-41', '2011-07-01', '2011-12-31'],
    ['2011-40', '2011-01-01', '2011-06-30'],
    ['2007-27', '2007-09-01', '2007-11-30'], // northern autumn, meteorological: not July–September
    ['2007-25', '2007-03-01', '2007-05-31'],
    ['2011-28', '2011-12-01', '2012-02-29'], // winter runs into the next year, a leap February
    ['2011-33', '2011-01-01', '2011-03-31']
  ])('%s → %s … %s', (value, start, end) => {
    expect(edtfBounds(value)).toEqual({ start, end })
  })

  it('refuses what is not EDTF', () => {
    expect(edtfBounds('2011-13-45')).toBeUndefined()
    expect(edtfBounds('sometime')).toBeUndefined()
  })
})
