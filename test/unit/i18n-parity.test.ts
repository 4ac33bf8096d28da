import { describe, expect, it } from 'vitest';
import enCore from '../../src/i18n/locales/en';
import enLab from '../../src/i18n/locales/en-lab';
import ruCore from '../../src/i18n/locales/ru';
import ruLab from '../../src/i18n/locales/ru-lab';

// The Lab's strings ship in the Lab's chunk but are held to the same parity as the rest.
const en = { ...enCore, lab: enLab };
const ru = { ...ruCore, lab: ruLab };

const PLURAL = /_(zero|one|two|few|many|other)$/;
const REQUIRED_PLURALS = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const base = (key: string) => key.replace(PLURAL, '');
const locales = { en: flatten(en), ru: flatten(ru) };

describe('UI strings', () => {
  it('have the same keys in English and Russian (plural forms aside)', () => {
    const keys = (lang: 'en' | 'ru') => [...new Set([...locales[lang].keys()].map(base))].sort();
    expect(keys('ru')).toEqual(keys('en'));
  });

  it.each(['en', 'ru'] as const)('%s has every plural form its language needs', (lang) => {
    const plurals = new Set([...locales[lang].keys()].filter((k) => PLURAL.test(k)).map(base));
    const all = new Set([...locales.en.keys(), ...locales.ru.keys()].filter((k) => PLURAL.test(k)).map(base));
    expect([...plurals].sort()).toEqual([...all].sort());
    for (const key of all) {
      for (const form of REQUIRED_PLURALS[lang]) {
        expect(locales[lang].has(`${key}_${form}`), `${lang}: ${key}_${form}`).toBe(true);
      }
    }
  });

  it('match Intl.PluralRules categories for Russian', () => {
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.sort()).toEqual(
      [...REQUIRED_PLURALS.ru].sort(),
    );
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, text] of locales.ru) {
      const english = locales.en.get(key) ?? locales.en.get(`${base(key)}_other`) ?? '';
      expect(placeholders(text), key).toEqual(placeholders(english));
    }
  });

  it('are never empty', () => {
    for (const [lang, strings] of Object.entries(locales)) {
      for (const [key, text] of strings) expect(text.trim(), `${lang}: ${key}`).not.toBe('');
    }
  });
});
