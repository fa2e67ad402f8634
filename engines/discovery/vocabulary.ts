// Word lists of the normaliser. Facts about how banks print card transactions: a processor or marketplace
// prefix before "*", then the merchant, then references, phone numbers, city and country.

/** Payment processors whose prefix stands before the real merchant ("PAYPAL *CANVA", "SQ *HOTJAR"), by the
 * prefix as printed (letters and digits only) → the processor's name. */
export const PROCESSOR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ["paypal", "paypal"],
  ["pp", "paypal"],
  ["sq", "square"],
  ["sqr", "square"],
  ["sp", "shopify"],
  ["stripe", "stripe"],
  ["str", "stripe"],
  ["fs", "fastspring"],
  ["fastspring", "fastspring"],
  ["2co", "2checkout"],
  ["2checkout", "2checkout"],
  ["paddle", "paddle"],
  ["paddlenet", "paddle"],
  ["dri", "digital river"],
  ["cko", "checkout.com"],
  ["in", "intuit"],
  ["tst", "toast"],
  ["sumup", "sumup"],
  ["zettle", "zettle"],
  ["izettle", "zettle"],
  ["iz", "zettle"],
  ["wpy", "worldpay"],
  ["ec", "braintree"],
  ["bt", "braintree"],
  ["avangate", "2checkout"],
  ["recurly", "recurly"],
  ["chargebee", "chargebee"],
]);

/** Processors that are printed as a first word without a star ("PAYPAL CANVA"); only unambiguous long names. */
export const LEADING_PROCESSOR_WORDS: ReadonlySet<string> = new Set([
  "paypal",
  "stripe",
  "fastspring",
  "2checkout",
  "paddle",
]);

/** Processors that mostly resell software: their presence is a software signal. */
export const SOFTWARE_PROCESSORS: ReadonlySet<string> = new Set([
  "fastspring",
  "2checkout",
  "paddle",
  "digital river",
  "recurly",
  "chargebee",
  "stripe",
]);

/** Bank abbreviations rewritten to the merchant's usual name. Multi-word entries are matched as a run. */
export const REWRITES: ReadonlyArray<readonly [string[], string[]]> = [
  [["amzn", "mktp"], ["amazonmarketplace"]],
  [["amazon", "mktp"], ["amazonmarketplace"]],
  [["amazon", "mktplace"], ["amazonmarketplace"]],
  [["amazon", "marketplace"], ["amazonmarketplace"]],
  [["amzn"], ["amazon"]],
  [["msft"], ["microsoft"]],
  [["goog"], ["google"]],
  [["facebk"], ["facebook"]],
  [
    ["fb", "ads"],
    ["facebook", "ads"],
  ],
  [
    ["linkedin", "prem"],
    ["linkedin", "premium"],
  ],
];

/** Labels for rewritten tokens that do not read well title-cased. */
export const LABELS: ReadonlyMap<string, string> = new Map([["amazonmarketplace", "Amazon Marketplace"]]);

/** Top-level domains recognised in merchant text ("ZOOM.US", "MONDAY.COM", "notion.so"). */
export const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set(
  (
    "com io co net org ai app us dev so me ly cc tv de fr eu biz info cloud tech to gg im is xyz one ie nl be ch at " +
    "se dk no fi es it pt pl cz uk au ca nz in jp sg hk br mx il ee lt lv email site online page studio design"
  ).split(" "),
);

/** Second-level labels under a country domain ("amazon.co.uk" → "amazon"). */
export const SECOND_LEVEL_LABELS: ReadonlySet<string> = new Set(["co", "com", "net", "org", "ac", "gov"]);

/** Company-form suffixes, removed from the end of a name. */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(
  (
    "inc incorporated ltd limited llc llp lp gmbh mbh bv nv sa sas sarl srl spa sl slu ab as asa aps oy oyj ag kg " +
    "ug se plc corp corporation co company pty pte kk pvt sro bhd sdn cv sde ehf hf kft zrt doo ou uab sia " +
    "technologies technology software systems labs lab solutions holdings group hq"
  ).split(" "),
);

/** Words of billing and bank boilerplate, removed anywhere ("MAILCHIMP *MONTHLY", "ADOBE *ACROPRO SUBS"). */
export const BILLING_WORDS: ReadonlySet<string> = new Set(
  (
    "subscription subscriptions subscr subscrip subs sub monthly month annual annually yearly year renewal renew " +
    "recurring recur bill billing payment pymt pmt invoice charge charges purchase pos debit checkcard authorized " +
    "auth plan membership license licence seats fee fees transaction txn ref reference www http https " +
    "internet online"
  ).split(" "),
);

/** Billing words that hint at software (recurring, per-seat, licensed), for the signals of unknown merchants. */
export const SOFTWARE_BILLING_WORDS: ReadonlySet<string> = new Set(
  (
    "subscription subscriptions subscr subscrip subs monthly annual annually yearly renewal renew recurring recur " +
    "plan membership license licence seats"
  ).split(" "),
);

/** Place words removed from the end of a description: ISO 3166 alpha-2 and common alpha-3 codes, US states,
 * countries and cities where software vendors bill from, regions. */
export const PLACE_WORDS: ReadonlySet<string> = new Set(
  // Countries and territories (alpha-2), minus a few that read as product words.
  (
    "ad ae af ag al am ao ar at au aw az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cd cf cg ch ci " +
    "cl cm cn cr cu cv cw cy cz de dj dk dm do dz ec ee eg er es et fi fj fm fr ga gb gd ge gh gi gl gm gn gr gt " +
    "gu gy hk hn hr ht hu id ie il im iq ir is it je jm jo jp ke kg kh km kn kr kw ky kz la lb lc li lk lr ls lt " +
    "lu lv ly ma mc md mg mk ml mm mn mo mt mu mv mw mx my mz na ne ng ni nl no np nz om pa pe pg ph pk pl pr ps " +
    "pt py qa ro rs ru rw sa sc sd se sg si sk sl sm sn so sr sv sy sz td tg th tj tn tr tt tw tz ua ug uk us uy " +
    "uz va ve vn ye za zm zw " +
    // Alpha-3 and common names.
    "usa gbr irl deu nld fra can aus esp ita swe dnk nor fin bel che aut pol prt isr sgp ind jpn lux mlt est ltu " +
    "ireland england scotland wales britain germany deutschland netherlands nederland holland france spain espana " +
    "italy italia sweden denmark norway finland belgium switzerland schweiz suisse austria poland portugal brazil " +
    "mexico canada australia singapore india israel japan luxembourg malta estonia lithuania latvia cyprus " +
    "czechia hungary romania bulgaria greece croatia slovenia slovakia iceland " +
    // US states (postal codes not above).
    "ak az ct dc fl ga hi ia ks ky la ma md me mi mn mo ms mt nc nd nh nj nm nv ny oh ok or pa ri sc sd tn tx ut " +
    "va vt wa wi wv wy california delaware texas washington massachusetts utah colorado florida " +
    // Cities.
    "dublin cork london manchester edinburgh cambridge oxford amsterdam rotterdam utrecht berlin munich muenchen " +
    "hamburg frankfurt cologne koeln paris lyon stockholm copenhagen kobenhavn oslo helsinki tallinn vilnius riga " +
    "sydney melbourne brisbane auckland toronto vancouver montreal ottawa singapore tokyo bangalore bengaluru " +
    "mumbai zurich geneva vienna wien prague praha warsaw krakow lisbon lisboa porto madrid barcelona milan milano " +
    "rome roma brussels bruxelles antwerp valletta sliema gzira seattle boston austin chicago denver atlanta miami " +
    "dallas houston wilmington dover lehi draper provo sunnyvale cupertino oakland berkeley portland " +
    "phoenix sf nyc la " +
    // Regions.
    "emea eu europe intl international global worldwide apac latam americas"
  ).split(" "),
);

/** Place names of several words, removed from the end like single place words. */
export const PLACE_PHRASES: ReadonlyArray<readonly string[]> = [
  ["san", "francisco"],
  ["new", "york"],
  ["los", "angeles"],
  ["palo", "alto"],
  ["mountain", "view"],
  ["menlo", "park"],
  ["redwood", "city"],
  ["san", "mateo"],
  ["san", "jose"],
  ["santa", "clara"],
  ["salt", "lake", "city"],
  ["tel", "aviv"],
  ["hong", "kong"],
  ["united", "kingdom"],
  ["united", "states"],
  ["st", "julians"],
  ["san", "diego"],
  ["north", "sydney"],
];

/** Common words and weekdays: a catalog name that is one of these ("Monday.com" → "monday", "Box", "Zoom",
 * "Slack") matches only when it is the whole description or a domain in it, never as one word among others. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
    "january february march april may june july august september october november december jan feb mar apr jun " +
    "jul aug sep sept oct nov dec " +
    "the and of in on for to at by my your our one two go get app apps cloud data web mail pay card hub team " +
    "teams work meet chat docs drive sheets forms office calendar ads analytics design studio media social video " +
    "music news travel air bird fish star sun moon light day time now next new first plus pro premium prime max " +
    "live link line point space spot stack track flow form page site press print copy write read note notes book " +
    "books paper pen ink mind brain spark wave ocean river lake rock stone gold silver green blue red black white " +
    "orange apple banana mango lemon lime coffee tea bread cake pie box zoom slack front close drift loom notion " +
    "buffer later bloom sprout base frame mention signal pitch craft linear basecamp pipe bar shop store market " +
    "restaurant hotel taxi bakery pizza deli kitchen grill pub gas fuel parking food bank post shell target " +
    "square stripe sage lever greenhouse gong outreach anchor ramp remote medium ghost canvas focus bonus " +
    "harvest float hive glean ahead loop"
  ).split(" "),
);

/** Words that suggest software in an unknown merchant's text. */
export const SOFTWARE_WORDS: ReadonlySet<string> = new Set(
  (
    "software saas cloud app apps digital online license licence api hosting host server servers analytics labs " +
    "technologies tech ai io hq platform crm email marketing seo domain domains dns vpn backup storage data " +
    "automation workspace suite pro premium team teams business"
  ).split(" "),
);

/** Words that suggest a merchant is not software (food, travel, retail). */
export const NON_SOFTWARE_WORDS: ReadonlySet<string> = new Set(
  (
    "coffee cafe caffe restaurant ristorante bar pub hotel hotels inn hostel airbnb airline airlines airways taxi " +
    "uber lyft parking fuel petrol gas station grocery supermarket bakery pizza pizzeria burger sushi kitchen " +
    "grill deli catering florist flowers pharmacy train rail railway metro transport cinema gym fitness dining " +
    "food foods lunch dinner breakfast starbucks mcdonalds pret costa amazonmarketplace tesco aldi lidl " +
    "rewe edeka ikea shell esso bp"
  ).split(" "),
);
