// The shipped item bank: five agreement items per Luftman criterion and one overall outcome item, each worded
// for the respondent's side about the other side (a marketing person reads about IT, an IT person about
// marketing). Codes are stable: the trend follows an item by its code, and a live item's wording never changes.
import type { ItemCriterion, PublishedFigureKey } from "#contracts/health";

export type ShippedItem = {
  code: string;
  criterion: ItemCriterion;
  marketing: string;
  it: string;
  publishedFigure?: PublishedFigureKey;
};

export const SHIPPED_ITEMS: readonly ShippedItem[] = [
  // Communications
  {
    code: "com-1",
    criterion: "communications",
    marketing: "IT understands what marketing is trying to achieve this quarter.",
    it: "Marketing understands what IT is working on and why.",
  },
  {
    code: "com-2",
    criterion: "communications",
    marketing: "IT tells us early when something will affect our campaigns.",
    it: "Marketing tells us early when a campaign will need our systems.",
  },
  {
    code: "com-3",
    criterion: "communications",
    marketing: "We meet IT regularly and those meetings are worth the time.",
    it: "We meet marketing regularly and those meetings are worth the time.",
  },
  {
    code: "com-4",
    criterion: "communications",
    marketing: "IT explains technical constraints in words we understand.",
    it: "Marketing explains its needs in words we understand.",
  },
  {
    code: "com-5",
    criterion: "communications",
    marketing: "We share a common vision with IT of where marketing technology is going.",
    it: "We share a common vision with marketing of where marketing technology is going.",
    publishedFigure: "shared_vision",
  },
  // Value measurement
  {
    code: "val-1",
    criterion: "value_measurement",
    marketing: "IT's work for marketing is measured by its results for customers, not only its cost.",
    it: "Marketing measures the results of the systems we deliver, not only their cost.",
  },
  {
    code: "val-2",
    criterion: "value_measurement",
    marketing: "We agree with IT on the KPIs of a joint initiative before it starts.",
    it: "We agree with marketing on the KPIs of a joint initiative before it starts.",
  },
  {
    code: "val-3",
    criterion: "value_measurement",
    marketing: "After a launch we review with IT whether the expected value came true.",
    it: "After a launch we review with marketing whether the expected value came true.",
  },
  {
    code: "val-4",
    criterion: "value_measurement",
    marketing: "IT responds to our requests as quickly as the business needs.",
    it: "Marketing sees how quickly we respond to its requests.",
  },
  {
    code: "val-5",
    criterion: "value_measurement",
    marketing: "I can see what our technology spend returns.",
    it: "Marketing can show what the technology we run for it returns.",
  },
  // Governance
  {
    code: "gov-1",
    criterion: "governance",
    marketing: "IT is involved before we choose a new marketing tool.",
    it: "Marketing involves us before it chooses a new marketing tool.",
    publishedFigure: "it_involved_in_buying",
  },
  {
    code: "gov-2",
    criterion: "governance",
    marketing: "It is clear who decides what between marketing and IT.",
    it: "It is clear who decides what between IT and marketing.",
  },
  {
    code: "gov-3",
    criterion: "governance",
    marketing: "Priorities for IT work are set together with marketing.",
    it: "Priorities for our work are set together with marketing.",
  },
  {
    code: "gov-4",
    criterion: "governance",
    marketing: "When IT says no, it tells us why and offers an alternative.",
    it: "When we say no, marketing understands why and considers the alternative.",
  },
  {
    code: "gov-5",
    criterion: "governance",
    marketing: "The rules for buying software are easy to follow.",
    it: "Marketing follows the rules for buying software.",
  },
  // Partnership
  {
    code: "par-1",
    criterion: "partnership",
    marketing: "I see IT as a strategic partner, not a supplier.",
    it: "Marketing sees IT as a strategic partner, not a supplier.",
    publishedFigure: "strategic_partner",
  },
  {
    code: "par-2",
    criterion: "partnership",
    marketing: "I trust IT to deliver what it commits to.",
    it: "I trust marketing to deliver what it commits to.",
  },
  {
    code: "par-3",
    criterion: "partnership",
    marketing: "IT shares responsibility for marketing's results.",
    it: "Marketing shares responsibility for the systems' results.",
  },
  {
    code: "par-4",
    criterion: "partnership",
    marketing: "IT follows through on the actions agreed in our meetings.",
    it: "Marketing follows through on the actions agreed in our meetings.",
  },
  {
    code: "par-5",
    criterion: "partnership",
    marketing: "We set our objectives together with IT.",
    it: "We set our objectives together with marketing.",
  },
  // Scope & architecture
  {
    code: "arc-1",
    criterion: "scope_architecture",
    marketing: "Our marketing tools work well together.",
    it: "The marketing tools we support work well together.",
  },
  {
    code: "arc-2",
    criterion: "scope_architecture",
    marketing: "IT guides us to the right technology for our needs.",
    it: "Marketing asks us for guidance on the right technology.",
  },
  {
    code: "arc-3",
    criterion: "scope_architecture",
    marketing: "We rarely need to buy tools outside IT's knowledge.",
    it: "Marketing rarely buys tools without our knowledge.",
  },
  {
    code: "arc-4",
    criterion: "scope_architecture",
    marketing: "Customer data is handled safely across our tools.",
    it: "Marketing handles customer data in its tools safely.",
  },
  {
    code: "arc-5",
    criterion: "scope_architecture",
    marketing: "IT can add what we need to the stack quickly enough.",
    it: "We can add what marketing needs to the stack quickly enough.",
  },
  // Skills
  {
    code: "ski-1",
    criterion: "skills",
    marketing: "People in IT understand how marketing works.",
    it: "People in marketing understand how IT works.",
  },
  {
    code: "ski-2",
    criterion: "skills",
    marketing: "I have learned something useful from IT colleagues this quarter.",
    it: "I have learned something useful from marketing colleagues this quarter.",
  },
  {
    code: "ski-3",
    criterion: "skills",
    marketing: "We use the same words for the same things as IT.",
    it: "We use the same words for the same things as marketing.",
  },
  {
    code: "ski-4",
    criterion: "skills",
    marketing: "I would take part in a job swap or joint training with IT.",
    it: "I would take part in a job swap or joint training with marketing.",
  },
  {
    code: "ski-5",
    criterion: "skills",
    marketing: "IT people are rewarded for helping marketing succeed.",
    it: "We are rewarded for helping marketing succeed.",
  },
  // Outcome
  {
    code: "out-1",
    criterion: "outcome",
    marketing: "Overall, marketing and IT work well together.",
    it: "Overall, IT and marketing work well together.",
  },
];
