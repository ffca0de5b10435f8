// Search page: Pagefind's default UI, with its bundle and result links under the site's path prefix.
// A query in the address (?q=…, from the search box on every page) is run at once.
(function () {
  var el = document.getElementById('search');
  if (!el || typeof PagefindUI === 'undefined') return;
  var prefix = el.getAttribute('data-prefix') || '/';
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: prefix + 'pagefind/',
    baseUrl: prefix,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: 'Search articles' },
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
