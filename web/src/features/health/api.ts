import type {
  Alignment,
  CreateSurveyBody,
  CreateSurveyItemBody,
  PulseCadence,
  ResponseBody,
  ResponseReceipt,
  Survey,
  SurveyItem,
  SurveyItemList,
  SurveyPage,
  SurveyResults,
  SurveyStatus,
  UpdatePulseCadenceBody,
  UpdateSurveyBody,
  UpdateSurveyItemBody,
} from "#contracts/health";
import { api } from "../../lib/api";

/** The Alignment Index with its criteria, drivers, trend, published figures and playbook (optionally one team's). */
export function getAlignment(team?: string) {
  return api<Alignment>("/alignment", { query: { team } });
}

/** A page of pulses, newest first. */
export function listSurveys(query: { status?: SurveyStatus; cursor?: string } = {}) {
  return api<SurveyPage>("/surveys", { query: { ...query, limit: 50 } });
}

/** One pulse with its items, participation and what the signed-in person may do. */
export function getSurvey(id: string) {
  return api<Survey>(`/surveys/${id}`);
}

/** A draft pulse (admins); without item ids the rotation chooses them. */
export function createSurvey(body: CreateSurveyBody) {
  return api<Survey>("/surveys", { method: "POST", body });
}

/** Edits a draft pulse (admins). */
export function updateSurvey(id: string, body: UpdateSurveyBody) {
  return api<Survey>(`/surveys/${id}`, { method: "PATCH", body });
}

/** Launches a draft pulse: k and the items are locked from now on. */
export function launchSurvey(id: string, version: number) {
  return api<Survey>(`/surveys/${id}/launch`, { method: "POST", body: { version } });
}

/** Closes an open pulse. */
export function closeSurvey(id: string, version: number) {
  return api<Survey>(`/surveys/${id}/close`, { method: "POST", body: { version } });
}

/** Sends the signed-in person's one answer to an open pulse. */
export function respondToSurvey(id: string, body: ResponseBody) {
  return api<ResponseReceipt>(`/surveys/${id}/responses`, { method: "POST", body });
}

/** A pulse's aggregated results (never single answers), optionally for one team. */
export function getSurveyResults(id: string, team?: string) {
  return api<SurveyResults>(`/surveys/${id}/responses`, { query: { team } });
}

/** The item bank. */
export async function listSurveyItems(): Promise<SurveyItem[]> {
  return (await api<SurveyItemList>("/survey-items")).items;
}

/** Adds an item to the bank (admins). */
export function createSurveyItem(body: CreateSurveyItemBody) {
  return api<SurveyItem>("/survey-items", { method: "POST", body });
}

/** Rewords an item never asked yet, or retires / reactivates one (admins). */
export function updateSurveyItem(id: string, body: UpdateSurveyItemBody) {
  return api<SurveyItem>(`/survey-items/${id}`, { method: "PATCH", body });
}

/** The pulse cadence, the next pulse's day and how long the rotation takes to ask the whole bank. */
export function getPulseCadence() {
  return api<PulseCadence>("/pulse-cadence");
}

/** Saves the pulse cadence (admins). */
export function savePulseCadence(body: UpdatePulseCadenceBody) {
  return api<PulseCadence>("/pulse-cadence", { method: "PUT", body });
}
