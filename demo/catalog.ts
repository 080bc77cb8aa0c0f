// The example shop's catalogue: a handful of products, each with one topic and a fixed
// popularity (sales this month across all shoppers: the same for every visitor).

export type TopicId = 'running' | 'hiking' | 'cycling' | 'camping';

export interface Topic {
  /** As a heading or list entry ("Running"). */
  label: string;
  /** Inside a sentence ("fewer running products"). */
  noun: string;
}

export const TOPICS: Record<TopicId, Topic> = {
  running: { label: 'Running', noun: 'running' },
  hiking: { label: 'Hiking', noun: 'hiking' },
  cycling: { label: 'Cycling', noun: 'cycling' },
  camping: { label: 'Camping', noun: 'camping' },
};

export function isTopic(value: string): value is TopicId {
  return Object.hasOwn(TOPICS, value);
}

/** The topic whose noun is `noun` (the `target` of a "Not interested in …" control). */
export function topicByNoun(noun: string | null): TopicId | null {
  const entry = Object.entries(TOPICS).find(([, topic]) => topic.noun === noun);
  return entry ? (entry[0] as TopicId) : null;
}

export interface Sponsor {
  onBehalfOf: string;
  paidBy: string;
}

export interface Product {
  id: string;
  name: string;
  /** One short line on the tile. */
  text: string;
  /** Shown when the visitor opens the product's details. */
  details: string;
  /** In euros. */
  price: number;
  topic: TopicId;
  /** Sold this month, to all shoppers. */
  popularity: number;
  /** Set for the one paid placement. */
  sponsor?: Sponsor;
}

export const PRODUCTS: readonly Product[] = [
  {
    id: 'trail-shoes',
    name: 'Trail running shoes',
    text: 'Light shoes with a deep grip for muddy paths.',
    details: '290 g per shoe, 6 mm drop. Free returns within 30 days.',
    price: 119,
    topic: 'running',
    popularity: 980,
  },
  {
    id: 'merino-socks',
    name: 'Merino running socks',
    text: 'Soft, warm and quick to dry. Pack of three.',
    details: '60 % merino wool, 40 % recycled nylon. Machine washable.',
    price: 18,
    topic: 'running',
    popularity: 1240,
  },
  {
    id: 'rain-jacket',
    name: 'Waterproof hiking jacket',
    text: 'A breathable shell with taped seams and a big hood.',
    details: 'Packs into its own pocket. Sizes XS to XXL.',
    price: 189,
    topic: 'hiking',
    popularity: 760,
  },
  {
    id: 'trekking-poles',
    name: 'Trekking poles',
    text: 'Folding aluminium poles, 100 to 135 cm long.',
    details: 'Cork grips, carbide tips, rubber feet for the road. 480 g the pair.',
    price: 64,
    topic: 'hiking',
    popularity: 430,
  },
  {
    id: 'repair-kit',
    name: 'Bike repair kit',
    text: 'Tyre levers, patches and a mini pump in one pouch.',
    details: 'The pump fits both Presta and Schrader valves.',
    price: 29,
    topic: 'cycling',
    popularity: 870,
  },
  {
    id: 'cycling-gloves',
    name: 'Cycling gloves',
    text: 'Padded palms and fingertips that work on touchscreens.',
    details: 'Reflective trim; sizes S to XL.',
    price: 35,
    topic: 'cycling',
    popularity: 390,
  },
  {
    id: 'two-person-tent',
    name: 'Two-person tent',
    text: 'Pitches in five minutes and weighs 2.1 kg packed.',
    details: 'Two doors, two porches, 3000 mm waterproof fly.',
    price: 249,
    topic: 'camping',
    popularity: 520,
  },
  {
    id: 'aurora-head-torch',
    name: 'Aurora head torch',
    text: '400 lumens, rechargeable, with a red night mode.',
    details: 'Up to 40 hours on low. USB-C charging. Sold by Aurora Lights.',
    price: 49,
    topic: 'camping',
    popularity: 310,
    sponsor: { onBehalfOf: 'Aurora Lights Ltd', paidBy: 'Trailside Media Network' },
  },
];

/** Where the paid placement goes in the list (0-based): the same for every visitor. */
export const AD_SLOT = 2;

export const MAX_POPULARITY = Math.max(...PRODUCTS.map((product) => product.popularity));

export function productById(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

const euros = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });
const count = new Intl.NumberFormat('en');

export function formatPrice(price: number): string {
  return euros.format(price);
}

export function formatCount(value: number): string {
  return count.format(value);
}
