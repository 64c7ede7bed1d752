// The parts of marcjs and marc8 that src/import/node uses (neither ships types).
declare module 'marcjs' {
  /** A field as marcjs keeps it: [tag, value] or [tag, indicators, code, value, code, value…]. */
  type MarcjsField = string[];
  interface MarcjsRecord {
    leader: string;
    fields: MarcjsField[];
  }
  export const Iso2709Parser: { parse(raw: Buffer): MarcjsRecord };
  export const MiJParser: { parse(raw: unknown): MarcjsRecord };
}

declare module 'marc8' {
  function marc8(
    text: string,
    options?: { normalization?: false | 'NFC' | 'NFD'; invalid?: 'replace'; replace?: string },
  ): string;
  export default marc8;
}
