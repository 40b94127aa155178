import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { defaultPackPlugin } from './cli/pack/vite-plugin';
import { OPTIONAL_DATA_COLLECTION } from './utils/data-collection';
// Fixes the extension id (bpaphlkjmdglaojppphhcbmagkiggbeh) for unpacked installs and packed CRX files alike.
import { MANIFEST_KEY } from './scripts/package/manifest-key';

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
