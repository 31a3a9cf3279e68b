// Made on first use: creating it loads ICU's language names (about 10 ms), which most runs of the bot, whose bundle
// includes this module, never need.
let languageNames: Intl.DisplayNames | undefined;

/**
 * "English (en)": how a language tag is offered in an issue form. The tag in brackets is what the bot reads
 * back, so a name that changes between ICU versions does no harm.
 */
export function languageChoice(tag: string): string {
  let name: string | undefined;
  try {
    name = (languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}
