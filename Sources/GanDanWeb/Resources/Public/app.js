// GanDan's only script: the print button (pages work without it; CSP forbids inline scripts).
document.addEventListener("click", function (event) {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});
