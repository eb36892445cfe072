// The app's own Lit element: the app uses Lit too, so a second copy of Lit would show.
import {LitElement, html} from 'lit';

customElements.define(
  'app-greeting',
  class extends LitElement {
    render() {
      return html`<p>Hello from the app</p>`;
    }
  }
);
