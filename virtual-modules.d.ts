// The default pack, built from packs/default/ at bundle time (cli/pack/vite-plugin.ts). An
// ambient module cannot import by a relative path (the type would silently become any), so the
// type is named through the project-root alias.
declare module 'virtual:default-pack' {
  const pack: import('@/rules/engine/pack').Pack;
  export default pack;
}

declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
