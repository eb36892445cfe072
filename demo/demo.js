// The demo page's own behaviour. A file rather than inline script, so the demo also runs
// under the strict Content-Security-Policy that the README documents (see the <meta> in
// index.html). The configurator ("Make your snippet") lives in configurator.js.

// The language switch of the examples; the configurator's preview has its own.
const language = document.getElementById('language');
language.addEventListener('change', () => {
  for (const widget of document.querySelectorAll('.examples milia-info, .examples milia-faq')) {
    if (language.value) widget.setAttribute('lang', language.value);
    else widget.removeAttribute('lang');
  }
});
