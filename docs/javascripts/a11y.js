/*
 * - Scrollable notebook cells reachable by keyboard (WCAG 2.1.1; axe-core's
 *   scrollable-region-focusable): Material gives its own code blocks a
 *   tabindex, mkdocs-jupyter's cells have none.
 * - A name for Material's search dialog (axe-core's aria-dialog-name).
 * Runs after every page load, instant navigation included.
 */
(function () {
  "use strict";

  function focusable() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Search");
    }
    var regions = document.querySelectorAll(
      ".jupyter-wrapper .highlight > pre, .jupyter-wrapper .jp-OutputArea-child"
    );
    regions.forEach(function (region) {
      if (region.scrollWidth > region.clientWidth && !region.hasAttribute("tabindex")) {
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
