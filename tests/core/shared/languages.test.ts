import { firstSpoken, isLocaleTag, languageFrom, LANGUAGES } from '../../../core/shared';
import { languageOf } from '../../../core/people';

describe('the language Moments writes in', () => {
  it.each([
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['de', 'de'],
    ['fr-CA', 'fr'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['ja-JP', 'ja'],
    ['nl-BE', 'nl'],
    ['es-MX', 'es'],
    ['it_IT', 'it'],
    ['en-US', 'en'],
  ])('reads %s as %s', (tag, language) => {
    expect(languageFrom([tag])).toBe(language);
  });

  it('falls back from an unknown language to the next tag, then to English', () => {
    expect(languageFrom(['ko-KR', 'de'])).toBe('de');
    expect(languageFrom(['ko-KR', undefined])).toBe('en');
    expect(firstSpoken(['ko-KR', 'zh-Hans'])).toBeUndefined();
  });

  it('does not take something that is not a locale tag for one', () => {
    expect(isLocaleTag('de-DE')).toBe(true);
    expect(isLocaleTag('de-DE-u-co-phonebk')).toBe(true);
    for (const bad of ['', 'd', 'de DE', 'x'.repeat(40), '<script>', 42, undefined]) {
      expect(isLocaleTag(bad)).toBe(false);
    }
    expect(languageFrom(['de DE', 'fr'])).toBe('fr');
  });

  it('gives a person their choice, else their Teams locale, else the tenant’s default', () => {
    expect(languageOf({ language: 'ja', locale: 'de-DE' }, 'fr')).toBe('ja');
    expect(languageOf({ locale: 'de-AT' }, 'fr')).toBe('de');
    expect(languageOf({ locale: 'ko-KR' }, 'fr')).toBe('fr');
    expect(languageOf(undefined, 'nl')).toBe('nl');
  });

  it('speaks eight languages, English first', () => {
    expect(LANGUAGES).toHaveLength(8);
    expect(LANGUAGES[0]).toBe('en');
  });
});
