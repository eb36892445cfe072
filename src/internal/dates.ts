const formats: Record<string, Intl.DateTimeFormat> = {};

/** An ISO day (`2026-11-27`) written for the language, e.g. "27 November 2026" / "27 de noviembre de 2026". */
export function formatDay(isoDay: string, lang: string): string {
  formats[lang] ??= new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'});
  return formats[lang].format(new Date(`${isoDay}T00:00:00Z`));
}
