// The query compilers of Prisma's client engine, whose `compile` query-plans.server.ts wraps.
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export class QueryCompiler {
    compile(query: string): unknown;
  }
}
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export class QueryCompiler {
    compile(query: string): unknown;
  }
}
