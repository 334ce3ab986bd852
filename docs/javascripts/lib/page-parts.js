/*
 * The elements a page script works on, found once (pure: the page hands in
 * its root element). A page whose Markdown lost one of them gets an error
 * that names the script and what is missing, before anything is bound:
 * never a crash halfway through.
 *
 *   const parts = pageParts(root, { form: "[data-calc-form]" }, "calculator.js");
 */

/**
 * { name: element } for each { name: selector } under root; throws
 * "<script>: the page has no <selector>, ..." when any is missing.
 */
export function pageParts(root, selectors, script) {
  const parts = {};
  const missing = [];
  for (const [name, selector] of Object.entries(selectors)) {
    parts[name] = root.querySelector(selector);
    if (!parts[name]) missing.push(selector);
  }
  if (missing.length) {
    throw new Error(script + ": the page has no " + missing.join(", ") +
      " (the script's elements in its Markdown)");
  }
  return parts;
}
