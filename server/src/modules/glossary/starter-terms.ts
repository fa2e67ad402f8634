// Tandem's starter glossary: common marketing and IT terms, written for Tandem. Where the two sides mean different
// things by one word, each side's meaning is given (`marketing`, `it`); where one name has two meanings (SQL, CMS,
// pipeline, release), each meaning is its own term with a context.

/** One starter term as written here; loaded into a workspace as a proposed term. */
export interface StarterTerm {
  name: string;
  acronym?: string;
  context?: string;
  definition: string;
  marketing?: string;
  it?: string;
  synonyms?: string[];
  examples?: string[];
  /** Other starter terms, as "Name" or "Name [context]". */
  related?: string[];
}

/** The starter terms, marketing's first, then IT's, then the words both use differently. */
export const STARTER_TERMS: readonly StarterTerm[] = [
  // ---------- marketing: acquisition, funnel and value ----------
  {
    name: "Customer acquisition cost",
    acronym: "CAC",
    definition:
      "What it costs on average to win one new customer: sales and marketing spend in a period divided by the customers won in it.",
    marketing:
      "Media, agency, tools and team cost of a period divided by new customers of the period; compared with LTV.",
    it: "A finance figure built from the ad platforms' spend and the CRM's new customers; needs both systems to agree on dates.",
    related: ["Customer lifetime value", "Payback period"],
  },
  {
    name: "Customer lifetime value",
    acronym: "LTV",
    definition: "The gross margin a customer is expected to bring over the whole relationship.",
    synonyms: ["CLV", "lifetime value"],
    related: ["Customer acquisition cost", "Churn rate"],
  },
  {
    name: "Payback period",
    definition: "How many months of a customer's margin it takes to earn back what acquiring them cost.",
  },
  {
    name: "Marketing-qualified lead",
    acronym: "MQL",
    definition: "A lead whose behaviour and profile meet the score marketing agreed with sales, ready to be passed on.",
    related: ["Sales-qualified lead", "Lead scoring"],
  },
  {
    name: "Sales-qualified lead",
    acronym: "SQL",
    context: "sales",
    definition: "A lead sales has accepted and qualified as a real buying opportunity.",
    marketing: "The stage after MQL; the share of MQLs that become SQLs measures lead quality.",
    it: "A lifecycle stage value in the CRM, set by a salesperson or a workflow rule.",
    related: ["Marketing-qualified lead"],
  },
  {
    name: "Structured Query Language",
    acronym: "SQL",
    context: "data",
    definition: "The standard language for reading and changing data in relational databases.",
    marketing: "What analysts write to pull numbers from the warehouse when a dashboard does not have them.",
    it: "The query language of PostgreSQL, the warehouse and most reporting tools.",
    related: ["Data warehouse"],
  },
  {
    name: "Lead",
    definition: "A person or company that has shown interest and left a way to be contacted.",
    marketing: "A contact who filled a form, downloaded content or asked for a demo.",
    it: "A record in the CRM (often a separate object from contact) created by a form or an import.",
  },
  {
    name: "Lead scoring",
    definition: "Points given to a lead for who they are and what they did, to decide when to pass them to sales.",
  },
  {
    name: "Funnel",
    definition: "The stages a prospect goes through from first contact to purchase, and how many reach each.",
    synonyms: ["marketing funnel", "sales funnel"],
  },
  {
    name: "Conversion",
    definition: "A visitor or contact doing the thing a step was designed for.",
    marketing: "A purchase, sign-up or form submission counted against a campaign.",
    it: "An event sent to analytics or an ad platform's API; a data conversion is also a change of format.",
  },
  {
    name: "Conversion rate",
    acronym: "CVR",
    definition: "Conversions divided by the visitors or contacts who could have converted, in a period.",
  },
  {
    name: "Click-through rate",
    acronym: "CTR",
    definition: "Clicks divided by impressions of an ad, email or link.",
  },
  {
    name: "Cost per click",
    acronym: "CPC",
    definition: "What an advertiser pays on average for one click on an ad.",
  },
  {
    name: "Cost per acquisition",
    acronym: "CPA",
    definition: "Media spend divided by the conversions it brought (a sign-up, an order).",
  },
  {
    name: "Cost per mille",
    acronym: "CPM",
    definition: "The price of a thousand ad impressions.",
  },
  {
    name: "Return on ad spend",
    acronym: "ROAS",
    definition: "Revenue attributed to advertising divided by the advertising spend.",
    related: ["Attribution"],
  },
  {
    name: "Return on investment",
    acronym: "ROI",
    definition: "The gain of an investment minus its cost, divided by its cost.",
  },
  {
    name: "Attribution",
    definition: "Giving the credit for a conversion to the touchpoints that led to it, by a model.",
    marketing: "How spend is judged: which channels and campaigns earned the revenue.",
    it: "A computation over joined event data (clicks, visits, orders) with identity resolution; its results are only as good as the tracking.",
    related: ["Multi-touch attribution", "Touchpoint"],
  },
  {
    name: "Multi-touch attribution",
    acronym: "MTA",
    definition:
      "Attribution that spreads the credit over every touchpoint of a journey (linear, time decay, data-driven).",
  },
  {
    name: "Marketing mix modelling",
    acronym: "MMM",
    definition: "A statistical model of how each channel's spend drives sales over time, from aggregate data.",
  },
  {
    name: "Touchpoint",
    definition: "One contact between a person and the brand: an ad seen, an email opened, a visit, a call.",
  },
  {
    name: "Customer journey",
    definition: "The sequence of touchpoints a person goes through from first contact to purchase and after.",
    synonyms: ["buyer journey"],
  },
  {
    name: "Campaign",
    definition: "A coordinated set of marketing actions with one goal, budget and period.",
    marketing: "A planned push (a launch, a season) across channels, with its own budget and results.",
    it: "A record in the marketing automation or ad tool, and the UTM value that tags its traffic.",
  },
  {
    name: "Channel",
    definition: "A route by which a company reaches people: search, social, email, events, partners.",
    marketing: "A line of the media plan with its own budget.",
    it: "A source value in analytics, or a delivery mechanism of a messaging system.",
  },
  {
    name: "Segment",
    definition: "A group of customers or prospects who share traits and are treated alike.",
    marketing: "An audience for a message or an offer.",
    it: "A saved query or list in the CDP or CRM, recomputed on a schedule.",
  },
  {
    name: "Persona",
    definition: "A portrait of a typical buyer or user, built from research, used to shape messages and products.",
  },
  {
    name: "Ideal customer profile",
    acronym: "ICP",
    definition: "The kind of company or person that gets the most value and brings the most value.",
  },
  {
    name: "Total addressable market",
    acronym: "TAM",
    definition: "The revenue available if every possible customer bought.",
  },
  {
    name: "Churn rate",
    definition: "The share of customers (or revenue) lost in a period.",
    synonyms: ["churn", "attrition rate"],
  },
  {
    name: "Retention rate",
    definition: "The share of customers at the start of a period still customers at its end.",
  },
  {
    name: "Net Promoter Score",
    acronym: "NPS",
    definition: "Promoters minus detractors, in percent, from the question how likely people are to recommend.",
  },
  {
    name: "Customer satisfaction score",
    acronym: "CSAT",
    definition: "The share of satisfied answers to a satisfaction question after an interaction.",
  },
  {
    name: "Voice of the customer",
    acronym: "VoC",
    definition: "What customers say in surveys, reviews, calls and tickets, collected and analysed.",
  },
  {
    name: "Annual recurring revenue",
    acronym: "ARR",
    definition: "Yearly value of the subscriptions in force.",
  },
  {
    name: "Monthly recurring revenue",
    acronym: "MRR",
    definition: "Monthly value of the subscriptions in force.",
  },
  {
    name: "Average order value",
    acronym: "AOV",
    definition: "Revenue divided by the number of orders in a period.",
  },
  {
    name: "Share of voice",
    acronym: "SOV",
    definition: "A brand's share of the advertising or mentions in its market.",
  },
  {
    name: "Key performance indicator",
    acronym: "KPI",
    definition: "A measure chosen to show whether an objective is being met, with a target.",
  },
  {
    name: "Objectives and key results",
    acronym: "OKR",
    definition: "Goals written as an objective and a few measurable results that show it was reached.",
  },
  {
    name: "Go-to-market",
    acronym: "GTM",
    context: "strategy",
    definition: "The plan for bringing a product to its buyers: audience, message, channels, pricing and sales motion.",
  },
  {
    name: "Google Tag Manager",
    acronym: "GTM",
    context: "tracking",
    definition: "Google's tool for placing tracking tags on a website without changing its code.",
    it: "A container script on every page that runs third-party code: a security and performance concern.",
  },
  {
    name: "Search engine optimisation",
    acronym: "SEO",
    definition: "Work on content and site structure so pages rank higher in unpaid search results.",
  },
  {
    name: "Search engine marketing",
    acronym: "SEM",
    definition: "Buying ads on search engines, and often SEO too.",
    synonyms: ["paid search"],
  },
  {
    name: "Pay-per-click",
    acronym: "PPC",
    definition: "Advertising paid by the click rather than by the impression.",
  },
  {
    name: "Call to action",
    acronym: "CTA",
    definition: "The words or button that ask the reader to take the next step.",
  },
  {
    name: "Landing page",
    definition: "A page built for one campaign's visitors, with one goal.",
  },
  {
    name: "A/B test",
    definition: "An experiment showing two versions to random halves of an audience to see which performs better.",
    synonyms: ["split test"],
    related: ["Statistical significance"],
  },
  {
    name: "Statistical significance",
    definition: "How unlikely a measured difference would be if there were no real difference.",
  },
  {
    name: "Marketing automation",
    definition: "Software that sends messages and moves contacts between stages by rules, at scale.",
    marketing: "Nurture programmes, emails and scoring without manual sends.",
    it: "A platform integrated with the CRM, the website and the data layer; its workflows are production logic.",
  },
  {
    name: "Nurturing",
    definition: "A series of messages that keep a lead engaged until they are ready to buy.",
    synonyms: ["lead nurturing"],
  },
  {
    name: "Customer relationship management",
    acronym: "CRM",
    definition: "The system of record for customers, contacts, deals and their history.",
    marketing: "Where leads and campaigns meet sales; the source of pipeline reports.",
    it: "A core SaaS system with integrations, user provisioning, data model and backups to run.",
  },
  {
    name: "Customer data platform",
    acronym: "CDP",
    definition:
      "Software that collects customer data from every source into one profile per person and sends audiences to other tools.",
    marketing: "Where segments are built and pushed to ad and email tools.",
    it: "An event pipeline and identity graph holding personal data: integrations, consent and retention to govern.",
    related: ["Identity resolution", "Consent management platform"],
  },
  {
    name: "Data management platform",
    acronym: "DMP",
    definition: "A platform of anonymous, cookie-based audiences for advertising.",
  },
  {
    name: "Digital asset management",
    acronym: "DAM",
    definition: "A library of images, videos and documents with rights, versions and metadata.",
    marketing: "Where the approved brand assets live.",
    it: "A storage and delivery system with access rights and integrations to the CMS.",
  },
  {
    name: "Content management system",
    acronym: "CMS",
    context: "content",
    definition: "Software to write, approve and publish website content without code.",
    marketing: "Where pages, articles and landing pages are edited and published.",
    it: "A web application to host, patch, integrate and secure; often headless, serving content by API.",
    related: ["Digital asset management"],
  },
  {
    name: "Configuration management system",
    acronym: "CMS",
    context: "IT service management",
    definition: "The set of tools and databases that hold the configuration items of IT services and their relations.",
    it: "The ITIL system behind change and incident management (the CMDB is part of it).",
    related: ["Configuration management database"],
  },
  {
    name: "Product information management",
    acronym: "PIM",
    definition: "The system of record for product data (descriptions, attributes, images) sent to every channel.",
  },
  {
    name: "Identity resolution",
    definition: "Recognising records from different sources as the same person.",
  },
  {
    name: "First-party data",
    definition: "Data a company collects itself from its customers and visitors.",
  },
  {
    name: "Third-party cookie",
    definition:
      "A cookie set by a domain other than the site visited, used for cross-site tracking; browsers are removing them.",
  },
  {
    name: "Consent management platform",
    acronym: "CMP",
    definition: "The banner and service that collect and record visitors' consent to cookies and tracking.",
  },
  {
    name: "Urchin tracking module",
    acronym: "UTM",
    definition: "Parameters added to a link (source, medium, campaign) so analytics knows where a visit came from.",
    synonyms: ["UTM parameters"],
  },
  {
    name: "Personalisation",
    definition: "Changing content or offers for a person based on what is known about them.",
    synonyms: ["personalization"],
  },
  {
    name: "Omnichannel",
    definition: "One consistent experience for a customer across every channel they use.",
  },
  {
    name: "Brand awareness",
    definition: "How many people in a market know the brand, prompted or unprompted.",
  },
  {
    name: "Engagement",
    definition: "How much people interact with content or a product.",
    marketing: "Likes, shares, comments, opens and time spent.",
    it: "Active use of an application, measured from its logs or analytics events.",
  },
  {
    name: "Bounce rate",
    definition: "The share of something that did not go further.",
    marketing: "Web: visits that left after one page. Email: messages the receiving server refused.",
    it: "Email: messages refused by the receiving server (hard or soft bounces), a deliverability signal.",
  },
  {
    name: "Deliverability",
    definition: "Whether emails reach the inbox rather than spam or nowhere.",
  },
  {
    name: "Martech",
    definition: "The marketing technology stack: the software marketing uses.",
    synonyms: ["marketing technology"],
  },
  // ---------- IT: services, architecture and security ----------
  {
    name: "Application programming interface",
    acronym: "API",
    definition: "A defined way for one piece of software to ask another for data or actions.",
    marketing: "How two tools exchange data without files or manual export.",
    it: "A contract (endpoints, formats, authentication, limits) that must be versioned and monitored.",
  },
  {
    name: "Webhook",
    definition: "A message one system sends to another's address when something happens.",
  },
  {
    name: "Enterprise service bus",
    acronym: "ESB",
    definition: "Middleware that routes, transforms and delivers messages between enterprise applications.",
    related: ["Integration platform as a service"],
  },
  {
    name: "Integration platform as a service",
    acronym: "iPaaS",
    definition: "A cloud service for building integrations between applications with connectors and flows.",
  },
  {
    name: "Extract, transform, load",
    acronym: "ETL",
    definition: "Copying data from sources, reshaping it and loading it into a warehouse.",
  },
  {
    name: "Data warehouse",
    definition: "A database built for analysis that gathers data from many systems.",
  },
  {
    name: "Data lake",
    definition: "A store of raw data in its original formats, for later processing.",
  },
  {
    name: "Single sign-on",
    acronym: "SSO",
    definition: "Signing in once with the company account to reach many applications.",
    marketing: "Why a new tool must be connected by IT before the team can log in.",
    it: "SAML or OpenID Connect federation with the identity provider; a purchase condition for SaaS.",
  },
  {
    name: "Multi-factor authentication",
    acronym: "MFA",
    definition: "Signing in with a second proof besides the password: an app, a key, a code.",
    synonyms: ["two-factor authentication", "2FA"],
  },
  {
    name: "Identity provider",
    acronym: "IdP",
    definition: "The service that holds user accounts and vouches for them to other applications.",
  },
  {
    name: "Role-based access control",
    acronym: "RBAC",
    definition: "Granting permissions to roles, and roles to people.",
  },
  {
    name: "Service level agreement",
    acronym: "SLA",
    definition: "A committed level of service (availability, response time) and what happens when it is missed.",
    marketing: "The promise of how fast a request is answered or a tool is back up.",
    it: "A contract with targets measured by monitoring, with credits or penalties.",
    related: ["Service level objective"],
  },
  {
    name: "Service level objective",
    acronym: "SLO",
    definition: "An internal target for a service's reliability, stricter than the SLA.",
  },
  {
    name: "Recovery point objective",
    acronym: "RPO",
    definition: "How much data, measured in time, may be lost when a system fails.",
    related: ["Recovery time objective"],
  },
  {
    name: "Recovery time objective",
    acronym: "RTO",
    definition: "How long a system may be down before it must be restored.",
  },
  {
    name: "Business continuity",
    definition: "Keeping essential work going through an incident or disaster.",
  },
  {
    name: "Disaster recovery",
    acronym: "DR",
    definition: "Restoring systems and data after a major failure.",
  },
  {
    name: "Uptime",
    definition: "The share of time a service is available.",
    synonyms: ["availability"],
  },
  {
    name: "Latency",
    definition: "The time between a request and its answer.",
  },
  {
    name: "Incident",
    definition: "An unplanned interruption or degradation of a service.",
  },
  {
    name: "Change request",
    definition: "A formal request to change a system, assessed and approved before it is made.",
  },
  {
    name: "Change advisory board",
    acronym: "CAB",
    definition: "The group that reviews and approves significant changes to IT services.",
  },
  {
    name: "Configuration management database",
    acronym: "CMDB",
    definition: "The database of configuration items (systems, services, components) and their relations.",
  },
  {
    name: "IT service management",
    acronym: "ITSM",
    definition: "How IT designs, delivers and supports its services (requests, incidents, changes).",
  },
  {
    name: "Information Technology Infrastructure Library",
    acronym: "ITIL",
    definition: "A widely used set of IT service management practices.",
  },
  {
    name: "Software as a service",
    acronym: "SaaS",
    definition: "Software used over the internet on a subscription, run by its vendor.",
  },
  {
    name: "Shadow IT",
    definition: "Software and services bought or used without IT's knowledge.",
    marketing: "The tool the team bought on a card because the official way took too long.",
    it: "An unknown system holding company data, outside security review, SSO and contracts.",
  },
  {
    name: "Technical debt",
    definition: "The future cost of shortcuts taken now in systems and code.",
  },
  {
    name: "Legacy system",
    definition: "An old system still in use, hard to change or replace.",
  },
  {
    name: "Cloud",
    definition: "Computing resources rented on demand from a provider over the internet.",
  },
  {
    name: "Infrastructure as a service",
    acronym: "IaaS",
    definition: "Renting servers, storage and networks from a cloud provider.",
  },
  {
    name: "Content delivery network",
    acronym: "CDN",
    definition: "Servers around the world that keep copies of a site's files close to visitors.",
  },
  {
    name: "Domain Name System",
    acronym: "DNS",
    definition: "The internet's directory that turns domain names into addresses.",
  },
  {
    name: "Encryption",
    definition: "Encoding data so only holders of the key can read it.",
  },
  {
    name: "Data processing agreement",
    acronym: "DPA",
    definition: "The contract under which a vendor processes personal data on a company's behalf.",
  },
  {
    name: "General Data Protection Regulation",
    acronym: "GDPR",
    definition: "The EU law on personal data: lawful basis, consent, rights of the person, security, breaches.",
  },
  {
    name: "Personally identifiable information",
    acronym: "PII",
    definition: "Data that identifies a person directly or with other data.",
    synonyms: ["personal data"],
  },
  {
    name: "Security review",
    definition: "IT security's assessment of a tool or change before it is used.",
  },
  {
    name: "Penetration test",
    definition: "An authorised simulated attack to find weaknesses.",
    synonyms: ["pen test"],
  },
  {
    name: "Vulnerability",
    definition: "A weakness that an attacker could use.",
  },
  {
    name: "Data governance",
    definition: "Who decides about data, with what rules, so it is trusted, protected and used well.",
  },
  {
    name: "Master data management",
    acronym: "MDM",
    definition: "Keeping one agreed version of key records (customers, products) across systems.",
  },
  {
    name: "Data retention",
    definition: "How long data is kept, and when it is deleted.",
  },
  {
    name: "Total cost of ownership",
    acronym: "TCO",
    definition: "All the costs of a system over its life: licences, setup, integration, running, people, exit.",
  },
  {
    name: "Proof of concept",
    acronym: "PoC",
    definition: "A small trial to show that an idea or a tool can work before committing.",
  },
  {
    name: "Minimum viable product",
    acronym: "MVP",
    definition: "The smallest version of a product that lets a team learn from real users.",
  },
  {
    name: "Requirement",
    definition: "Something a solution must do or be.",
    marketing: "The business outcome and the users' needs.",
    it: "A specific, testable statement: a function, a data flow, a security or performance need.",
  },
  {
    name: "Non-functional requirement",
    acronym: "NFR",
    definition: "How well a system must work (speed, availability, security, scale), not what it does.",
  },
  {
    name: "User acceptance testing",
    acronym: "UAT",
    definition: "Testing by the business users that a solution does what they need before it goes live.",
  },
  {
    name: "Agile",
    definition: "Working in short cycles, delivering small increments and adapting to feedback.",
  },
  {
    name: "Sprint",
    definition: "A fixed period (often two weeks) in which a team delivers an agreed set of work.",
  },
  {
    name: "Backlog",
    definition: "The ordered list of work a team has not started yet.",
  },
  {
    name: "Continuous integration and delivery",
    acronym: "CI/CD",
    definition: "Building, testing and releasing software automatically on every change.",
  },
  {
    name: "Release",
    definition: "Making a new version available.",
    marketing: "A launch: the moment customers hear about something new.",
    it: "A deployed version of software, planned, tested and possibly rolled back.",
  },
  {
    name: "Pipeline",
    context: "sales",
    definition: "The open deals expected to close, with their value and stage.",
    synonyms: ["sales pipeline"],
  },
  {
    name: "Pipeline",
    context: "engineering",
    definition: "The automated chain of steps that builds, tests and deploys software or moves data.",
    synonyms: ["deployment pipeline", "data pipeline"],
  },
  {
    name: "Platform",
    definition: "Software others build on.",
    marketing: "A channel or network where the brand appears (a social platform, an ad platform).",
    it: "A shared technical base (cloud, data, integration) on which applications run.",
  },
  {
    name: "Integration",
    definition: "A connection that moves data between two systems.",
    marketing: "The connector that makes two tools work together.",
    it: "A data flow with an owner, a method (API, file, iPaaS), monitoring and failure handling.",
  },
  {
    name: "Tag",
    definition: "A label or a snippet, depending on who says it.",
    marketing: "A tracking pixel or script on the website, or a label on a contact.",
    it: "A script injected into pages (a performance and security concern), or a label on a resource.",
  },
  {
    name: "Event",
    definition: "Something that happened, at a time.",
    marketing: "A trade show, webinar or conference.",
    it: "A record of an action sent to analytics or a message bus (page_view, order_placed).",
  },
  {
    name: "Data layer",
    definition: "A structured object on a web page that gives tags the page's data in one agreed form.",
  },
  {
    name: "Headless",
    definition: "A system that serves content or commerce by API without its own front end.",
  },
];
