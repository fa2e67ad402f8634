import { IdParams } from "../common";
import {
  CreateJobSwapBody,
  JobSwap,
  JobSwapListQuery,
  JobSwapPage,
  UpdateJobSwapBody,
  WriteJobSwapReflectionBody,
} from "../job-swaps";
import { defineRoute } from "../route";

const tags = ["rituals"];

/** Job swaps and shadowing: the programme's pairs, their periods, goals and reflections. */
export const jobSwapsApi = {
  list: defineRoute({
    method: "GET",
    path: "/job-swaps",
    tags,
    summary: "Job swaps past, current or planned",
    query: JobSwapListQuery,
    response: { 200: JobSwapPage },
  }),
  create: defineRoute({
    method: "POST",
    path: "/job-swaps",
    tags,
    summary: "Pair a marketing person with an IT person for a period with goals",
    body: CreateJobSwapBody,
    response: { 201: JobSwap },
  }),
  get: defineRoute({
    method: "GET",
    path: "/job-swaps/:id",
    tags,
    summary: "One job swap",
    params: IdParams,
    response: { 200: JobSwap },
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/job-swaps/:id",
    tags,
    summary: "Edit a job swap's kind, period or goals",
    params: IdParams,
    body: UpdateJobSwapBody,
    response: { 200: JobSwap },
  }),
  writeReflection: defineRoute({
    method: "PUT",
    path: "/job-swaps/:id/reflection",
    tags,
    summary: "Write my reflection on a job swap I took part in (once its period ended)",
    params: IdParams,
    body: WriteJobSwapReflectionBody,
    response: { 200: JobSwap },
  }),
};
