// The Stack's contracts, by sub-domain: the taxonomy, the catalog (tools and their integrations), the portfolio
// views and the calendar feed, and shadow-IT discovery.
export * from "./stack-discovery";
export * from "./stack-portfolio";
export * from "./stack-taxonomy";
export * from "./stack-tools";
