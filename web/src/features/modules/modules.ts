import {
  type Icon,
  IconBook2,
  IconCalendarEvent,
  IconClockHour4,
  IconFlask,
  IconHeartbeat,
  IconListDetails,
  IconReportMoney,
  IconShieldCheck,
  IconStack2,
  IconTargetArrow,
} from "@tabler/icons-react";

/** One part of Tandem (the modules README.md lists): what it is for and what it will give both sides. */
export interface ProductModule {
  key: string;
  label: string;
  path:
    | "/scorecard"
    | "/pipeline"
    | "/service-levels"
    | "/stack"
    | "/guardrails"
    | "/glossary"
    | "/experiments"
    | "/value"
    | "/rituals"
    | "/health";
  icon: Icon;
  /** One line for menus and cards. */
  summary: string;
  /** The practice of good CMO–CIO pairs the module turns into a way of working. */
  practice: string;
  /** What the module will let marketing and IT do. */
  capabilities: string[];
}

/** Every module of Tandem, in the order of the navigation. */
export const productModules: ProductModule[] = [
  {
    key: "scorecard",
    label: "Scorecard",
    path: "/scorecard",
    icon: IconTargetArrow,
    summary: "Shared objectives and KPIs, co-owned by marketing and IT.",
    practice: "Agree on shared objectives, customer-oriented KPIs and revenue as a shared metric.",
    capabilities: [
      "Objectives with a marketing owner and an IT owner",
      "KPIs with definitions, targets, thresholds and a history of measurements",
      "Regular check-ins and a status everyone can read",
      "“How each of us is measured”, side by side",
    ],
  },
  {
    key: "pipeline",
    label: "Pipeline",
    path: "/pipeline",
    icon: IconListDetails,
    summary: "One intake for marketing's requests and joint initiatives.",
    practice: "Prioritise what matters — crucial, secondary, nice-to-have — and involve IT early.",
    capabilities: [
      "Requests with a business case, priority class and score",
      "A ranked backlog both sides agree on",
      "Rules of engagement: who is responsible, accountable, consulted and informed",
      "IT's architecture, integration and compliance notes in every case",
      "Every decision with its reason, and alternatives when the answer is no",
    ],
  },
  {
    key: "service-levels",
    label: "Service levels",
    path: "/service-levels",
    icon: IconClockHour4,
    summary: "Clocks for first response, decision and delivery.",
    practice: "Judge IT on how quickly it responds to marketing, not on how cheaply.",
    capabilities: [
      "Response, decision and delivery clocks per priority",
      "Breaches flagged as they happen",
      "IT responsiveness as a KPI on the scorecard",
    ],
  },
  {
    key: "stack",
    label: "Stack",
    path: "/stack",
    icon: IconStack2,
    summary: "The martech portfolio: owners, costs, contracts and integrations.",
    practice: "Guide marketing to the right technology and build an integrated suite.",
    capabilities: [
      "Every tool with its business and technical owner, cost and contract",
      "Lifecycle from plan to retirement, and renewal dates with notice periods",
      "Data handled, compliance and security reviews",
      "An integrations graph and overlapping tools",
    ],
  },
  {
    key: "guardrails",
    label: "Guardrails",
    path: "/guardrails",
    icon: IconShieldCheck,
    summary: "Purchase policy as rules; shadow IT found in expense data.",
    practice: "Make buying outside software easy and safe, and stop shadow IT.",
    capabilities: [
      "Low-risk purchases approved at once",
      "Others routed to security, legal and finance reviews",
      "Shadow IT discovered in imported expense data",
    ],
  },
  {
    key: "glossary",
    label: "Glossary",
    path: "/glossary",
    icon: IconBook2,
    summary: "One term, each side's meaning, and clashes flagged.",
    practice: "Find a common language between marketers and technologists.",
    capabilities: [
      "Terms with each team's definition and an agreed one",
      "Acronym clashes flagged (“CMS” meaning two different systems)",
      "Terms recognised and explained wherever text appears",
    ],
  },
  {
    key: "experiments",
    label: "Experiments",
    path: "/experiments",
    icon: IconFlask,
    summary: "Hypotheses tied to KPIs, analysed with sound statistics.",
    practice: "Hypothesise, measure, test and iterate.",
    capabilities: [
      "Hypotheses linked to the KPIs they should move",
      "Variants, results and a sound statistical analysis",
      "Decisions recorded with their evidence",
    ],
  },
  {
    key: "value",
    label: "Value",
    path: "/value",
    icon: IconReportMoney,
    summary: "Spend, outcomes and attribution: expected vs realised value.",
    practice: "Prove ROI, put hard numbers on soft benefits, and know which half of spend is wasted.",
    capabilities: [
      "A spend ledger and the outcomes it bought",
      "Multi-touch attribution across channels",
      "Expected versus realised value of every initiative",
    ],
  },
  {
    key: "rituals",
    label: "Rituals",
    path: "/rituals",
    icon: IconCalendarEvent,
    summary: "Joint meetings with agendas built from live data.",
    practice: "Meet regularly and commit to specific actions.",
    capabilities: [
      "Meeting series with agendas built from the scorecard and pipeline",
      "Decisions and action items with owners and due dates",
    ],
  },
  {
    key: "health",
    label: "Health",
    path: "/health",
    icon: IconHeartbeat,
    summary: "Pulse surveys and an Alignment Index with its drivers.",
    practice: "Build trust and a shared vision; pair people up for job swaps.",
    capabilities: [
      "Anonymous pulse surveys of both teams",
      "An Alignment Index with drivers and a trend",
      "Job-swap pairings between marketing and IT",
    ],
  },
];
