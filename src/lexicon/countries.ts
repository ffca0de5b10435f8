// Country names (i18n-iso-countries, English, with aliases) and nationality adjectives.
import { createRequire } from 'node:module';
import { fold } from './fold.ts';

let cache: Map<string, string> | undefined;

/**
 * Country names and aliases, keyed by folded name, valued by the name as spelt in the
 * source ("united states of america" → "United States of America").
 * @example countryNames().get('japan') //=> 'Japan'
 */
export function countryNames(): ReadonlyMap<string, string> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const lib = require('i18n-iso-countries') as { getNames(lang: string, o: { select: 'all' }): Record<string, string[]> };
  cache = new Map();
  for (const names of Object.values(lib.getNames('en', { select: 'all' }))) {
    for (const n of names) cache.set(fold(n), n);
  }
  return cache;
}

/**
 * Nationality and regional adjectives (lower case), which English always capitalises.
 * A compact hand-made list: the common ones in international news.
 */
export const DEMONYMS: ReadonlySet<string> = new Set(
  (
    'afghan african albanian algerian american angolan arab arabian argentine argentinian armenian asian australian austrian ' +
    'azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese burundian ' +
    'cambodian cameroonian canadian caribbean chadian chechen chilean chinese colombian congolese croatian cuban cypriot czech ' +
    'danish dutch ecuadorean ecuadorian egyptian emirati english eritrean estonian ethiopian european filipino finnish french ' +
    'georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish ' +
    'israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti kyrgyz laotian latvian ' +
    'lebanese liberian libyan lithuanian macedonian malaysian malian maltese mexican moldovan mongolian montenegrin moroccan ' +
    'mozambican namibian nepalese nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan persian peruvian ' +
    'philippine polish portuguese qatari romanian russian rwandan saudi scottish senegalese serb serbian sierra singaporean slovak ' +
    'slovenian somali soviet spanish sudanese swedish swiss syrian taiwanese tajik tanzanian thai tibetan tunisian turkish ' +
    'turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni yugoslav zairean zambian zimbabwean'
  ).split(' '),
);
