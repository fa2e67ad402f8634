import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import { AppError } from "../errors";
import { findUnstorableInput } from "../plugins/text-guard";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * On an import route: the CSV may also come as a streamed multipart/form-data upload, the file in the part
     * `file` (read into the body's `csv`) and the other body fields as form fields.
     */
    csvUpload?: CsvUploadOptions;
  }
}

/** How an import route takes a multipart upload. */
export interface CsvUploadOptions {
  /** The largest file accepted, in bytes (413 naming `file` above it). */
  maxBytes: number;
  /** Form fields read as booleans ("true"/"false"). */
  booleans?: readonly string[];
  /** A body field that takes the uploaded file's name when the form does not send it. */
  fileNameField?: string;
}

/** The one form field that carries the file. */
export const CSV_FILE_FIELD = "file";
const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 4 * 1024;

// What browsers and tools send for a .csv file (Windows often says Excel, unknown extensions octet-stream).
const CSV_MEDIA_TYPES = new Set([
  "text/csv",
  "text/plain",
  "text/x-csv",
  "text/comma-separated-values",
  "application/csv",
  "application/x-csv",
  "application/vnd.ms-excel",
  "application/octet-stream",
]);

function refuseField(
  path: string,
  message: string,
  code: "validation_failed" | "payload_too_large" = "validation_failed",
) {
  return new AppError(code, `${path} ${message}`, [{ path, message }]);
}

function mediaTypeOf(mimetype: string) {
  return mimetype.split(";")[0].trim().toLowerCase();
}

// Multipart errors from the plugin and busboy (limits, malformed bodies) become problems naming the field.
function asProblem(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE")
    return refuseField(CSV_FILE_FIELD, "is larger than this import accepts", "payload_too_large");
  if (code === "FST_FILES_LIMIT") return refuseField(CSV_FILE_FIELD, "must be the only file sent");
  if (code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT") return refuseField("body", "has too many form fields");
  return refuseField("body", "is not a well-formed multipart/form-data body");
}

async function readText(stream: AsyncIterable<Buffer>, maxBytes: number) {
  const decoder = new TextDecoder("utf-8");
  const pieces: string[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw asProblem({ code: "FST_REQ_FILE_TOO_LARGE" });
    pieces.push(decoder.decode(chunk, { stream: true }));
  }
  pieces.push(decoder.decode());
  return pieces.join("");
}

/** Reads a multipart import upload into the body the route's JSON schema checks: `{csv, ...fields}`. */
export async function readCsvUpload(request: FastifyRequest, options: CsvUploadOptions) {
  const body: Record<string, unknown> = {};
  let fileName: string | undefined;
  try {
    const parts = request.parts({
      limits: {
        files: 1,
        fileSize: options.maxBytes,
        fields: MAX_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        parts: MAX_FIELDS + 1,
      },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        if (part.fieldname !== CSV_FILE_FIELD)
          throw refuseField(part.fieldname, `is not a file field; send the CSV as "${CSV_FILE_FIELD}"`);
        if (!CSV_MEDIA_TYPES.has(mediaTypeOf(part.mimetype))) {
          throw refuseField(
            CSV_FILE_FIELD,
            `must be a CSV file (text/csv), not ${mediaTypeOf(part.mimetype) || "untyped"}`,
          );
        }
        body.csv = await readText(part.file, options.maxBytes);
        if (part.file.truncated) throw asProblem({ code: "FST_REQ_FILE_TOO_LARGE" });
        fileName = part.filename;
      } else {
        if (part.fieldname === "csv" || part.fieldname in body) throw refuseField(part.fieldname, "is sent twice");
        if (part.valueTruncated) throw refuseField(part.fieldname, `is longer than ${MAX_FIELD_BYTES} bytes`);
        const value = String(part.value);
        body[part.fieldname] = options.booleans?.includes(part.fieldname)
          ? value === "true" || (value === "false" ? false : value)
          : value;
      }
    }
  } catch (error) {
    throw asProblem(error);
  }
  if (body.csv === undefined) throw refuseField(CSV_FILE_FIELD, "is required: the CSV file");
  if (options.fileNameField && body[options.fileNameField] === undefined && fileName) {
    body[options.fileNameField] = fileName;
  }
  const unstorable = findUnstorableInput(body);
  if (unstorable) throw refuseField(unstorable.path, unstorable.message);
  return body;
}

const uploadPaths = new WeakMap<FastifyInstance, Map<string, { method: string; options: CsvUploadOptions }>>();

/**
 * Takes import files as streamed multipart uploads (one file, the route's size limit) on the routes that opt in
 * with `config.csvUpload`; a multipart body anywhere else is a 415.
 */
export async function registerCsvUploads(app: FastifyInstance) {
  await app.register(multipart, {
    limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 },
  });
  const paths = new Map<string, { method: string; options: CsvUploadOptions }>();
  uploadPaths.set(app, paths);
  app.addHook("onRoute", (route: RouteOptions) => {
    const options = route.config?.csvUpload;
    if (options)
      paths.set(route.url.replace(/:(\w+)/g, "{$1}"), { method: String(route.method).toLowerCase(), options });
  });
  app.addHook("preValidation", async (request) => {
    if (!request.isMultipart()) return;
    const options = request.routeOptions.config.csvUpload;
    if (!options)
      throw new AppError("unsupported_media_type", "This operation takes application/json, not multipart/form-data");
    request.body = await readCsvUpload(request, options);
  });
}

type OpenApiDocument = {
  paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
};

/** Adds the multipart/form-data form (the `file` and the other fields) to the OpenAPI operations that take uploads. */
export function documentCsvUploads<T extends object>(app: FastifyInstance, openapi: T): T {
  const document = openapi as OpenApiDocument;
  for (const [path, { method, options }] of uploadPaths.get(app) ?? []) {
    const operation = document.paths?.[path]?.[method];
    const content = operation?.requestBody?.content;
    const json = content?.["application/json"] as
      | { schema?: { properties?: Record<string, unknown>; required?: string[] } }
      | undefined;
    if (!content || !json?.schema) continue;
    const properties: Record<string, unknown> = {
      [CSV_FILE_FIELD]: {
        type: "string",
        format: "binary",
        contentMediaType: "text/csv",
        description: `The CSV file, at most ${options.maxBytes} bytes`,
      },
    };
    for (const [name, schema] of Object.entries(json.schema.properties ?? {})) {
      if (name === "csv") continue;
      properties[name] = options.booleans?.includes(name) ? { type: "string", enum: ["true", "false"] } : schema;
    }
    content["multipart/form-data"] = {
      schema: { type: "object", required: [CSV_FILE_FIELD], properties },
      encoding: { [CSV_FILE_FIELD]: { contentType: [...CSV_MEDIA_TYPES].join(", ") } },
    };
  }
  return openapi;
}
