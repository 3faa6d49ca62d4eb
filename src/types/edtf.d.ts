/** The part of the `edtf` package this project uses (it ships no type declarations). */
declare module 'edtf' {
  /** A parsed EDTF value; `min` and `max` are epoch milliseconds bounding every day it can mean. */
  interface ExtDateTime {
    readonly type: string
    readonly min: number
    readonly max: number
    readonly edtf: string
  }
  /** Parses an EDTF string; throws on invalid input. */
  function edtf(text: string): ExtDateTime
  export default edtf
}
