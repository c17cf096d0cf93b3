// One schema.prisma is the source; each provider gets a derived copy that differs only in its
// provider line and client output folder.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Provider = "sqlite" | "postgresql";
export const PROVIDERS: Provider[] = ["sqlite", "postgresql"];

export const prismaDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const variantsDir = join(prismaDir, ".variants");

export function schemaFor(source: string, provider: Provider): string {
  const out = provider === "sqlite" ? "sqlite" : "pg";
  const replaced = source.replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`).replace(/output\s*=\s*"\.\.\/app\/generated\/sqlite"/, `output       = "../../app/generated/${out}"`);
  if (!replaced.includes(`provider = "${provider}"`)) {
    throw new Error('schema.prisma must declare provider = "sqlite" in its datasource');
  }
  return replaced;
}

export function writeVariant(source: string, provider: Provider, name: string = provider): string {
  mkdirSync(variantsDir, { recursive: true });
  const file = join(variantsDir, `${name}.prisma`);
  writeFileSync(file, schemaFor(source, provider));
  return file;
}

export function readSchema(): string {
  return readFileSync(join(prismaDir, "schema.prisma"), "utf8");
}
