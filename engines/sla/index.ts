export { addBusinessMinutes, businessMinutes } from "./business-time";
export { type CompiledCalendar, compileCalendar } from "./calendar";
export { clock } from "./clock";
export { SlaInputError } from "./errors";
export {
  type ClockInput,
  type ClockResult,
  type ClockStatus,
  type Interval,
  SlaDefaults,
  type WorkCalendar,
} from "./types";
