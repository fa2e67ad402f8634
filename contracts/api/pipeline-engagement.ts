import { z } from "zod";
import { IdParams } from "../common";
import {
  CommentList,
  CreateCommentBody,
  PipelineRequest,
  PipelineSettings,
  RaciRow,
  RaciTemplate,
  RaciTemplateList,
  RequestComment,
  RequestTypeParams,
  UpdatePipelineSettingsBody,
  UpdateRaciBody,
  UpdateRaciTemplateBody,
} from "../pipeline";
import { defineRoute } from "../route";

const tags = ["pipeline"];

/** Who does what: a request's RACI, comments and watchers, the templates and the backlog's formula. */
export const engagementApi = {
  raci: defineRoute({
    method: "GET",
    path: "/requests/:id/raci",
    tags,
    summary: "Who does what on a request",
    params: IdParams,
    response: { 200: z.object({ items: z.array(RaciRow), problems: z.array(z.string()) }) },
  }),
  updateRaci: defineRoute({
    method: "PUT",
    path: "/requests/:id/raci",
    tags,
    summary: "Replace who does what on a request",
    params: IdParams,
    body: UpdateRaciBody,
    response: { 200: PipelineRequest },
  }),
  comments: defineRoute({
    method: "GET",
    path: "/requests/:id/comments",
    tags,
    summary: "A request's comments",
    params: IdParams,
    response: { 200: CommentList },
  }),
  addComment: defineRoute({
    method: "POST",
    path: "/requests/:id/comments",
    tags,
    summary: "Comment on a request (with @mentions)",
    params: IdParams,
    body: CreateCommentBody,
    response: { 201: RequestComment },
  }),
  watch: defineRoute({
    method: "POST",
    path: "/requests/:id/watch",
    tags,
    summary: "Follow a request, or stop",
    params: IdParams,
    body: z.strictObject({ watching: z.boolean() }),
    response: { 200: PipelineRequest },
  }),
  templates: defineRoute({
    method: "GET",
    path: "/raci-templates",
    tags,
    summary: "Rules of engagement: who does what, per request type",
    response: { 200: RaciTemplateList },
  }),
  updateTemplate: defineRoute({
    method: "PUT",
    path: "/raci-templates/:type",
    tags,
    summary: "Replace a request type's rules of engagement",
    params: RequestTypeParams,
    body: UpdateRaciTemplateBody,
    response: { 200: RaciTemplate },
  }),
  settings: defineRoute({
    method: "GET",
    path: "/pipeline/settings",
    tags,
    summary: "The backlog's scoring formula",
    response: { 200: PipelineSettings },
  }),
  updateSettings: defineRoute({
    method: "PUT",
    path: "/pipeline/settings",
    tags,
    summary: "Change the backlog's scoring formula (re-scores open requests)",
    body: UpdatePipelineSettingsBody,
    response: { 200: PipelineSettings },
  }),
};
