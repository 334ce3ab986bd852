// Chinese search, run in Material's search worker before Material's code
// (densedocs/site/search_zh.py says why). The index holds each Han character as a
// token: a query's Han runs become required characters, 可训练 -> +可 +训 +练,
// and a section is a result only if it says each run as written.
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
  // location -> the section's title and text, without markup
  const sections = new Map();
  let runs = [];
  let excluded = [];
  const chars = (run) => [...run].filter((c) => INDEXED.test(c));
  const text = (html) => html.replace(BLOCK, "\n").replace(/<[^>]*>|\u200b/g, "");

  // Inside quotes Material requires each term itself: no "+" there.
  const rewrite = (query) => {
    runs = [];
    excluded = [];
    return query.split(/("[^"]*")/).map((part, quoted) => {
      quoted %= 2;
      if (!quoted) {
        part = part.replace(EXCLUDED, (_, space, run) => {
          excluded.push(run);
          return space;
        });
      }
      return part.replace(HAN, (run) => {
        runs.push(run);
        return ` ${chars(run).map((c) => (quoted ? c : `+${c}`)).join(" ")} `;
      });
    }).join("");
  };

  const says = (section) =>
    runs.every((run) => section.includes(run)) &&
    !excluded.some((run) => section.includes(run));

  // The characters of a run stay highlighted only where they spell it: at
  // positions p, p+1, ... of one field (Material numbers a block's tokens).
  const highlightRuns = (metadata) => {
    const kept = new Set();
    for (const cs of runs.map(chars)) {
      for (const [field, { position }] of Object.entries(metadata[cs[0]] || {})) {
        for (const p of position) {
          if (cs.every((c, i) => metadata[c]?.[field]?.position.includes(p + i))) {
            cs.forEach((c, i) => kept.add(`${c} ${field} ${p + i}`));
          }
        }
      }
    }
    for (const c of new Set(runs.flatMap(chars))) {
      for (const [field, at] of Object.entries(metadata[c] || {})) {
        at.position = at.position.filter((p) => kept.has(`${c} ${field} ${p}`));
      }
    }
  };

  addEventListener("message", ({ data: message }) => {
    if (message.type === SETUP) {
      const search = self.lunr.Index.prototype.search;
      self.lunr.Index.prototype.search = function (query) {
        return search.call(this, query).filter((result) => {
          if (!says(sections.get(result.ref))) return false;
          highlightRuns(result.matchData.metadata);
          return true;
        });
      };
      for (const doc of message.data.docs) {
        sections.set(doc.location, `${text(doc.title)}\n${text(doc.text)}`);
      }
    } else if (message.type === QUERY) {
      message.data = rewrite(message.data);
    }
  });

  // A result links with its runs (?h=可训练), not their characters, and marks
  // each run as one.
  const post = self.postMessage;
  self.postMessage = function (message) {
    if (message?.type === RESULT) {
      const cs = new Set(runs.join(""));
      for (const item of message.data.items.flat()) {
        const terms = Object.entries(item.terms).filter(([term]) => !cs.has(term));
        item.terms = Object.fromEntries([...terms, ...runs.map((run) => [run, true])]);
        item.title = item.title.replace(/<\/mark><mark>/g, "");
        item.text = item.text.replace(/<\/mark><mark>/g, "");
      }
    }
    return post.apply(self, arguments);
  };
})();
