import { z } from "zod";
import { AuditList } from "../audit";
import { IdParams, ListQuery, Ok, Version } from "../common";
import { defineRoute } from "../route";
import {
  CreateIntegrationBody,
  CreateToolBody,
  ImportToolsBody,
  ImportToolsResult,
  Integration,
  IntegrationList,
  IntegrationListQuery,
  Tool,
  ToolExportQuery,
  ToolList,
  ToolListQuery,
  UpdateIntegrationBody,
  UpdateToolBody,
} from "../stack";

const tags = ["stack"];

const ArchiveBody = z.strictObject({ version: Version });

/** The Stack's catalog (tools, their CSV import and export, history, archiving) and its integrations. */
export const stackToolsApi = {
  listTools: defineRoute({
    method: "GET",
    path: "/tools",
    tags,
    summary: "The catalog: search, filter, sort",
    query: ToolListQuery,
    response: { 200: ToolList },
  }),
  /** A CSV file, not JSON: the web downloads it by URL. */
  exportTools: defineRoute({
    method: "GET",
    path: "/tools/export.csv",
    tags,
    summary: "The catalog (as filtered) as a CSV file",
    query: ToolExportQuery,
    response: {},
  }),
  importTools: defineRoute({
    method: "POST",
    path: "/tools/import",
    tags,
    summary: "Check (dry run) or import a catalog CSV file: all lines or none",
    body: ImportToolsBody,
    response: { 200: ImportToolsResult },
  }),
  getTool: defineRoute({
    method: "GET",
    path: "/tools/:id",
    tags,
    summary: "One tool",
    params: IdParams,
    response: { 200: Tool },
  }),
  toolHistory: defineRoute({
    method: "GET",
    path: "/tools/:id/history",
    tags,
    summary: "Who changed a tool, what and when",
    params: IdParams,
    query: ListQuery.pick({ limit: true, cursor: true }),
    response: { 200: AuditList },
  }),
  createTool: defineRoute({
    method: "POST",
    path: "/tools",
    tags,
    summary: "Add a tool",
    body: CreateToolBody,
    response: { 201: Tool },
  }),
  updateTool: defineRoute({
    method: "PATCH",
    path: "/tools/:id",
    tags,
    summary: "Edit a tool",
    params: IdParams,
    body: UpdateToolBody,
    response: { 200: Tool },
  }),
  archiveTool: defineRoute({
    method: "POST",
    path: "/tools/:id/archive",
    tags,
    summary: "Archive a tool (kept, never deleted)",
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Tool },
  }),
  restoreTool: defineRoute({
    method: "POST",
    path: "/tools/:id/restore",
    tags,
    summary: "Bring an archived tool back",
    params: IdParams,
    body: ArchiveBody,
    response: { 200: Tool },
  }),

  listIntegrations: defineRoute({
    method: "GET",
    path: "/integrations",
    tags,
    summary: "Integrations between tools",
    query: IntegrationListQuery,
    response: { 200: IntegrationList },
  }),
  createIntegration: defineRoute({
    method: "POST",
    path: "/integrations",
    tags,
    summary: "Connect two tools",
    body: CreateIntegrationBody,
    response: { 201: Integration },
  }),
  updateIntegration: defineRoute({
    method: "PATCH",
    path: "/integrations/:id",
    tags,
    summary: "Edit an integration",
    params: IdParams,
    body: UpdateIntegrationBody,
    response: { 200: Integration },
  }),
  removeIntegration: defineRoute({
    method: "DELETE",
    path: "/integrations/:id",
    tags,
    summary: "Remove an integration",
    params: IdParams,
    response: { 200: Ok },
  }),
};
