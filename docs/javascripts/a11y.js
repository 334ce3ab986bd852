/*
 * - Scrollable code reachable by keyboard from the start (WCAG 2.1.1; axe-core's
 *   scrollable-region-focusable). Material gives a scrollable code block a
 *   tabindex when it mounts the block, and with the content.lazy feature
 *   (mkdocs.yml) it mounts a block only once the block is in view. Notebook
 *   cells, inputs and outputs, are Material code blocks too (their <code>
 *   scrolls, never their <pre> or output area). All sizes are read before any
 *   tabindex is set: one layout, not one per block.
 * - A name for Material's search dialog (axe-core's aria-dialog-name): its
 *   field's, which Material writes in the page's language ("搜索" in /zh/).
 * Runs after every page load, instant navigation included.
 */
(function () {
  "use strict";

  function focusable() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var field = dialog && dialog.querySelector(".md-search__input");
    if (field && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
    }
    var regions = document.querySelectorAll(".md-typeset pre > code");
    var scrollable = Array.prototype.filter.call(regions, function (region) {
      return region.scrollWidth > region.clientWidth;
    });
    scrollable.forEach(function (region) {
      if (!region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
      }
    });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(focusable);
  } else {
    document.addEventListener("DOMContentLoaded", focusable);
  }
})();
