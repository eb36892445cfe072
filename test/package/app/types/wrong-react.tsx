// JSX an app must NOT be able to write: each marked line must be exactly that type error.
import type {} from 'milia-widgets/react-jsx';

export const wrong = (
  <>
    <milia-info sections={42} /> {/* TS2322 */}
    <milia-info headingLevel={true} /> {/* TS2322 */}
    <milia-faq questions="pop" print="some" /> {/* TS2322 */}
    <milia-faq onmilia-toggle={(event: MouseEvent) => event.button} /> {/* TS2322 */}
    <milia-info questions="pop" /> {/* TS2322 */}
    <milia-infos /> {/* TS2339 */}
  </>
);
