// A React app's JSX with the package's opt-in JSX types (milia-widgets/react-jsx). Must
// type-check with `strict` and `skipLibCheck: false` (test/package/types.test.mjs).
import type {} from 'milia-widgets/react-jsx';
import 'milia-widgets';
import {useRef, useState} from 'react';
import type {MiliaInfo, MiliaToggleEvent} from 'milia-widgets';

export function Article() {
  const ref = useRef<MiliaInfo>(null);
  const [log, setLog] = useState<string[]>([]);
  const onToggle = (event: MiliaToggleEvent) => setLog([...log, `${event.detail.section} ${event.detail.trigger}`]);
  return (
    <>
      <milia-info sections="overview" />
      <milia-info
        ref={ref}
        sections={['overview', 'causes']}
        expanded
        headingLevel={3}
        single
        lang="es"
        className="article"
        onmilia-toggle={(event) => console.log(event.detail.trigger, event.detail.lang)}
      >
        <p slot="header">From our clinic</p>
      </milia-info>
      <milia-faq questions="pop eyes" heading-level="4" structured-data print="open" onmilia-toggle={onToggle} />
      <p>{log.join(', ')}</p>
    </>
  );
}
