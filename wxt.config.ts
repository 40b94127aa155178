import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { defaultPackPlugin } from './cli/pack/vite-plugin';
import { OPTIONAL_DATA_COLLECTION } from './utils/data-collection';

// The public half of the key that fixes the extension id (bpaphlkjmdglaojppphhcbmagkiggbeh) for
// unpacked installs, so enterprise policy files and tests can name the extension before it is built.
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1FcYdZ+Q2PHSlTQlYXkrOuZZ/swFmilEhMT3e1VHQKgD4sJdhi8Op2b8qG0FLET7HXHjV1YHZD0xhvEowr3Ri0+NYOa/fGxBAEw79G9S9lghfyN+gFjePv68iIHnofoq8dw0XHrGiso1ir3dpf76QV74ifcWwCR5s+IuICgT1/b9LdX7vxHl7MuD1LY9vnuJOszWRRgm8WWE8EWf7TIrrNv0elDeoLqBNNMAZ6gapUI8EkwoG3FssCExy4rd08Y84fH4wI4J8U6NvNDnYIToR3JiC5TJtuCfoVat0bmRuMWF6o5BPuHvwFMAG+MAkDasiwKMTj1sQW7cB1gGHCPiHwIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Auto-imports hide the dependency graph; the engine's purity must stay visible.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // declarativeNetRequest: the floor under the network gate (guard/network-floor.ts) refuses
    // publish requests from workers, other sites and forms.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'declarativeNetRequest'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Fixed, so policies.json (3rdparty.Extensions, ExtensionSettings) can name the add-on.
              id: 'govpost-guard@govpost-guard.cn',
              // MAIN-world content scripts (the network gate) need Firefox 128; the data collection
              // consent checked before uploads to the city's collector needs 140 (ESR 140 and later).
              strict_min_version: '140.0',
              // Checks and packs stay local. The log leaves only for the city's own collector when
              // its policy names one: optional kinds, checked before each send
              // (utils/data-collection.ts keeps the list and says why each).
              data_collection_permissions: { required: ['none'], optional: [...OPTIONAL_DATA_COLLECTION] },
            },
          },
        }
      : {
          key: MANIFEST_KEY,
          minimum_chrome_version: '111',
          // Enterprise policy (GPO/registry, Linux JSON) reaches storage.managed only through a declared
          // schema; it mirrors ManagedPolicy in utils/settings.ts (tests/managed-schema.test.ts).
          storage: { managed_schema: 'managed-schema.json' },
        }),
    action: { default_title: '__MSG_extName__' },
    // The auditors' dashboard doubles as the options page (reachable from the extensions page).
    options_ui: { page: 'dashboard.html', open_in_tab: true },
  }),
  vite: () => ({
    plugins: [preact(), defaultPackPlugin()],
  }),
});
