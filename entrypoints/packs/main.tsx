/** Stand-alone admin page for rule packs, until the dashboard hosts <PackAdmin /> as a section. */
import { render } from 'preact';
import { PackAdmin } from '../../components/packs/PackAdmin';

render(<PackAdmin />, document.getElementById('app')!);
