import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The placeholders, tags and plural/select arguments a message uses: what a translation must keep. */
export function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) {
        found.add(`{${element.value}}`);
      } else if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`{${element.value}, ${element.type === TYPE.plural ? 'plural' : 'select'}}`);
        Object.values(element.options).forEach((option) => walk(option.value));
      } else if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/**
 * What is wrong with `catalogue` against the source: keys missing or extra, messages that are not
 * valid ICU, and messages whose placeholders or tags differ from the source's.
 */
export function catalogueProblems(
  source: Readonly<Record<string, string>>,
  catalogue: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(source)) if (!(key in catalogue)) problems.push(`${key}: missing`);
  for (const key of Object.keys(catalogue)) if (!(key in source)) problems.push(`${key}: not in the source`);
  for (const [key, message] of Object.entries(catalogue)) {
    if (!(key in source)) continue;
    let used: string[];
    try {
      used = argumentsOf(message);
    } catch (error) {
      problems.push(`${key}: not valid ICU (${(error as Error).message})`);
      continue;
    }
    const wanted = argumentsOf(source[key]!);
    if (used.join() !== wanted.join()) {
      problems.push(
        `${key}: uses ${used.join(' ') || 'nothing'}, the source ${wanted.join(' ') || 'nothing'}`,
      );
    }
  }
  return problems;
}
