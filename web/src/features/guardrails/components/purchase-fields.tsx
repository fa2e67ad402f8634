import {
  Autocomplete,
  Card,
  Checkbox,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import type { PurchaseDetails } from "#contracts/guardrails";
import { type DataClass, type StackCategory, StackLimits } from "#contracts/stack";
import { useAllTools, useTaxonomy } from "../../stack/hooks/use-stack";
import { categoryOptions } from "../../stack/labels";

/** What the intake form keeps of a purchase while it is being written. */
export interface PurchaseValues {
  vendor: string;
  product: string;
  category: StackCategory | null;
  subcategory: string;
  capabilities: string[];
  annualCost: string;
  currency: string;
  seats: string | number;
  sso: boolean;
  dpaAvailable: boolean;
  hostingRegion: string;
  integratesWith: string[];
  agencyManaged: boolean;
}

/** The labels of the purchase fields, by their path in the request body (errors name them). */
export const purchaseLabels: Record<string, string> = {
  "purchase.vendor": "Vendor",
  "purchase.product": "Product",
  "purchase.category": "Category",
  "purchase.subcategory": "Subcategory",
  "purchase.capabilities": "Capabilities",
  "purchase.annualCost": "Annual cost",
  "purchase.currency": "Cost currency",
  "purchase.seats": "Seats",
  "purchase.dataClasses": "Data involved",
  "purchase.sso": "Single sign-on (SSO)",
  "purchase.dpaAvailable": "The vendor offers a data processing agreement (DPA)",
  "purchase.hostingRegion": "Hosting region",
  "purchase.integratesWith": "Must integrate with",
  "purchase.agencyManaged": "Run by an agency",
};

/** An empty purchase, or the one a saved request carries. */
export function purchaseValuesOf(purchase: PurchaseDetails | null | undefined, currency = "EUR"): PurchaseValues {
  return {
    vendor: purchase?.vendor ?? "",
    product: purchase?.product ?? "",
    category: purchase?.category ?? null,
    subcategory: purchase?.subcategory ?? "",
    capabilities: purchase?.capabilities ?? [],
    annualCost: purchase?.annualCost ?? "",
    currency: purchase?.currency ?? currency,
    seats: purchase?.seats ?? "",
    sso: purchase?.sso ?? false,
    dpaAvailable: purchase?.dpaAvailable ?? false,
    hostingRegion: purchase?.hostingRegion ?? "",
    integratesWith: purchase?.integratesWith ?? [],
    agencyManaged: purchase?.agencyManaged ?? false,
  };
}

/** The purchase as the request body sends it; its data classes are the request's "Data involved". */
export function purchaseBodyOf(values: PurchaseValues, dataClasses: DataClass[]) {
  return {
    vendor: values.vendor,
    product: values.product,
    category: values.category as StackCategory,
    subcategory: values.subcategory,
    capabilities: values.capabilities,
    annualCost: values.annualCost.trim(),
    currency: values.currency.trim().toUpperCase(),
    seats: values.seats === "" || values.seats === null ? null : Number(values.seats),
    dataClasses,
    sso: values.sso,
    dpaAvailable: values.dpaAvailable,
    hostingRegion: values.hostingRegion,
    integratesWith: values.integratesWith,
    agencyManaged: values.agencyManaged,
  } satisfies PurchaseDetails;
}

type InputProps = (field: keyof PurchaseValues, options?: { type?: "checkbox" }) => GetInputPropsReturnType;

/**
 * What the purchase policy decides on: vendor and product, where it sits in the martech taxonomy, cost and seats,
 * security facts, and the Stack tools it must connect to. The data it handles is the request's "Data involved".
 */
export function PurchaseFields({ values, inputProps }: { values: PurchaseValues; inputProps: InputProps }) {
  const taxonomy = useTaxonomy();
  const tools = useAllTools();
  const subcategories =
    taxonomy.data?.categories.find((entry) => entry.key === values.category)?.subcategories.map(String) ?? [];
  const label = (field: keyof PurchaseValues) => purchaseLabels[`purchase.${field}`];
  return (
    <Card component="section" aria-labelledby="purchase-heading">
      <Title order={2} size="h4" id="purchase-heading">
        The purchase
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        What the purchase policy decides on. Low-risk buys are approved the moment you submit; the others go to the
        right reviewers at once.
      </Text>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={label("vendor")} required maxLength={StackLimits.vendorMax} {...inputProps("vendor")} />
          <TextInput label={label("product")} required maxLength={StackLimits.nameMax} {...inputProps("product")} />
          <Select
            label={label("category")}
            required
            data={categoryOptions}
            allowDeselect={false}
            placeholder="Pick a category"
            {...inputProps("category")}
          />
          <Autocomplete
            label={label("subcategory")}
            required
            description="Pick one or type your own"
            data={subcategories}
            {...inputProps("subcategory")}
          />
        </SimpleGrid>
        <TagsInput
          label={label("capabilities")}
          description="What it does, e.g. forms, surveys — press Enter after each; overlaps are found by these"
          maxTags={StackLimits.tagsMax}
          {...inputProps("capabilities")}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={label("annualCost")}
            required
            inputMode="decimal"
            placeholder="1200"
            {...inputProps("annualCost")}
          />
          <TextInput label={label("currency")} maxLength={3} {...inputProps("currency")} />
          <NumberInput label={label("seats")} min={0} allowDecimal={false} placeholder="10" {...inputProps("seats")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={label("hostingRegion")} placeholder="EU" maxLength={60} {...inputProps("hostingRegion")} />
          <MultiSelect
            label={label("integratesWith")}
            description="Tools in the Stack it must connect to"
            placeholder="Pick tools"
            searchable
            data={(tools.data ?? []).map((tool) => ({ value: tool.id, label: tool.name }))}
            {...inputProps("integratesWith")}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Checkbox label={label("sso")} {...inputProps("sso", { type: "checkbox" })} />
          <Checkbox label={label("dpaAvailable")} {...inputProps("dpaAvailable", { type: "checkbox" })} />
          <Checkbox label={label("agencyManaged")} {...inputProps("agencyManaged", { type: "checkbox" })} />
        </Stack>
      </Stack>
    </Card>
  );
}
