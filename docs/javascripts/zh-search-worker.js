// Chinese search, run in Material's search worker before Material's code
// (densedocs/site/search_zh.py says why). The index holds each Han character as a
// token: a query's Han runs become required characters, 可训练 -> +可 +训 +练,
// and a section is a result only if it says each run's words, each as written.
// A run's words: the run cut at the segmenter's word boundaries into pieces of
// two characters or more that the section says (隐藏层神经元 -> 隐藏层 神经元;
// the fewest pieces, so a section that says the whole run says it as one word).
// Sections that say every run as typed rank first. Quoted runs are said as typed.
// One index holds both editions: the sections in the page's language rank first,
// the others after them, each marked with its language's name (the hook's first
// line names the page's language: self.denseSearchLanguage).
(() => {
  "use strict";
  // Material's SearchMessageType
  const [SETUP, QUERY, RESULT] = [0, 2, 3];
  const HAN = /\p{Script=Han}+/gu;
  // -可训练: no section that says it
  const EXCLUDED = /(^|\s)-(\p{Script=Han}+)/gu;
  // The characters lunr's Chinese support keeps in a token: the index has no other
  const INDEXED = /[\u4e00-\u9fa5]/;
  // The tags Material's index keeps that a run does not cross
  const BLOCK = /<\/?(p|pre|li|ol|ul)\b[^>]*>/g;
  // Material scores a result lunr's score times 1 + g², g at most 2
  // (densedocs/site/couplings/material.py checks it): the most it multiplies by
  const MATERIAL_BOOST = 5;
  // Without Intl.Segmenter a run is one word, said as typed
  const SEGMENTER =
    typeof Intl === "object" && typeof Intl.Segmenter === "function"
      ? new Intl.Segmenter("zh", { granularity: "word" })
      : null;
  // {page, default, names}: the language of the pages loading this worker
  const LANGUAGE = self.denseSearchLanguage || { page: "", default: "", names: {} };
  // A location's language: its first folder when that names a language
  // (zh/glossary/#bias), otherwise the default language's
  const languageOf = (location) => {
    const first = location.split("/")[0];
    return first in LANGUAGE.names ? first : LANGUAGE.default;
  };
  const foreign = (location) => LANGUAGE.page && languageOf(location) !== LANGUAGE.page;
  // location -> the section's title and text, without markup
  const sections = new Map();
  // {run, cuts}: a run of the query and where it may be cut into words
  let runs = [];
  let excluded = [];
  // location -> the words its section says, for the query being answered
  const said = new Map();
  const chars = (run) => [...run].filter((c) => INDEXED.test(c));
  const text = (html) => html.replace(BLOCK, "\n").replace(/<[^>]*>|\u200b/g, "");
  const cuts = (run) =>
    SEGMENTER ? [...SEGMENTER.segment(run)].map((s) => s.index).filter(Boolean) : [];

  // Inside quotes Material requires each term itself: no "+" there.
  const rewrite = (query) => {
    runs = [];
    excluded = [];
    said.clear();
    return query.split(/("[^"]*")/).map((part, quoted) => {
      quoted %= 2;
      if (!quoted) {
        part = part.replace(EXCLUDED, (_, space, run) => {
          excluded.push(run);
          return space;
        });
      }
      return part.replace(HAN, (run) => {
        runs.push({ run, cuts: quoted ? [] : cuts(run) });
        return ` ${chars(run).map((c) => (quoted ? c : `+${c}`)).join(" ")} `;
      });
    }).join("");
  };

  // The fewest words, cut at `cuts`, of two characters or more, that spell the
  // run and that the section says each as written; null if there are none.
  const words = (section, { run, cuts }) => {
    if (section.includes(run)) return [run];
    const at = [0, ...cuts, run.length];
    const best = [[]];
    for (let j = 1; j < at.length; j++) {
      for (let i = 0; i < j; i++) {
        const word = run.slice(at[i], at[j]);
        if (!best[i] || [...word].length < 2 || !section.includes(word)) continue;
        if (!best[j] || best[i].length + 1 < best[j].length) best[j] = [...best[i], word];
      }
    }
    return best[at.length - 1] || null;
  };

  // The words the section says for every run, or null if it is no result.
  const says = (section) => {
    if (excluded.some((run) => section.includes(run))) return null;
    const found = [];
    for (const run of runs) {
      const cut = words(section, run);
      if (!cut) return null;
      found.push(...cut);
    }
    return found;
  };

  // The characters of a word stay highlighted only where they spell it: at
  // positions p, p+1, ... of one field (Material numbers a block's tokens).
  const highlightWords = (metadata, found) => {
    const kept = new Set();
    for (const cs of found.map(chars)) {
      for (const [field, { position }] of Object.entries(metadata[cs[0]] || {})) {
        for (const p of position) {
          if (cs.every((c, i) => metadata[c]?.[field]?.position.includes(p + i))) {
            cs.forEach((c, i) => kept.add(`${c} ${field} ${p + i}`));
          }
        }
      }
    }
    for (const c of new Set(runs.flatMap(({ run }) => chars(run)))) {
      for (const [field, at] of Object.entries(metadata[c] || {})) {
        at.position = at.position.filter((p) => kept.has(`${c} ${field} ${p}`));
      }
    }
  };

  // Sections that say each run as typed first: their scores are raised until the
  // lowest of them, times 1, is above the highest of the others, times Material's
  // most; the order within each group stays lunr's.
  const together = (results) => {
    const whole = (r) => said.get(r.ref).length === runs.length;
    const first = results.filter(whole).map((r) => r.score);
    const rest = results.filter((r) => !whole(r)).map((r) => r.score);
    const lowest = Math.min(...first);
    if (!rest.length || !(lowest > 0)) return results;
    const factor = Math.max(1, (1.01 * MATERIAL_BOOST * Math.max(...rest)) / lowest);
    for (const r of results) if (whole(r)) r.score *= factor;
    return results;
  };

  // The page's own language first: its sections' scores are raised as together()
  // raises the whole runs, so that Material's ranking keeps them ahead.
  const ownFirst = (results) => {
    const own = results.filter((r) => !foreign(r.ref)).map((r) => r.score);
    const rest = results.filter((r) => foreign(r.ref)).map((r) => r.score);
    const lowest = Math.min(...own);
    if (!rest.length || !(lowest > 0)) return results;
    const factor = Math.max(1, (1.01 * MATERIAL_BOOST * Math.max(...rest)) / lowest);
    for (const r of results) if (!foreign(r.ref)) r.score *= factor;
    return results;
  };

  // A result in the other language says so before its title.
  const mark = (location) => {
    const language = languageOf(location);
    const name = LANGUAGE.names[language] || language;
    return `<span class="dd-search-language" lang="${language}">${name}</span> `;
  };

  addEventListener("message", ({ data: message }) => {
    if (message.type === SETUP) {
      const search = self.lunr.Index.prototype.search;
      self.lunr.Index.prototype.search = function (query) {
        const results = search.call(this, query).filter((result) => {
          const found = says(sections.get(result.ref));
          if (!found) return false;
          said.set(result.ref, found);
          highlightWords(result.matchData.metadata, found);
          return true;
        });
        return ownFirst(runs.length ? together(results) : results);
      };
      for (const doc of message.data.docs) {
        sections.set(doc.location, `${text(doc.title)}\n${text(doc.text)}`);
      }
    } else if (message.type === QUERY) {
      message.data = rewrite(message.data);
    }
  });

  // A result links with its words (?h=可训练), not their characters, and marks
  // each word as one: the runs as typed where a section of its page says them so
  // (the page highlights them all), otherwise the words its sections say.
  const post = self.postMessage;
  self.postMessage = function (message) {
    if (message?.type === RESULT) {
      for (const group of message.data.items) {
        for (const item of group) {
          if (foreign(item.location)) item.title = mark(item.location) + item.title;
        }
      }
      const typed = runs.map(({ run }) => run);
      const cs = new Set(typed.join(""));
      for (const group of message.data.items) {
        const cut = group.map((item) => said.get(item.location)).filter(Boolean);
        const whole = !cut.length || cut.some((found) => found.length === typed.length);
        const found = whole ? typed : [...new Set(cut.flat())];
        for (const item of group) {
          const terms = Object.entries(item.terms).filter(([term]) => !cs.has(term));
          item.terms = Object.fromEntries([...terms, ...found.map((w) => [w, true])]);
          item.title = item.title.replace(/<\/mark><mark>/g, "");
          item.text = item.text.replace(/<\/mark><mark>/g, "");
        }
      }
    }
    return post.apply(self, arguments);
  };
})();
