const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * "English (en)": how a language tag is offered in an issue form. The tag in brackets is what the bot reads
 * back, so a name that changes between ICU versions does no harm.
 */
export function languageChoice(tag: string): string {
  let name: string | undefined;
  try {
    name = languageNames.of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}
