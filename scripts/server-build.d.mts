/** The newest modification time (ms) of any file under the folders. */
export function newestMtime(...dirs: string[]): number;
/** A digest of every source file's path, size and modification time. */
export function sourceSignature(): string;
/** The built CLI entry when the build in .build/ matches the sources now; otherwise undefined. */
export function currentBuild(signature?: string): string | undefined;
/** Bundles the CLI into .build/ and returns its entry. */
export function buildServer(signature?: string): Promise<string>;
/** The built CLI entry, building it first when the sources changed since the last build. */
export function ensureServerBuild(log?: (message: string) => void): Promise<string>;
/** esbuild's account of a build: each output file, its source inputs and its imports. */
export interface BuildMetafile {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      inputs: Record<string, unknown>;
      imports: { path: string; kind: string; external?: boolean }[];
    }
  >;
}
/** Bundles the CLI into outdir; its metafile. */
export function bundleServer(outdir: string): Promise<BuildMetafile>;
