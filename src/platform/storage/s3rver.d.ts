// s3rver (an S3-compatible server for tests) ships no types: what the contract test uses of it.
declare module 's3rver' {
	export default class S3rver {
		constructor(options: { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string }[] });
		run(): Promise<{ address: string; port: number }>;
		close(): Promise<void>;
	}
}
