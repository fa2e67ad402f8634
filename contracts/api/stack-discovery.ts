import { Ok } from "../common";
import { defineRoute } from "../route";
import {
  AdoptCandidateBody,
  AdoptCandidateResult,
  DismissCandidateBody,
  ExpenseImportList,
  ImportExpensesBody,
  ImportExpensesResult,
  ShadowCandidateList,
} from "../stack";

const tags = ["stack"];

/** Shadow-IT discovery: expense statements in, candidates out, adopted into the catalog or dismissed. */
export const discoveryApi = {
  importExpenses: defineRoute({
    method: "POST",
    path: "/stack/discovery/imports",
    tags,
    summary: "Check (dry run) or import an expense statement for shadow-IT discovery",
    body: ImportExpensesBody,
    response: { 200: ImportExpensesResult },
  }),
  imports: defineRoute({
    method: "GET",
    path: "/stack/discovery/imports",
    tags,
    summary: "Imported statements",
    response: { 200: ExpenseImportList },
  }),
  candidates: defineRoute({
    method: "GET",
    path: "/stack/discovery/candidates",
    tags,
    summary: "Shadow-IT candidates: software-like spend on merchants in no catalog tool",
    response: { 200: ShadowCandidateList },
  }),
  adoptCandidate: defineRoute({
    method: "POST",
    path: "/stack/discovery/candidates/adopt",
    tags,
    summary: "Bring a candidate into the catalog as shadow, and open its purchase review",
    body: AdoptCandidateBody,
    response: { 201: AdoptCandidateResult },
  }),
  dismissCandidate: defineRoute({
    method: "POST",
    path: "/stack/discovery/candidates/dismiss",
    tags,
    summary: "Stop proposing a merchant",
    body: DismissCandidateBody,
    response: { 200: Ok },
  }),
};
