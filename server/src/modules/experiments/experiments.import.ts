import { parse } from "csv-parse/sync";
import type { MetricAggregates, VariantAggregates } from "#contracts/experiments";
import { type ExperimentDesign, metricsOf } from "./experiments.design";

/** A bad line of an import: `csv[line].column` and what is wrong. */
export interface ImportProblem {
  path: string;
  message: string;
}

/** What a CSV turned into: the metrics' aggregates, or the lines that are wrong. */
export type ParsedImport =
  | { ok: true; format: "aggregates" | "rows"; rows: number; metrics: MetricAggregates[] }
  | { ok: false; problems: ImportProblem[] };

const MAX_PROBLEMS = 50;
const MAX_ROWS = 200_000;

// Header names as people write them ("Sum Squares", "sum_squares", "sumSquares") → the engine's fields.
const aggregateColumns: Record<string, string> = {
  metric: "metric",
  variant: "variant",
  n: "n",
  units: "n",
  users: "n",
  sum: "sum",
  sumsquares: "sumSquares",
  postsum: "post.sum",
  postsumsquares: "post.sumSquares",
  presum: "pre.sum",
  presumsquares: "pre.sumSquares",
  postpresumofproducts: "postPreSumOfProducts",
  msum: "m.sum",
  msumsquares: "m.sumSquares",
  dsum: "d.sum",
  dsumsquares: "d.sumSquares",
  mdsumofproducts: "mdSumOfProducts",
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Reads a CSV of results. Two shapes are understood:
 * - per-variant aggregates, one line per metric and variant: `metric,variant,n,sum,sum_squares`
 *   (CUPED: `post_sum,post_sum_squares,pre_sum,pre_sum_squares,post_pre_sum_of_products`;
 *   ratio: `m_sum,m_sum_squares,d_sum,d_sum_squares,md_sum_of_products`);
 * - raw rows, one per unit: `variant,<metric>,<metric>…` with a value per mean or proportion metric,
 *   aggregated here (an empty cell leaves the unit out of that metric).
 */
export function parseResultsCsv(csv: string, design: ExperimentDesign): ParsedImport {
  let records: string[][];
  try {
    records = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problems: [{ path: line ? `csv[${line}]` : "csv", message: "is not valid CSV" }] };
  }
  if (records.length < 2) {
    return { ok: false, problems: [{ path: "csv", message: "must have a header line and at least one data line" }] };
  }
  if (records.length - 1 > MAX_ROWS) {
    return { ok: false, problems: [{ path: "csv", message: `must have at most ${MAX_ROWS} data lines` }] };
  }
  const header = records[0].map(normalise);
  if (header.includes("n") || header.includes("units") || header.includes("users")) {
    if (header.includes("metric")) return readAggregates(records, header);
    return { ok: false, problems: [{ path: "csv[1]", message: "needs a metric column next to n" }] };
  }
  return readRows(records, design);
}

function readAggregates(records: string[][], header: string[]): ParsedImport {
  const problems: ImportProblem[] = [];
  const unknown = header.filter((column) => column !== "" && !(column in aggregateColumns));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: [{ path: "csv[1]", message: `has unknown columns: ${unknown.join(", ")}` }],
    };
  }
  const fields = header.map((column) => aggregateColumns[column]);
  const byMetric = new Map<string, MetricAggregates>();
  records.slice(1).forEach((record, offset) => {
    const line = offset + 2;
    const entry: Record<string, unknown> = {};
    let metric = "";
    let invalid = false;
    fields.forEach((field, index) => {
      const cell = (record[index] ?? "").trim();
      if (!field || cell === "") return;
      if (field === "metric") metric = cell;
      else if (field === "variant") entry.variant = cell;
      else {
        const value = Number(cell);
        if (!Number.isFinite(value)) {
          problems.push({ path: `csv[${line}].${field}`, message: `must be a number (got "${cell.slice(0, 40)}")` });
          invalid = true;
          return;
        }
        const [outer, inner] = field.split(".");
        if (inner) entry[outer] = { ...((entry[outer] as object) ?? {}), [inner]: value };
        else entry[outer] = value;
      }
    });
    if (!metric) problems.push({ path: `csv[${line}].metric`, message: "is required" });
    if (!entry.variant) problems.push({ path: `csv[${line}].variant`, message: "is required" });
    if (entry.n === undefined && !invalid) problems.push({ path: `csv[${line}].n`, message: "is required" });
    if (!metric || !entry.variant || entry.n === undefined || invalid) return;
    const key = metric.toLowerCase();
    const aggregates = byMetric.get(key) ?? { metric, variants: [] };
    aggregates.variants.push(entry as VariantAggregates);
    byMetric.set(key, aggregates);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, format: "aggregates", rows: records.length - 1, metrics: [...byMetric.values()] };
}

function readRows(records: string[][], design: ExperimentDesign): ParsedImport {
  const header = records[0];
  const variantColumn = header.findIndex((column) => normalise(column) === "variant");
  if (variantColumn < 0) {
    return {
      ok: false,
      problems: [
        {
          path: "csv[1]",
          message:
            "needs either aggregate columns (metric, variant, n, sum, sum_squares) or a variant column with one column per metric",
        },
      ],
    };
  }
  const definitions = metricsOf(design);
  const columns = header
    .map((column, index) => ({
      index,
      definition: definitions.find((definition) => normalise(definition.name) === normalise(column)),
    }))
    .filter((column) => column.index !== variantColumn && column.definition !== undefined);
  if (columns.length === 0) {
    return {
      ok: false,
      problems: [
        {
          path: "csv[1]",
          message: `needs a column named after a metric (${definitions.map((d) => `"${d.name}"`).join(", ")})`,
        },
      ],
    };
  }
  const problems: ImportProblem[] = [];
  for (const { definition } of columns) {
    if (definition && definition.type !== "mean" && definition.type !== "proportion") {
      problems.push({
        path: "csv[1]",
        message: `${definition.name} is a ${definition.type} metric: import its per-variant aggregates instead of raw rows`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  // metric → variant → running sums
  const sums = new Map<string, Map<string, { name: string; n: number; sum: number; sumSquares: number }>>();
  records.slice(1).forEach((record, offset) => {
    const line = offset + 2;
    const variant = (record[variantColumn] ?? "").trim();
    if (!variant) {
      problems.push({ path: `csv[${line}].variant`, message: "is required" });
      return;
    }
    for (const { index, definition } of columns) {
      if (!definition) continue;
      const cell = (record[index] ?? "").trim();
      if (cell === "") continue;
      const value = Number(cell);
      if (!Number.isFinite(value)) {
        problems.push({
          path: `csv[${line}].${header[index]}`,
          message: `must be a number (got "${cell.slice(0, 40)}")`,
        });
        continue;
      }
      if (definition.type === "proportion" && value !== 0 && value !== 1) {
        problems.push({ path: `csv[${line}].${header[index]}`, message: "must be 0 or 1 for a proportion metric" });
        continue;
      }
      const byVariant = sums.get(definition.name) ?? new Map();
      const key = variant.toLowerCase();
      const running = byVariant.get(key) ?? { name: variant, n: 0, sum: 0, sumSquares: 0 };
      running.n += 1;
      running.sum += value;
      running.sumSquares += value * value;
      byVariant.set(key, running);
      sums.set(definition.name, byVariant);
    }
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const metrics: MetricAggregates[] = [...sums.entries()].map(([name, byVariant]) => {
    const type = definitions.find((definition) => definition.name === name)?.type;
    return {
      metric: name,
      variants: [...byVariant.values()].map((entry) =>
        type === "proportion"
          ? { variant: entry.name, n: entry.n, sum: entry.sum }
          : { variant: entry.name, n: entry.n, sum: entry.sum, sumSquares: entry.sumSquares },
      ),
    };
  });
  return { ok: true, format: "rows", rows: records.length - 1, metrics };
}
