/**
 * TikTok One's own enumerations, as the simulated upstream knows them (docs/upstreams.md § TikTok One).
 * They are the upstream's vocabulary, not Trendlens's: a client that sends anything else is answered
 * the way TikTok One answers it.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** `industryID` values GetHashtagList accepts, with their names. */
export const ONE_INDUSTRIES: ReadonlyArray<{ id: number; name: string }> = [
  { id: 10000000000, name: 'Education' },
  { id: 11000000000, name: 'Vehicles' },
  { id: 12000000000, name: 'Baby & Kids' },
  { id: 13000000000, name: 'Financial services' },
  { id: 14000000000, name: 'Beauty & personal care' },
  { id: 15000000000, name: 'Tech & electronics' },
  { id: 16000000000, name: 'Appliances' },
  { id: 17000000000, name: 'Travel' },
  { id: 18000000000, name: 'Household products' },
  { id: 19000000000, name: 'Pets' },
  { id: 20000000000, name: 'Apps' },
  { id: 21000000000, name: 'Home improvement' },
  { id: 22000000000, name: 'Apparel & accessories' },
  { id: 23000000000, name: 'News & entertainment' },
  { id: 24000000000, name: 'Business services' },
  { id: 25000000000, name: 'Games' },
  { id: 26000000000, name: 'Life services' },
  { id: 27000000000, name: 'Food & beverage' },
  { id: 28000000000, name: 'Sports & outdoor' },
  { id: 29000000000, name: 'Health' },
  { id: 30000000000, name: 'E-commerce' },
];

/** The 27 hashtag regions; another valid-looking country answers an empty chart. */
export const HASHTAG_REGIONS: readonly string[] = words('US FR DE IT ES GB AR AU BR CA CO EG ID IL JP KR MY MX PH SA SG ZA TW TH TR AE VN');

/** Countries with top-contents (video) data; the rest answer an empty list. */
export const VIDEO_COUNTRIES: readonly string[] = words('US JP ID TH VN');

/** Content labels of the top-contents filter (11001–11015). */
export const CONTENT_LABELS: ReadonlyArray<{ id: number; name: string }> = [
  'Entertainment', 'Beauty', 'Fashion', 'Food & Drink', 'Sports', 'Gaming', 'Pets & Animals', 'Travel',
  'Education', 'Music & Dance', 'Family & Parenting', 'Home & Garden', 'Automotive', 'Health & Fitness',
  'Tech & Finance',
].map((name, i) => ({ id: 11001 + i, name }));

/** Hashtags of the three industries the legacy charts never had (legacy word lists cover the rest). */
export const MORE_INDUSTRY_HASHTAGS: Record<number, string[]> = {
  16000000000: words('airfryerrecipes robotvacuum kitchengadgets blender coffeemachine dysonairwrap washingmachine icecreammaker smartfridge microwavehacks'),
  20000000000: words('appoftheday iphoneapps productivityapps budgetapp languageapp photoediting aitools widgets fitnessapp studyapp'),
  30000000000: words('tiktokshop shopwithme founditonamazon dealsoftheday flashsale unboxinghaul shoppinghaul affordablefinds smallbusinesscheck onlineshopping'),
};
