import { createRoot } from 'react-dom/client';
import { createDOMRenderer } from '@fluentui/react-components';
import { Root } from './app/Root';

/**
 * The tab's entry. Fluent's styles are inserted at run time by Griffel; the server's
 * Content-Security-Policy admits style elements carrying its per-response nonce, so the renderer
 * stamps every style element it creates with the nonce of `<meta name="csp-nonce">`.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});

const container = document.getElementById('root');
if (container) createRoot(container).render(<Root renderer={renderer} />);
