/** The part of the `sql.js` package this project uses (it ships no type declarations). */
declare module 'sql.js' {
  type SqlValue = number | string | Uint8Array | null
  interface QueryExecResult {
    columns: string[]
    values: SqlValue[][]
  }
  interface Statement {
    run(values?: SqlValue[]): void
    free(): boolean
  }
  interface Database {
    run(sql: string, params?: SqlValue[]): Database
    exec(sql: string): QueryExecResult[]
    prepare(sql: string): Statement
    export(): Uint8Array
    close(): void
  }
  interface SqlJsStatic {
    Database: new () => Database
  }
  /** Loads the WebAssembly SQLite (asynchronously, once per thread). */
  function initSqlJs(config?: object): Promise<SqlJsStatic>
  export default initSqlJs
}
