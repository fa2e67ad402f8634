/** The example policy of the Guardrails issue, word for word (used by tests and the benchmark). */
export const EXAMPLE_POLICY = {
  rules: [
    {
      id: "fast-lane",
      when: "request.annualCost < 5000.0 && request.dataClasses.all(d, d == 'none') && request.sso",
      outcome: "approve",
      explain: "Low cost, no personal data, SSO",
    },
    {
      id: "personal-data",
      when: "request.dataClasses.exists(d, d in ['personal', 'sensitive_personal'])",
      outcome: "review",
      require: ["security", "legal"],
      explain: "Personal data needs a security review and a DPA",
    },
    { id: "overlap", when: "size(stack.overlapping) > 0", outcome: "review", require: ["it"] },
    {
      id: "denied-vendor",
      when: "request.vendor in ['Acme Spyware']",
      outcome: "block",
      explain: "Vendor not allowed",
    },
  ],
};
