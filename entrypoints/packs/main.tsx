/** Stand-alone admin page for rule packs; the dashboard can host the same <PackAdmin /> as a section. */
import { render } from 'preact';
import { PackAdmin } from '../../components/packs/PackAdmin';

render(<PackAdmin />, document.getElementById('app')!);
