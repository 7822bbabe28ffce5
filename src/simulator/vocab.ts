/** Word lists the simulated charts draw from, so names read like the real thing. */

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Hashtags trending in any industry. */
export const GENERAL_HASHTAGS = words(`
  fyp foryou foryoupage viral trending tiktok duet stitch challenge dance comedy funny memes pov storytime
  grwm ootd dayinmylife vlog aesthetic relatable motivation inspiration love friends family couple wedding
  prom graduation birthday summer winter spring autumn halloween christmas newyear valentinesday
  thanksgiving blackfriday backtoschool weekend mondaymotivation throwback nostalgia music singing cover
  karaoke art drawing painting diy crafts photography transition lipsync tutorial howto lifehack tips
  learnontiktok booktok bookrecommendations anime cosplay kpop fandom movie netflix series worldcup
  football basketball soccer nba f1 gaming minecraft fortnite roblox asmr satisfying cleaning organization
  minimalism cozy sunset beach roadtrip nature hiking camping garden plants cat dog puppy kitten pets
  wholesome cute baby toddler momlife dadlife parenting teacher nurse doctor student studytok college
  worklife office corporatelife smallbusiness entrepreneur sidehustle money finance investing budget
  fashion style outfit thrift makeup skincare hair nails beauty fitness gym workout yoga running health
  wellness selfcare mentalhealth food foodtok recipe cooking baking coffee tea dessert healthyfood
  mukbang streetfood travel traveltok wanderlust explore city newyork london paris tokyo seoul dubai
  unboxing review haul amazonfinds tiktokmademebuyit musthave sale giftideas tech iphone android gadgets
  ai chatgpt coding carsoftiktok cars jdm motorcycle news facts history science space
`);

/** Hashtags typical of one trend industry (ids of docs/upstreams.md § Filter lists). */
export const INDUSTRY_HASHTAGS: Record<number, string[]> = {
  10000000000: words('studywithme studytips exam languagelearning englishteacher mathtok sciencetok scholarship studygram onlinecourse'),
  11000000000: words('carcheck electriccar tesla carreview dashcam roadtrip2026 carwash evcharging supercar motorbike'),
  12000000000: words('newborn pregnancy babyshower toddlertips momhacks gentleparenting babyfood nursery twins firstbaby'),
  13000000000: words('personalfinance creditscore savingmoney stocks crypto taxseason retirement frugal debtfree financetok'),
  14000000000: words('skincareroutine makeuptutorial glowup lipstick foundation haircare sunscreen kbeauty nailart perfume'),
  15000000000: words('techtok smartphone laptop setup pcbuild headphones smarthome techreview newphone appleevent'),
  17000000000: words('travelvlog hiddengems beachvibes solotravel backpacking airbnb traveltips bucketlist islandlife cityguide'),
  18000000000: words('cleantok laundry organizing cleaninghacks kitchenhacks homeessentials declutter restock dishwasher pantry'),
  19000000000: words('dogsoftiktok catsoftiktok puppylove petcare goldenretriever rescuedog catlover dogtraining petfood hamster'),
  21000000000: words('homedecor renovation diyhome interiordesign homemakeover toolhacks woodworking paintingwalls bathroomreno tinyhome'),
  22000000000: words('outfitinspo streetwear sneakers thrifthaul fashionweek capsulewardrobe jewelry handbag denim promdress'),
  23000000000: words('breakingnews celebrity redcarpet movietok tvshow podcast awards concert festival trailer'),
  24000000000: words('marketingtips branding linkedin startup productivity remotework hiring b2b salestips ecommerce'),
  25000000000: words('gamer gamingsetup ps5 xbox nintendo esports speedrun valorant callofduty indiegame'),
  26000000000: words('weddingplanning movingday housecleaning lifeadvice dating apartmenttour realestate homebuying rentersfriendly housewarming'),
  27000000000: words('easyrecipe airfryer mealprep foodie pasta bakingtok veganrecipes coffeetok snack brunch'),
  28000000000: words('gymtok hometraining marathon cycling hikingtrail surfing climbing pilates tennis fishing'),
  29000000000: words('healthtips nutrition guthealth sleep mindfulness hydration vitamins wellnessjourney physicaltherapy dermatologist'),
};

/** US names that hold the top of the US hashtag charts without an industry (the catalog's examples). */
export const US_STABLE_HASHTAGS: readonly string[] = ['prom', 'promdress'];

/** The US name that comes and goes on a 14-day cycle in those charts (daily-chart.ts, blinker). */
export const US_BLINKING_HASHTAG = 'halloween';

/** Every hashtag the simulator knows: a detail lookup answers only for these. */
export const ALL_HASHTAGS: readonly string[] = [
  ...new Set([...GENERAL_HASHTAGS, ...Object.values(INDUSTRY_HASHTAGS).flat()]),
];

export const SONG_TITLES = words(`
  Midnight_Drive Golden_Hour Paper_Hearts Neon_Lights Summer_Anthem Slow_Motion Wildfire Sugar_Rush
  Afterglow Blue_Skies Heartbeat City_of_Stars Lost_in_You Electric_Love Moonlight Free_Fall Daydream
  Higher Runaway Fever Stay_With_Me Butterflies Dancing_Alone Ocean_Eyes Bad_Habit Velvet Satellite
  Falling_Up Starlight Good_Vibes Overdrive Sweet_Escape Late_Night_Talks Cherry_Wine Polaroid Echoes
  Wild_Hearts Gravity Paradise Kaleidoscope Chasing_Sunsets Firework_Night Honey Lullaby Mirage Rewind
  Sunflower Thunder Unbreakable Vibe_Check Whisper Yellow_Cab Zero_Gravity Backseat Bloom Candy_Crush
  Dizzy Eclipse Fireflies Glow Hypnotic Infinity Jetlag Karma Lemonade Magnetic Nightcall Oasis
  Pulse Quicksand Roses Silhouette Tidal_Wave Undercover Voltage Wanderer Xtra Youth Zenith Apollo
  Breathe Cloud_Nine Drift Euphoria Fade_Away Ghost Horizon Island_Time Jungle Kingdom Lighthouse
  Marathon Nova Orbit Pixel Riptide Supernova Tropical Ultraviolet Vertigo Waves
`).map((t) => t.replace(/_/g, ' '));

export const ARTISTS = words(`
  Luna_Rae The_Midnight_Club Kai_Morgan Nova_Sky DJ_Sol Aria_Vance Echo_Park Mila_Jade Rio_Santos
  Jules_Marlowe Velvet_Youth Sasha_Lane Orion_Beats Cleo_Hart Marcus_Reed Indigo_Rose Theo_Blake
  Zara_Quinn Atlas_Wave Ivy_Monroe Leo_Cruz Sunset_Collective Maya_Lin Felix_Grey Nina_Sol Band_of_Foxes
  Kiko_Tanaka Lars_Berg Amara_Obi Pablo_Rivera
`).map((t) => t.replace(/_/g, ' '));

export const FIRST_NAMES = words(`
  Ana Ben Carla Dani Eli Fatima Gabe Hana Ivan Jade Kofi Lena Mateo Nora Omar Priya Quinn Rosa Sam
  Tara Umar Vera Will Xena Yuki Zoe Aiden Bella Chloe Diego Emma Finn Grace Hugo Isla Jonas Kira Liam
  Mia Noah
`);

export const CREATOR_STYLES = words(`
  Chef Cooks Fit Travels Styles Makes Plays Builds Glows Reads Laughs Dances Sings Paints Bakes Codes
  Explores Lifts Grows Films
`);

export const BRANDS = words(`
  Brewly Glowra Snackio Fitbox Lumina Petpal Zestful Nimbus Auralis Koda Velora Tidy&Co Sprout Brightly
  Homely Wanderly Cozyhaus Trekka Fresko Pixelo Novabank Paylo Swiftcart Skinlab Bloomr Gearhub Dripp
  Voltiq Yumbox Hydra Kinetic Mapleaf Orbitz Purely Quikly Rove Solace Tunely Urbane Vivid Wavelet
  Zenly Alto Bravo Crisp Dapper
`);

export const AD_HOOKS = [
  'Cold brew in 10s', 'You need this for summer', 'POV: your new favourite', 'Stop scrolling!',
  'Wait for the end', '3 reasons to switch', 'Rated 5 stars by 10k users', 'The only one that works',
  'Before vs after', 'Day 1 vs day 30', 'Tried it so you don\u2019t have to', 'Free shipping today',
  'Unboxing the viral one', 'My honest review', 'How I save every month', 'Game changer for mornings',
  'The secret to glowing skin', 'Why everyone is talking about it', 'Limited drop, don\u2019t miss it',
  'Made for busy people',
];

export const VIDEO_TITLES = [
  'Morning routine', 'Trying the viral recipe', 'Wait for it', 'This took me 3 hours', 'Tell me you\u2019re a',
  'Rating my followers\u2019 outfits', 'Day in my life', 'Best sunset ever', 'My dog reacts to', 'Life hack you need',
  'Rainy day vibes', 'Replying to comments', 'Cleaning my whole flat', 'Get ready with me', 'First time trying',
  'Street interview', 'Tiny kitchen, big meal', 'Road trip diaries', 'Answering your questions', 'Plot twist',
];

const KEYWORD_HEADS = words(`
  free fast easy best new natural organic cheap premium limited healthy quick daily smart eco cute
  simple perfect soft strong luxury vegan portable wireless kids
`);
const KEYWORD_NOUNS = words(`
  shipping delivery skincare recipe workout outfit gift snack coffee charger serum deal app course
  cleaner shoes bag lamp protein bundle
`);

/** 500 keyword phrases for keyword insights (upstream total 500). */
export const KEYWORDS: readonly string[] = KEYWORD_HEADS.flatMap((h) => KEYWORD_NOUNS.map((n) => `${h} ${n}`)).slice(0, 500);

export const INTERESTS: ReadonlyArray<[string, string]> = [
  ['10008', 'Professional Special Effects'], ['10001', 'Beauty & Style'], ['10002', 'Food & Drink'],
  ['10003', 'Sports & Outdoors'], ['10004', 'Games'], ['10005', 'Travel'], ['10006', 'Pets'],
  ['10007', 'Music'], ['10009', 'Education'], ['10010', 'Technology'], ['10011', 'Comedy'],
];

/** GeoNames ids, as upstream's audience_countries use them (docs/upstreams.md § Item shapes). */
export const GEONAMES: Record<string, string> = {
  US: '6252001', GB: '2635167', CA: '6251999', AU: '2077456', DE: '2921044', FR: '3017382', BR: '3469034',
  MX: '3996063', ID: '1643084', PH: '1694008', JP: '1861060', KR: '1835841', TR: '298795', SA: '102358',
  AE: '290557', VN: '1562822', TH: '1605651', MY: '1733045', IT: '3175395', ES: '2510769',
};
