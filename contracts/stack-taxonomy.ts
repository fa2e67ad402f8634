import { z } from "zod";
import { VersionOrDefault } from "./common";

/**
 * The built-in martech taxonomy: six top categories (after the marketing technology landscape's
 * standard grouping), each with its usual subcategories. Workspaces may use their own subcategories.
 */
export const STACK_TAXONOMY = {
  advertising: {
    label: "Advertising & promotion",
    subcategories: [
      "Display & programmatic",
      "Search & social advertising",
      "Native & content advertising",
      "Video advertising",
      "Print",
      "Public relations",
    ],
  },
  content: {
    label: "Content & experience",
    subcategories: [
      "Web experience & CMS",
      "Email marketing",
      "Marketing automation",
      "Personalization & testing",
      "Digital asset management",
      "SEO",
      "Interactive content",
      "Video marketing",
      "Mobile apps",
    ],
  },
  social: {
    label: "Social & relationships",
    subcategories: [
      "CRM",
      "Account-based marketing",
      "Social media management",
      "Events & webinars",
      "Advocacy, loyalty & referrals",
      "Feedback & chat",
      "Community & reviews",
      "Call analytics",
    ],
  },
  commerce: {
    label: "Commerce & sales",
    subcategories: [
      "E-commerce platforms",
      "E-commerce marketing",
      "Affiliate marketing",
      "Channel & partner marketing",
      "Sales enablement",
      "Retail & proximity",
    ],
  },
  data: {
    label: "Data",
    subcategories: [
      "Customer data platform",
      "Marketing analytics & attribution",
      "Web & mobile analytics",
      "Dashboards & visualization",
      "Data integration & tag management",
      "Audience data & enrichment",
      "Governance, compliance & privacy",
      "Business intelligence & data science",
    ],
  },
  management: {
    label: "Management",
    subcategories: [
      "Collaboration",
      "Projects & workflow",
      "Budgeting & finance",
      "Product management",
      "Talent management",
      "Vendor management",
    ],
  },
} as const;

/** One of the six top categories. */
export const StackCategory = z.enum(["advertising", "content", "social", "commerce", "data", "management"]);
export type StackCategory = z.infer<typeof StackCategory>;

/** The martech taxonomy offered by the API. */
export const Taxonomy = z.object({
  categories: z.array(z.object({ key: StackCategory, label: z.string(), subcategories: z.array(z.string()) })),
  /** Whether the workspace edited it (false: the built-in taxonomy). */
  isCustom: z.boolean(),
  /** The version to send with an edit; 0 for the built-in taxonomy. */
  version: z.number().int(),
});

const subcategoryList = z
  .array(z.string().trim().min(1, { error: "is empty" }).max(80))
  .min(1, { error: "needs at least one subcategory" })
  .max(40)
  .refine((list) => new Set(list.map((item) => item.toLowerCase())).size === list.length, {
    error: "lists a subcategory twice",
  });

/** Replaces the workspace's subcategories (the six top categories stay). */
export const UpdateTaxonomyBody = z.strictObject({
  subcategories: z.strictObject({
    advertising: subcategoryList,
    content: subcategoryList,
    social: subcategoryList,
    commerce: subcategoryList,
    data: subcategoryList,
    management: subcategoryList,
  }),
  version: VersionOrDefault,
});
export type UpdateTaxonomyBody = z.infer<typeof UpdateTaxonomyBody>;
