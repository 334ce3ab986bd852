/*
 * Which message table a page speaks (pure: no DOM). Each page script keeps
 * its words in tables by language (en, zh) and picks one by <html lang>,
 * which mkdocs-static-i18n sets per page:
 *
 *   const t = messagesFor(MESSAGES, document.documentElement.lang);
 */

/** tables[lang] for "zh" or "zh-Hans"; English for any other language. */
export function messagesFor(tables, lang) {
  const base = String(lang || "en").split("-")[0];
  return Object.prototype.hasOwnProperty.call(tables, base) ? tables[base] : tables.en;
}
