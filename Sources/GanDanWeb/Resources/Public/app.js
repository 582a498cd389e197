// GanDan's page script: the print button, and the offline shell (pages work without it; CSP forbids inline scripts).
document.addEventListener("click", function (event) {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});
// sw.js keeps the secretary's pages for when there is no signal (issue 20), where the browser has service workers.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(function () {});
  // The sign-in page: nobody is signed in, so no kept page may remain for the next person (sw.js drops them too).
  if (window.caches && document.querySelector('form[action="/login"]')) window.caches.delete("gandan-pages");
}
