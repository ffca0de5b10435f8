// Small hand-written general-purpose lexicons (titles, nationality words,
// regions). No names taken from any evaluation or training article.

/** Titles and role words that may precede a name but are never part of it. */
export const TITLE_WORDS = new Set(
  `mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister brother sheikh shadow
  president vice-president vice prime premier minister ministers chancellor secretary deputy assistant under undersecretary
  spokesman spokeswoman spokesperson spokespeople ambassador envoy consul general governor senator sen rep representative congressman
  congresswoman mayor judge justice king queen prince princess emperor pope cardinal bishop archbishop ayatollah imam rabbi
  chairman chairwoman chair chief executive ceo cfo coo director manager head leader coach captain striker midfielder defender
  goalkeeper forward player commander colonel col general gen lieutenant lt major maj sergeant sgt admiral adm corporal
  officer inspector detective superintendent commissioner president-elect foreign defence defense interior finance trade
  economy economics justice health education state home agriculture energy culture sports transport labour labor
  opposition party rebel rebels militia analyst economist lawyer attorney prosecutor counsel police official officials
  founder owner partner editor correspondent reporter author writer actor actress singer star veteran champion
  former ex acting interim incumbent outgoing late new top senior junior chief-executive managing
  national international central regional federal state-run deputy-head premier-designate`.split(/\s+/).filter(Boolean),
);

/** Role nouns: the head word of a role phrase ("Kremlin spokesperson"). */
export const ROLE_HEADS = new Set(
  `president minister chancellor secretary spokesman spokeswoman spokesperson ambassador envoy consul governor senator
  mayor judge king queen prince princess emperor pope cardinal bishop archbishop chairman chairwoman chair chief executive
  ceo director manager head leader coach captain commander general colonel officer commissioner premier prosecutor
  lawyer attorney analyst economist editor correspondent founder owner official adviser advisor aide negotiator
  representative deputy vice-president president-elect striker midfielder defender goalkeeper player`.split(/\s+/).filter(Boolean),
);

/** Nationality / demonym words -> country or region name. */
export const DEMONYMS: Record<string, string> = Object.fromEntries(
  `afghan:Afghanistan albanian:Albania algerian:Algeria american:United States angolan:Angola argentine:Argentina
  argentinian:Argentina armenian:Armenia australian:Australia austrian:Austria azerbaijani:Azerbaijan azeri:Azerbaijan
  bahraini:Bahrain bangladeshi:Bangladesh belarusian:Belarus belgian:Belgium bolivian:Bolivia bosnian:Bosnia
  brazilian:Brazil british:United Kingdom bulgarian:Bulgaria burmese:Myanmar burundian:Burundi cambodian:Cambodia
  cameroonian:Cameroon canadian:Canada chadian:Chad chilean:Chile chinese:China colombian:Colombia congolese:Congo
  croatian:Croatia croat:Croatia cuban:Cuba cypriot:Cyprus czech:Czech Republic danish:Denmark dutch:Netherlands
  ecuadorean:Ecuador ecuadorian:Ecuador egyptian:Egypt english:England eritrean:Eritrea estonian:Estonia
  ethiopian:Ethiopia european:Europe filipino:Philippines finnish:Finland french:France georgian:Georgia
  german:Germany ghanaian:Ghana greek:Greece guatemalan:Guatemala haitian:Haiti honduran:Honduras hungarian:Hungary
  icelandic:Iceland indian:India indonesian:Indonesia iranian:Iran iraqi:Iraq irish:Ireland israeli:Israel
  italian:Italy ivorian:Ivory Coast jamaican:Jamaica japanese:Japan jordanian:Jordan kazakh:Kazakhstan kenyan:Kenya
  korean:Korea kosovan:Kosovo kurdish:Kurdistan kuwaiti:Kuwait kyrgyz:Kyrgyzstan latvian:Latvia lebanese:Lebanon
  liberian:Liberia libyan:Libya lithuanian:Lithuania macedonian:Macedonia malaysian:Malaysia malian:Mali
  maltese:Malta mexican:Mexico moldovan:Moldova mongolian:Mongolia moroccan:Morocco mozambican:Mozambique
  namibian:Namibia nepalese:Nepal nicaraguan:Nicaragua nigerian:Nigeria nigerien:Niger norwegian:Norway
  pakistani:Pakistan palestinian:Palestine panamanian:Panama paraguayan:Paraguay peruvian:Peru polish:Poland
  portuguese:Portugal qatari:Qatar romanian:Romania russian:Russia rwandan:Rwanda saudi:Saudi Arabia scottish:Scotland
  senegalese:Senegal serb:Serbia serbian:Serbia singaporean:Singapore slovak:Slovakia slovenian:Slovenia
  slovene:Slovenia somali:Somalia african:Africa spanish:Spain sri-lankan:Sri Lanka sudanese:Sudan swedish:Sweden
  swiss:Switzerland syrian:Syria taiwanese:Taiwan tajik:Tajikistan tanzanian:Tanzania thai:Thailand tunisian:Tunisia
  turkish:Turkey turkmen:Turkmenistan ugandan:Uganda ukrainian:Ukraine uruguayan:Uruguay uzbek:Uzbekistan
  venezuelan:Venezuela vietnamese:Vietnam welsh:Wales yemeni:Yemen yugoslav:Yugoslavia zambian:Zambia
  zimbabwean:Zimbabwe asian:Asia arab:Arab world latin:Latin America western:West soviet:Soviet Union
  emirati:United Arab Emirates`
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf(':');
      return [p.slice(0, i), p.slice(i + 1).replace(/-/g, ' ')];
    }),
);
// Fix multi-word values split by whitespace above.
for (const [k, v] of Object.entries({
  american: 'United States', british: 'United Kingdom', czech: 'Czech Republic', ivorian: 'Ivory Coast',
  saudi: 'Saudi Arabia', 'sri-lankan': 'Sri Lanka', latin: 'Latin America', soviet: 'Soviet Union',
  emirati: 'United Arab Emirates', arab: 'Arab world',
})) DEMONYMS[k] = v;

/**
 * `DEMONYMS[w] !== undefined` as a Set lookup (an object lookup by a new string is slow): the keys of
 * DEMONYMS and the names it inherits with a value (Object.prototype's "constructor", "__proto__").
 */
const DEMONYM_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype).concat(Object.keys(DEMONYMS)).filter((k) => DEMONYMS[k] !== undefined));

/** True when `DEMONYMS[w] !== undefined`. */
export function isDemonym(w: string): boolean {
  return DEMONYM_KEYS.has(w);
}

/** Regions and other place names not in the country list. */
export const REGIONS = `Europe;Asia;Africa;North America;South America;Latin America;Central America;Middle East;Near East;Far East;
  Arctic;Antarctic;Antarctica;Caribbean;Balkans;Baltic;Mediterranean;Pacific;Atlantic;Indian Ocean;Gulf;Persian Gulf;
  Scandinavia;Siberia;Caucasus;Central Asia;Southeast Asia;South Asia;East Asia;West Africa;East Africa;North Africa;
  Southern Africa;Sub-Saharan Africa;Western Europe;Eastern Europe;Central Europe;Northern Ireland;England;Scotland;Wales;
  Britain;Great Britain;Ulster;Kosovo;Tibet;Kashmir;Gaza;Gaza Strip;West Bank;Crimea;Donbas;Chechnya;Kurdistan;
  Hong Kong;Taiwan;Palestine;Yugoslavia;Soviet Union;Holland;Burma;Zaire;Ivory Coast;Korea;North Korea;South Korea`
  .split(';')
  .map((s) => s.trim())
  .filter(Boolean);

/** Words that end a company's legal name ("Inc", "Ltd"). */
export const COMPANY_LEGAL = ['inc', 'corp', 'corporation', 'co', 'ltd', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv', 'gmbh'];

/** Words that end organisation names: the legal endings and these. */
export const ORG_SUFFIXES = new Set(
  `${COMPANY_LEGAL.join(' ')} group holdings bank party ministry department agency
  council committee commission union association federation club fc university college institute company airlines
  airways motors industries bros times post news service office court parliament assembly congress senate army navy force
  forces police fund foundation league exchange board authority organisation organization front movement team`.split(/\s+/),
);

/** Lowercase words that can sit inside a name ("Nikolaus van der Pas", "Bank of England"). */
export const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'of', 'and', 'for', 'the', 'y', 'dos', 'das', 'ter', 'ten', 'zu', "d'"]);

/** Capitalised words that are never an entity by themselves. */
export const NON_NAMES = new Set(
  `the a an i he she it we they you his her its our their this that these those there here what which who whom whose
  when where why how if but and or nor so yet for of in on at by to from with as after before since until while
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
  mr mrs ms dr no yes not all some one two three also however meanwhile but despite although last next new
  chapter section page table note update updated editing reporting additional source sources photo reuters-`.split(/\s+/).filter(Boolean),
);

/** Courtesy titles: never a role by themselves. */
export const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'mr.', 'mrs.', 'ms.', 'dr.']);

/** Faith and group adjectives: never places. */
export const GROUP_WORDS = new Set(
  'muslim muslims christian christians jewish jew jews islamic islamist catholic catholics protestant protestants hindu hindus sikh sikhs buddhist buddhists arab arabs sunni shia shiite kurd kurds latino hispanic'.split(' '),
);

/** Titles that name a sovereign or a royal with a given name after them ("Prince Charles", "Pope Benedict"). */
export const SOVEREIGN_TITLES = new Set(['king', 'queen', 'prince', 'princess', 'pope', 'emperor', 'empress', 'tsar', 'czar', 'sultan', 'emir', 'sheikh']);

/** Titles that name a peer with a surname or a place after them ("Lord Woolf", "Baroness Boothroyd"). */
export const PEER_TITLES = new Set(['lord', 'lady', 'baroness', 'baron']);

/**
 * The title of a name made of a sovereign's, a royal's or a peer's title and one name ("Prince Charles" → "prince",
 * "Lord Woolf" → "lord"), lower-cased, or undefined for any other name.
 */
export function nameTitle(name: string): string | undefined {
  const sp = name.indexOf(' ');
  if (sp < 0 || name.indexOf(' ', sp + 1) >= 0) return undefined;
  const t = name.slice(0, sp).toLowerCase();
  return SOVEREIGN_TITLES.has(t) || PEER_TITLES.has(t) ? t : undefined;
}
