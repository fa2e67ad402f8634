import { discoveryApi } from "#contracts/api/stack-discovery";
import { stackToolsApi } from "#contracts/api/stack-tools";
import type { ToolListQuery } from "#contracts/stack";
import { call, csvForm } from "../../lib/api";

/** Filters of the catalog, as the URL keeps them. */
export type ToolFilters = Partial<Pick<ToolListQuery, "q" | "category" | "status" | "lifecycle" | "sort">> & {
  archived?: "true";
  needsOwner?: "true";
};

/** Checks (dry run) or imports a catalog CSV file: all lines or none. */
export function importTools({ csv, ...fields }: { csv: string; dryRun: boolean; onlyValid?: boolean }) {
  return call(stackToolsApi.importTools, { body: csvForm(csv, fields, "tools.csv") });
}

/** Checks (dry run) or imports an expense statement for shadow-IT discovery. */
export function importExpenses({
  csv,
  ...fields
}: {
  fileName: string;
  csv: string;
  mode: "dry_run" | "import" | "import_valid";
}) {
  return call(discoveryApi.importExpenses, { body: csvForm(csv, fields, fields.fileName) });
}
