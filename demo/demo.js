// The demo page's own behaviour. A file rather than inline script, so the demo also runs
// under the strict Content-Security-Policy that the README documents.
const language = document.getElementById('language');
language.addEventListener('change', () => {
  for (const widget of document.querySelectorAll('milia-info, milia-faq')) {
    if (language.value) widget.setAttribute('lang', language.value);
    else widget.removeAttribute('lang');
  }
});
