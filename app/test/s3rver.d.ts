// The few parts of s3rver (a local S3-compatible server, tests only) the tests use.
declare module "s3rver" {
  type Options = { address?: string; port?: number; directory: string; silent?: boolean; configureBuckets?: { name: string }[]; resetOnClose?: boolean };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
