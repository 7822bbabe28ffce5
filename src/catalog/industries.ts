/** Top-level industries of the trend pages (docs/upstreams.md § Filter lists), label `label_<id>`. */
export const TREND_INDUSTRIES: ReadonlyArray<{ id: number; value: string }> = [
  { id: 10000000000, value: 'Education' },
  { id: 11000000000, value: 'Vehicle & Transportation' },
  { id: 12000000000, value: 'Baby, Kids & Maternity' },
  { id: 13000000000, value: 'Financial Services' },
  { id: 14000000000, value: 'Beauty & Personal Care' },
  { id: 15000000000, value: 'Tech & Electronics' },
  { id: 17000000000, value: 'Travel' },
  { id: 18000000000, value: 'Household Products' },
  { id: 19000000000, value: 'Pets' },
  { id: 21000000000, value: 'Home Improvement' },
  { id: 22000000000, value: 'Apparel & Accessories' },
  { id: 23000000000, value: 'News & Entertainment' },
  { id: 24000000000, value: 'Business Services' },
  { id: 25000000000, value: 'Games' },
  { id: 26000000000, value: 'Life Services' },
  { id: 27000000000, value: 'Food & Beverage' },
  { id: 28000000000, value: 'Sports & Outdoor' },
  { id: 29000000000, value: 'Health' },
];

/** The 71 countries the upstream's hashtag and song charts cover (docs/upstreams.md § Filter lists). */
export const TREND_COUNTRIES: readonly string[] = (
  'AR AU AT BH BD BY BE BR BG KH CA CL CO HR CZ DK EG EE FI FR DE GR HU IS ID IQ IE IL IT JP JO KZ KW LV LB ' +
  'LT LU MO MY MX MA MM NL NZ NG NO OM PK PE PH PL PT QA RO SA SG SK ZA KR ES SE CH TW TH TR UA AE GB US UZ VN'
).split(' ');
