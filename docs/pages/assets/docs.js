// Material wraps each table in a scrolling box (.md-typeset__scrollwrap); a wide one scrolls
// sideways, so it must be reachable from the keyboard (WCAG 2.1.1, axe "scrollable-region-focusable").
function focusableScrollBoxes() {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) {
    box.tabIndex = 0;
  }
}
if (typeof document$ !== "undefined") {
  document$.subscribe(focusableScrollBoxes); // Material: every page, instant navigation included
} else {
  document.addEventListener("DOMContentLoaded", focusableScrollBoxes);
}
