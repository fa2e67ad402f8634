export { buildAgenda, KIND_ORDER, MORE_HREFS, perKindLimitFor } from "./build";
export { allocateTimeBoxes, KIND_WEIGHTS } from "./time-boxes";
export type {
  ActionItemFact,
  AgendaKind,
  AgendaLink,
  AgendaLinkType,
  AgendaSnapshot,
  BuiltAgenda,
  BuiltItem,
  ClashFact,
  ExistingItem,
  ExperimentFact,
  KpiFact,
  RenewalFact,
  RequestFact,
  ReviewFact,
  SectionSpec,
} from "./types";
