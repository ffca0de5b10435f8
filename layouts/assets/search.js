// Search page: Pagefind's default UI, with its bundle and result links under the site's path prefix.
// A query in the address (?q=…, from the search box on every page) is run at once.
(function () {
  var el = document.getElementById('search');
  if (!el || typeof PagefindUI === 'undefined') return;
  var prefix = el.getAttribute('data-prefix') || '/';
  // One search bundle per year of articles: the first is loaded, the others merged into it.
  var bundles = JSON.parse(el.getAttribute('data-bundles') || '[]');
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: bundles[0] || prefix + 'pagefind/',
    mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: b }; }),
    baseUrl: prefix,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: 'Search articles' },
  });
  // Pagefind's input has only a placeholder: give it a real label.
  var labelInput = function () {
    var input = el.querySelector('input.pagefind-ui__search-input');
    if (!input || input.id) return !!input;
    input.id = 'search-input';
    var label = document.createElement('label');
    label.htmlFor = 'search-input';
    label.className = 'visually-hidden';
    label.textContent = 'Search articles';
    input.parentNode.insertBefore(label, input);
    return true;
  };
  if (!labelInput()) new MutationObserver(function (_, obs) { if (labelInput()) obs.disconnect(); }).observe(el, { childList: true, subtree: true });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
