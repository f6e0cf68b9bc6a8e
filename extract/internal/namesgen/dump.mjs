// Prints the given names of the chosen @faker-js/faker locales and the
// Turkish names of gender-detection-from-name, one per line, Latin script
// only, sorted: the list extract/given_names.txt is made of. Run by gen.sh,
// which fetches the packages with npm.
import { allLocales } from '@faker-js/faker';
import trNames from 'gender-detection-from-name/names/tr.js';

// Locales whose names appear in sq, tr and en news: the three languages, the
// countries the news is about, and the languages of the 1980s wires.
const locales = ['en', 'en_AU', 'en_IN', 'en_NG', 'en_GH', 'en_ZA', 'tr', 'az', 'uz_UZ_latin',
  'ku_kmr_latin', 'de', 'de_CH', 'fr', 'fr_CH', 'it', 'es', 'es_MX', 'pt_PT', 'pt_BR', 'nl',
  'pl', 'cs_CZ', 'sk', 'hr', 'sr_RS_latin', 'sl_SI', 'ro', 'ro_MD', 'hu', 'sv', 'nb_NO', 'da',
  'fi', 'lv', 'id_ID', 'yo_NG', 'af_ZA'];

const names = new Set();
for (const code of locales) {
  const fn = allLocales[code]?.person?.first_name;
  if (!fn) throw new Error(`locale ${code} has no first names`);
  const list = Array.isArray(fn) ? fn : [...(fn.generic || []), ...(fn.female || []), ...(fn.male || [])];
  for (const n of list) {
    // One word of Latin letters (hyphens and apostrophes allowed): the
    // extractor looks names up one word at a time.
    if (/^[\p{Script=Latin}][\p{Script=Latin}'’-]*$/u.test(n)) names.add(n.normalize('NFC'));
  }
}
// faker's Turkish locale holds a few hundred names; this list adds the
// common ones it lacks (Tuncay, Aslı, Fırat), written in lowercase.
for (const n of trNames.keys()) {
  const w = n.normalize('NFC');
  names.add(w.charAt(0) === 'i' ? 'İ' + w.slice(1) : w.charAt(0).toLocaleUpperCase('tr') + w.slice(1));
}
console.log([...names].sort().join('\n'));
