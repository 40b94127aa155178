/**
 * The public half of the key that fixes the Chromium extension id (bpaphlkjmdglaojppphhcbmagkiggbeh),
 * written into the manifest's `key` by wxt.config.ts so unpacked builds, packed CRX files and
 * enterprise policies all name the same extension. Base64 of the DER SubjectPublicKeyInfo of a
 * 2048-bit RSA key — what `npm run extension-id -- --manifest-key <key.pem>` prints for a key.
 * Its private half is not in the repository: whoever signs the CRX must hold it (docs/deploy.md).
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1FcYdZ+Q2PHSlTQlYXkrOuZZ/swFmilEhMT3e1VHQKgD4sJdhi8Op2b8qG0FLET7HXHjV1YHZD0xhvEowr3Ri0+NYOa/fGxBAEw79G9S9lghfyN+gFjePv68iIHnofoq8dw0XHrGiso1ir3dpf76QV74ifcWwCR5s+IuICgT1/b9LdX7vxHl7MuD1LY9vnuJOszWRRgm8WWE8EWf7TIrrNv0elDeoLqBNNMAZ6gapUI8EkwoG3FssCExy4rd08Y84fH4wI4J8U6NvNDnYIToR3JiC5TJtuCfoVat0bmRuMWF6o5BPuHvwFMAG+MAkDasiwKMTj1sQW7cB1gGHCPiHwIDAQAB';
