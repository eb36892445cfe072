// Another script's element registered under our tag before milia-widgets loads (a theme or
// another library that happened to pick the name): milia-widgets must leave it alone.
customElements.define(
  'milia-info',
  class ForeignInfo extends HTMLElement {
    connectedCallback() {
      this.dataset.foreign = 'yes';
    }
  }
);
