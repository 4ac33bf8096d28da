import { describe, expect, it } from 'vitest';
import { glossaryPath, lessonPath, withLang } from '../../src/lib/paths';
import { browserLang, looksLikeLangCode, preferredLang } from '../../src/lib/lang';

describe('language choice', () => {
  it('prefers the saved language, then the browser, then English', () => {
    expect(preferredLang('ru', ['en-US'])).toBe('ru');
    expect(preferredLang(null, ['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(preferredLang(null, ['de', 'fr'])).toBe('en');
    expect(preferredLang(undefined, undefined)).toBe('en');
  });

  it('reads region-tagged browser languages', () => {
    expect(browserLang(['RU-ru'])).toBe('ru');
    expect(browserLang([])).toBeUndefined();
  });

  it('tells language codes from page names', () => {
    expect(looksLikeLangCode('fr')).toBe(true);
    expect(looksLikeLangCode('pt-BR')).toBe(true);
    expect(looksLikeLangCode('lessons')).toBe(false);
    expect(looksLikeLangCode('glossary')).toBe(false);
  });
});

describe('paths', () => {
  it('build lesson and glossary URLs', () => {
    expect(lessonPath('ru', 'reverse-proxy', 'tls')).toBe('/ru/lessons/reverse-proxy#tls');
    expect(glossaryPath('en', 'sni')).toBe('/en/glossary#sni');
  });

  it('swap only the language segment', () => {
    expect(withLang('/en/lessons/x', 'ru')).toBe('/ru/lessons/x');
    expect(withLang('/fr', 'en')).toBe('/en');
    expect(withLang('/en/', 'ru')).toBe('/ru');
  });
});
