declare module 'virtual:default-pack' {
  import type { Pack } from './rules/engine/pack';
  const pack: Pack;
  export default pack;
}

declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
