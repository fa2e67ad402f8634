import type { DemoAccount } from "#contracts/auth";

/** The password of every demo account: public by design, and known to the app only in demo mode. */
export const DEMO_PASSWORD = "tandem-demo-northwind";

/** The demo company's people the sign-in page offers in demo mode, one per part they play (README lists them). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: "CMO", name: "Marcus Hale", email: "cmo@northwind.example", password: DEMO_PASSWORD },
  { role: "CIO", name: "Priya Raman", email: "cio@northwind.example", password: DEMO_PASSWORD },
  { role: "Marketing ops", name: "Sofia Lindqvist", email: "marketing.ops@northwind.example", password: DEMO_PASSWORD },
  { role: "IT partner", name: "Tomás Ortega", email: "it.partner@northwind.example", password: DEMO_PASSWORD },
  { role: "Finance", name: "Amara Nwosu", email: "finance@northwind.example", password: DEMO_PASSWORD },
  { role: "Security", name: "Grace Nakamura", email: "security@northwind.example", password: DEMO_PASSWORD },
];
