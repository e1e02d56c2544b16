import englishMessages from 'ra-language-english';
import { en } from './en';
import { id } from './id';
import { ko } from './ko';
import { raId } from './ra-id';
import { raKo } from './ra-ko';
import { ENUMS } from '../../../domain/src';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...new Set(text.match(/%\{\w+\}/g) ?? [])].sort();

const languages = {
  ko: { ra: raKo as unknown as Tree, app: ko as unknown as Tree },
  id: { ra: raId as unknown as Tree, app: id as unknown as Tree },
};

describe.each(Object.entries(languages))('%s messages', (_, messages) => {
  const englishRa = flatten(englishMessages as unknown as Tree);
  const englishApp = flatten(en as unknown as Tree);
  const ra = flatten(messages.ra);
  const app = flatten(messages.app);

  it('should translate every react-admin message, with the same keys as ra-language-english', () => {
    expect([...ra.keys()].sort()).toEqual([...englishRa.keys()].sort());
  });

  it('should translate every console message', () => {
    expect([...app.keys()].sort()).toEqual([...englishApp.keys()].sort());
  });

  it('should keep the placeholders of every message', () => {
    for (const [english, translated] of [
      [englishRa, ra],
      [englishApp, app],
    ]) {
      for (const [key, text] of english) {
        const mine = placeholders(translated.get(key) ?? '');
        if (text.includes('||||')) {
          // A one-form language may word a plural message without the singular's placeholders, never add any.
          expect({ key, extra: mine.filter((p) => !placeholders(text).includes(p)) }).toEqual({ key, extra: [] });
        } else {
          expect({ key, placeholders: mine }).toEqual({ key, placeholders: placeholders(text) });
        }
      }
    }
  });

  // Korean and Indonesian have one plural form: polyglot always uses the first, so it must carry the count.
  it('should put the count in the only plural form the language uses', () => {
    for (const [english, translated] of [
      [englishRa, ra],
      [englishApp, app],
    ]) {
      for (const [key, text] of english) {
        const forms = text.split('||||');
        if (forms.length > 1 && forms.slice(1).some((f) => f.includes('%{smart_count}'))) {
          expect({ key, first: translated.get(key)!.split('||||')[0].includes('%{smart_count}') }).toEqual({ key, first: true });
        }
      }
    }
  });

  // ...and a second form would never be shown (the menu would use the first for a plural name).
  it('should give every plural message one wording', () => {
    for (const translated of [ra, app]) {
      for (const [key, text] of translated) {
        const forms = text.split('||||').map((f) => f.trim());
        expect({ key, forms: [...new Set(forms)].length }).toEqual({ key, forms: 1 });
      }
    }
  });

  it('should not leave English untranslated in long messages', () => {
    const same = [...englishApp].filter(([key, text]) => text.length > 25 && app.get(key) === text).map(([k]) => k);
    expect(same).toEqual([]);
  });
});

describe('enum labels', () => {
  it('should label every value of every enum', () => {
    for (const [name, values] of Object.entries(ENUMS)) {
      expect(Object.keys((en.enums as Record<string, Record<string, string>>)[name]).sort()).toEqual([...values].sort());
    }
  });
});
